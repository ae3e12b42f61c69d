import { FIELD_LABELS, FIELD_NAMES, type FieldName, type PowerItem, PowerList, type RawCell } from '../../model/index.js';
import { z } from 'zod';
import { parseJsonText } from '../../json/index.js';
import { ImportError } from '../errors.js';
import type { Reader, ReaderInput } from '../reader.js';
import type { Column, RawRecord, ReadResult } from '../record.js';
import { LineIndex } from '../text-lines.js';

/** The raw text of an item's field, as the cell was first read. */
function rawOf(item: PowerItem, field: FieldName): string | undefined {
  if (field === 'seq') return item.seq ?? undefined;
  if (field === 'powerType') return item.powerType.raw;
  const value = item[field];
  return value && typeof value === 'object' && 'raw' in value ? value.raw : undefined;
}

function isMerged(item: PowerItem, field: FieldName): boolean {
  const value = item[field];
  return typeof value === 'object' && value !== null && 'flags' in value && value.flags.includes('merged');
}

/** The line each element of the top-level "items" array starts on, found by bracket depth. */
function itemLines(text: string, count: number): number[] {
  const index = new LineIndex(text);
  const key = /"items"\s*:\s*\[/g;
  let depth = 0;
  let match: RegExpExecArray | null = null;
  for (let m = key.exec(text); m; m = key.exec(text)) {
    depth = 0;
    for (let i = 0; i < m.index; i++) {
      const ch = text[i];
      if (ch === '"') i = skipString(text, i);
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
    if (depth === 1) {
      match = m;
      break;
    }
  }
  const lines: number[] = [];
  if (!match) return Array.from({ length: count }, () => 1);
  depth = 0;
  for (let i = match.index + match[0].length; i < text.length && lines.length < count; i++) {
    const ch = text[i];
    if (ch === '"') i = skipString(text, i);
    else if (ch === '{' || ch === '[') {
      if (depth === 0) lines.push(index.lineAt(i));
      depth++;
    } else if (ch === '}' || ch === ']') depth--;
  }
  return lines;
}

function skipString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

/** zod's messages in Chinese: the refusal of a JSON that is not a list is shown to users as is. */
const zhCN = z.locales.zhCN().localeError;

/**
 * Reads quanze's own JSON back. Items become records again from their raw cells, so they
 * pass through the same grammars as any import; process sheets, title and residue are taken
 * as they are. What the JSON's columns do not name is given its field's Chinese label.
 */
export function readListJson(file: string, text: string): ReadResult {
  // V8's own account of a syntax error is English.
  const json = parseJsonText(text);
  if (!json.ok) throw new ImportError('bad-structure', file, json.message);
  const parsed = PowerList.safeParse(json.value, { error: zhCN });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError('bad-structure', file, `不是 quanze 导出的清单 JSON：${issue?.path.join('.') || '（根）'}：${issue?.message ?? ''}`);
  }
  const list = parsed.data;
  const columns: Column[] = list.columns.map((c) => ({
    header: c.header,
    field: c.field !== null && (FIELD_NAMES as string[]).includes(c.field) ? (c.field as FieldName) : null,
  }));
  const headerOf = (field: FieldName): string => {
    const known = columns.find((c) => c.field === field);
    if (known) return known.header;
    let header: string = FIELD_LABELS[field];
    while (columns.some((c) => c.header === header)) header = `${header}（字段）`;
    columns.push({ header, field });
    return header;
  };
  const lines = itemLines(text, list.items.length);
  const records: RawRecord[] = list.items.map((item, record) => {
    const line = lines[record] ?? 1;
    const cells: RawCell[] = [];
    const shared: string[] = [];
    for (const field of FIELD_NAMES) {
      const raw = rawOf(item, field);
      if (raw === undefined) continue;
      const header = headerOf(field);
      cells.push({ header, raw, line });
      if (isMerged(item, field)) shared.push(header);
    }
    for (const [header, cell] of Object.entries(item.extra)) {
      cells.push({ header, raw: cell.raw, line });
      if (cell.flags.includes('merged')) shared.push(header);
    }
    return {
      record,
      firstLine: line,
      lastLine: line,
      cells,
      ...(shared.length > 0 ? { shared } : {}),
      ...(item.impliedSeq !== undefined ? { impliedSeq: item.impliedSeq } : {}),
    };
  });
  return { title: list.title, columns, records, processSheets: list.processSheets, residue: list.residue, findings: [] };
}

function detect(input: ReaderInput): number {
  const head = input.text?.slice(0, 4096).trimStart();
  if (!head?.startsWith('{')) return 0;
  return /"schemaVersion"\s*:\s*1/.test(input.text?.slice(0, 1_000_000) ?? '') ? 0.98 : 0.1;
}

/** quanze's JSON (`quanze export --to json`, `quanze import`), read back into the model. */
export const jsonReader: Reader = {
  format: 'json',
  label: 'quanze JSON',
  detect,
  read: (input) => {
    // A binary file read with --from json (or ?from=json) has no text, which is not an empty one.
    if (input.text === undefined) throw new ImportError('bad-encoding', input.file, '无法把文件解码为文本，不是 JSON（不是 UTF-8、GB18030/GBK 或带 BOM 的 UTF-16）');
    return readListJson(input.file, input.text);
  },
};
