import { type Alignment, alignStoredLists, diffStoredVersions, isAlignError, type ListDiff, type VersionSelector, type VersionStore } from '../align/index.js';
import type { ServerEnv } from './env.js';
import { notFound } from '../problem/index.js';
import { listDetail } from './queries.js';
import type { ListDetail, ListVersionInfo, StorePort } from './store-port.js';

/**
 * The compare page and version history questions, answered for the API and the portal
 * alike: thin calls into src/align that turn "absent" into a 404.
 */

export interface CompareResult {
  /** The lists asked for, in the order asked; `alignment.lists[i]` is `lists[i]`. */
  lists: ListDetail[];
  alignment: Alignment;
}

/**
 * Aligns the latest versions of the lists named. Each list is read once, so the alignment and
 * the details shown beside it describe the same versions even while an import runs.
 *
 * @example (await compareLists(store, ['2', '4'], env)).alignment.comparisons[0].pairs
 */
export async function compareLists(store: StorePort, ids: readonly string[], env: ServerEnv = {}): Promise<CompareResult> {
  const lists: ListDetail[] = [];
  for (const id of ids) lists.push(await listDetail(store, id));
  const byId = new Map(lists.map((list) => [list.id, list]));
  const pinned: VersionStore = {
    getList: async (id) => byId.get(id) ?? null,
    getPowerList: (versionId) => store.getPowerList(versionId),
  };
  const alignment = await asNotFound(() => alignStoredLists(pinned, ids, env.resolver ? { resolver: env.resolver } : {}));
  return { lists, alignment };
}

export interface VersionDiffResult {
  list: ListDetail;
  from: ListVersionInfo;
  to: ListVersionInfo;
  diff: ListDiff;
}

/** The version a selector names, or a 404 that lists the versions there are. */
export function pickVersion(list: ListDetail, selector: VersionSelector): ListVersionInfo {
  const version = selector === 'latest' ? list.versions.find((v) => v.latest) : list.versions.find((v) => v.versionNo === selector);
  if (!version) {
    const known = list.versions.map((v) => v.versionNo).join('、');
    throw notFound(`清单“${list.id}”没有${selector === 'latest' ? '最新版' : `第 ${selector} 版`}；已有版本：${known}`);
  }
  return version;
}

/**
 * The diff between two stored versions of a list, by version number or "latest".
 *
 * @example (await versionDiff(store, '3', 1, 'latest')).diff.counts.removed
 */
export async function versionDiff(store: StorePort, listId: string, from: VersionSelector, to: VersionSelector): Promise<VersionDiffResult> {
  const list = await listDetail(store, listId);
  const before = pickVersion(list, from);
  const after = pickVersion(list, to);
  const pinned: VersionStore = { getList: async () => list, getPowerList: (versionId) => store.getPowerList(versionId) };
  const diff = await asNotFound(() => diffStoredVersions(pinned, list.id, before.versionNo, after.versionNo));
  return { list, from: before, to: after, diff };
}

/**
 * The stored item ids of a version, by position (source order), so a page can link an
 * alignment's or a diff's entries (which carry positions) to their item pages.
 */
export async function itemIdsByPosition(store: StorePort, versionId: string): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  const pageSize = 1000;
  for (let page = 1; ; page++) {
    const result = await store.listItems({ versionId, page, pageSize });
    for (const item of result.items) ids.set(item.position, item.id);
    if (page * pageSize >= result.total || result.items.length === 0) return ids;
  }
}

async function asNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAlignError(error)) throw notFound(error.message);
    throw error;
  }
}
