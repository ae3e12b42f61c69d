import type { PowerList } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type Alignment, type AlignOptions, alignLists } from './align.js';
import { type ListDiff, diffLists } from './diff/list-diff.js';

/** What a stored-version diff needs of a store; the real Store has it, tests can fake it. */
export type VersionStore = Pick<Store, 'getList' | 'getPowerList'>;

export type AlignErrorCode = 'list-not-found' | 'version-not-found';

/** A request the data cannot answer (unknown list or version); `message` is Chinese. */
export class AlignError extends Error {
  override readonly name = 'AlignError';
  constructor(
    readonly code: AlignErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isAlignError(error: unknown): error is AlignError {
  return error instanceof AlignError;
}

/** A version by its number (1 = first import) or "latest". */
export type VersionSelector = number | 'latest';

/** Reads "3", "v3", "第3版" or "latest"/"最新" as a version selector; undefined otherwise. */
export function parseVersionSelector(text: string): VersionSelector | undefined {
  const value = text.trim();
  if (/^(?:latest|最新)$/i.test(value)) return 'latest';
  const match = /^(?:v|第)?(\d+)版?$/i.exec(value);
  const no = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(no) && no > 0 ? no : undefined;
}

/**
 * Diffs two stored versions of one list.
 *
 * @example
 * const diff = await diffStoredVersions(store, '1', 1, 'latest');
 * diff.old.label // '柳州市国家保密局 第1版'
 */
export async function diffStoredVersions(store: VersionStore, listId: string, from: VersionSelector, to: VersionSelector): Promise<ListDiff> {
  const detail = await store.getList(listId);
  if (!detail) throw new AlignError('list-not-found', `找不到清单 ${listId}`);
  const name = detail.department ?? detail.title ?? detail.sourceFile;
  const pick = async (selector: VersionSelector): Promise<{ list: PowerList; label: string }> => {
    const version = selector === 'latest' ? detail.versions.find((v) => v.latest) : detail.versions.find((v) => v.versionNo === selector);
    if (!version) {
      const known = detail.versions.map((v) => v.versionNo).join('、');
      throw new AlignError('version-not-found', `清单 ${listId}（${name}）没有${selector === 'latest' ? '最新版' : `第${selector}版`}；已有版本：${known}`);
    }
    const list = await store.getPowerList(version.id);
    if (!list) throw new AlignError('version-not-found', `清单 ${listId} 的第${version.versionNo}版读不出来`);
    return { list, label: `${name} 第${version.versionNo}版` };
  };
  const before = await pick(from);
  const after = await pick(to);
  return diffLists(before.list, after.list, { old: before.label, new: after.label });
}

/**
 * Aligns the latest stored versions of two or more lists (a compare page's data).
 *
 * @example const alignment = await alignStoredLists(store, ['1', '3'], { resolver });
 */
export async function alignStoredLists(store: VersionStore, listIds: readonly string[], options: AlignOptions = {}): Promise<Alignment> {
  const lists: PowerList[] = [];
  for (const id of listIds) {
    const detail = await store.getList(id);
    if (!detail) throw new AlignError('list-not-found', `找不到清单 ${id}`);
    const latest = detail.versions.find((v) => v.latest) ?? detail.versions.at(-1);
    const list = latest && (await store.getPowerList(latest.id));
    if (!list) throw new AlignError('version-not-found', `清单 ${id} 的最新版读不出来`);
    lists.push(list);
  }
  return alignLists(lists, options);
}
