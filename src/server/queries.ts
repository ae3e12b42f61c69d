import type { Finding, ProcessSheet } from '../model/index.js';
import type { ListItemsParams, PageParams, SearchParams } from './api/params.js';
import { notFound } from '../problem/index.js';
import type { ItemDetail, ItemSummary, ListDetail, ListSummary, Page, SearchPage, StorePort } from './store-port.js';

/**
 * What the API returns and the portal renders: one function per question, each a thin
 * call into the store that turns "absent" into a 404.
 */

export function allLists(store: StorePort): Promise<ListSummary[]> {
  return store.listLists();
}

export async function pagedLists(store: StorePort, params: PageParams): Promise<Page<ListSummary>> {
  const all = await store.listLists();
  const start = (params.page - 1) * params.pageSize;
  return { items: all.slice(start, start + params.pageSize), total: all.length, page: params.page, pageSize: params.pageSize };
}

export async function listDetail(store: StorePort, id: string): Promise<ListDetail> {
  const list = await store.getList(id);
  if (!list) throw notFound(`没有编号为“${id}”的清单`);
  return list;
}

export async function listItems(store: StorePort, listId: string, params: ListItemsParams): Promise<Page<ItemSummary>> {
  const list = await listDetail(store, listId);
  if (params.version !== undefined && !list.versions.some((v) => v.id === params.version)) {
    throw notFound(`清单“${listId}”没有编号为“${params.version}”的版本`);
  }
  return store.listItems({
    listId,
    ...(params.version !== undefined ? { versionId: params.version } : {}),
    ...(params.type !== undefined ? { type: params.type } : {}),
    page: params.page,
    pageSize: params.pageSize,
  });
}

export type ItemWithFindings = ItemDetail & { findings: Finding[] };

export async function itemDetail(store: StorePort, id: string): Promise<ItemWithFindings> {
  const item = await store.getItem(id);
  if (!item) throw notFound(`没有编号为“${id}”的事项`);
  const findings = await store.getFindings({ itemId: id });
  return { ...item, findings };
}

export function search(store: StorePort, params: SearchParams): Promise<SearchPage> {
  return store.search(params);
}

/** The n-th (1-based) flowchart of a list's latest version. */
export async function processSheet(store: StorePort, listId: string, n: number): Promise<{ list: ListDetail; sheet: ProcessSheet }> {
  const list = await listDetail(store, listId);
  const sheet = list.metadata.processSheets[n - 1];
  if (!sheet) throw notFound(`清单“${listId}”没有第 ${n} 张流程图`);
  return { list, sheet };
}
