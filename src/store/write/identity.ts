import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { PowerList } from '../../model/index.js';
import { runToEnd, type Steps } from '../../pace/index.js';
import { StoreError } from '../errors.js';
import { normalizeForSearch } from '../search/normalize.js';

/**
 * Which stored list an imported one is a version of: its department, else its title, else
 * its source file's base name without extension, normalised (NFKC, lower case, no
 * whitespace). So "自治区密码管理局" lists are versions of each other whatever the file is called.
 *
 * @example listKey({ department: ' 自治区 密码管理局', … }) === '自治区密码管理局'
 */
export function listKey(list: Pick<PowerList, 'department' | 'title' | 'source'>): string {
  const file = basename(list.source.file.replace(/\\/g, '/'));
  const candidates = [list.department, list.title, file.slice(0, file.length - extname(file).length), file];
  for (const candidate of candidates) {
    const key = candidate ? normalizeForSearch(candidate) : '';
    if (key !== '') return key;
  }
  return normalizeForSearch(list.source.sha256);
}

/**
 * A list key given by the user (`quanze import --db --list`), normalised like the automatic
 * ones so "自治区 密码管理局" names the same list as the department would.
 */
export function chosenListKey(key: string): string {
  const normalized = normalizeForSearch(key);
  if (normalized === '') throw new StoreError('invalid-list-key', `清单键“${key}”为空：请给出部门名称或已有清单的键`);
  return normalized;
}

/**
 * A hash of what the list says, not of where the file lay: the source file name and the
 * reader's findings (which name the file) are left out, the file's own sha256 is kept.
 * Keys are sorted so that property order does not matter.
 */
export function contentHash(list: PowerList): string {
  return runToEnd(contentHashSteps(list));
}

/**
 * contentHash one item at a time: the bytes hashed are canonicalJson of the content, written
 * out at its top level so that the items go in one by one (a 10 MB list is 300 ms of
 * canonical JSON in one piece, and a 25 MB string).
 */
export function* contentHashSteps(list: PowerList): Steps<string> {
  const { findings: _findings, source, items, ...rest } = list;
  const content: Record<string, unknown> = { ...rest, items, source: { sha256: source.sha256, bytes: source.bytes, format: source.format } };
  const hash = createHash('sha256');
  let separator = '{';
  for (const key of Object.keys(content).sort()) {
    // As JSON.stringify leaves out an undefined member.
    if (content[key] === undefined) continue;
    hash.update(`${separator}${JSON.stringify(key)}:`);
    separator = ',';
    if (key !== 'items') {
      hash.update(canonicalJson(content[key]));
      continue;
    }
    hash.update('[');
    for (const [i, item] of items.entries()) {
      hash.update(i === 0 ? canonicalJson(item) : `,${canonicalJson(item)}`);
      yield;
    }
    hash.update(']');
  }
  hash.update(separator === '{' ? '{}' : '}');
  return hash.digest('hex');
}

/** JSON with object keys sorted at every depth; undefined members are left out as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
