import type { DialectAdapter, SearchFilter, SearchPlan, SearchRequest } from '../dialects/adapter.js';
import { StoreError } from '../errors.js';
import { ITEM_SUMMARY_COLUMNS, toItemSummary } from '../read/item-summary.js';
import { filterId, pageArgs } from '../read/paging.js';
import type { Db } from '../tables.js';
import type { SearchHit, SearchPage, SearchQuery } from '../types.js';
import { parseStoredFieldTexts } from './fields.js';
import { queryGrams } from './grams.js';
import { normalizeForSearch } from './normalize.js';
import { snippet } from './snippet.js';

export const DEFAULT_SEARCH_PAGE_SIZE = 20;
/** Hits are counted up to here; past it `total` is a lower bound and `totalExact` false. */
export const SEARCH_TOTAL_CAP = 10_000;
const MAX_QUERY_CHARS = 200;

export interface SearchDeps {
  db: Db;
  adapter: DialectAdapter;
}

/**
 * Finds items of the lists' latest versions whose searchable fields contain the query
 * (after normalisation), hits in 事项名称/子项 first, then the rest, each group in list
 * and source order. Every hit says which field matched, with a snippet.
 *
 * @example await search(deps, { q: '保密检查', type: '行政检查' })
 */
export async function search({ db, adapter }: SearchDeps, query: SearchQuery): Promise<SearchPage> {
  const { page, pageSize, offset } = pageArgs(query.page, query.pageSize, DEFAULT_SEARCH_PAGE_SIZE);
  if (typeof query.q !== 'string') throw new StoreError('invalid-query', '搜索词应为文本');
  const normalized = normalizeForSearch(query.q);
  if ([...normalized].length > MAX_QUERY_CHARS) throw new StoreError('invalid-query', `搜索词过长（超过 ${MAX_QUERY_CHARS} 个字符）`);
  if (normalized === '') return { items: [], total: 0, totalExact: true, page, pageSize };
  const plan: SearchPlan = { query: normalized, grams: queryGrams(normalized) };
  const filter: SearchFilter = {};
  const listId = filterId(query.listId, '清单');
  if (listId !== undefined) filter.listId = listId;
  if (query.type !== undefined) filter.type = query.type;
  if (query.level !== undefined) filter.level = query.level;
  if (query.agency !== undefined && normalizeForSearch(query.agency) !== '') filter.agency = normalizeForSearch(query.agency);

  const all: SearchRequest = { zone: 'all', plan, filter, excludeTitle: false };
  const counted = await adapter.search.count(db, all, SEARCH_TOTAL_CAP + 1);
  const docIds = await pageOfDocs(db, adapter, plan, filter, offset, pageSize);
  const items = await loadHits(db, docIds, normalized);
  return { items, total: Math.min(counted, SEARCH_TOTAL_CAP), totalExact: counted <= SEARCH_TOTAL_CAP, page, pageSize };
}

/** Title-zone hits come first; the window may straddle the two groups. */
async function pageOfDocs(db: Db, adapter: DialectAdapter, plan: SearchPlan, filter: SearchFilter, offset: number, limit: number) {
  const title: SearchRequest = { zone: 'title', plan, filter, excludeTitle: false };
  const first = await adapter.search.find(db, title, { offset, limit });
  if (first.length === limit) return first;
  // The title group ended inside or before this window: find where the second group starts.
  const titleHits = first.length > 0 ? offset + first.length : await adapter.search.count(db, title, offset + 1);
  const rest: SearchRequest = { zone: 'all', plan, filter, excludeTitle: true };
  const second = await adapter.search.find(db, rest, { offset: offset + first.length - titleHits, limit: limit - first.length });
  return [...first, ...second];
}

async function loadHits(db: Db, docIds: readonly number[], normalized: string): Promise<SearchHit[]> {
  if (docIds.length === 0) return [];
  const rows = await db
    .selectFrom('search_docs as d')
    .innerJoin('items as i', 'i.id', 'd.item_id')
    .innerJoin('list_versions as v', 'v.id', 'i.version_id')
    .select([...ITEM_SUMMARY_COLUMNS, 'd.texts', 'd.doc_id', 'v.title', 'v.department'])
    .where('d.doc_id', 'in', docIds)
    .execute();
  const byDoc = new Map(rows.map((row) => [Number(row.doc_id), row]));
  const hits: SearchHit[] = [];
  for (const docId of docIds) {
    const row = byDoc.get(docId);
    if (!row) continue;
    // The searchable texts alone (search_docs.texts), not the item's whole JSON: reading and
    // parsing that was most of a search's time (bench/README.md, bench/http).
    for (const { field, text } of parseStoredFieldTexts(row.texts)) {
      const segments = snippet(text, normalized);
      if (!segments) continue;
      hits.push({ ...toItemSummary(row), field, snippet: segments, listTitle: row.title, department: row.department });
      break;
    }
  }
  return hits;
}
