import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../../../src/store/dialects/adapter.js';
import { connectPostgres, postgresAdapter } from '../../../src/store/dialects/postgres/index.js';
import { connectSqlite, sqliteAdapter } from '../../../src/store/dialects/sqlite/index.js';
import { isPostgresUrl, normalizeForSearch, openStore, type SearchHit, type Store } from '../../../src/store/index.js';
import { POSITIONS_PER_LIST } from '../../../src/store/search/document.js';
import { queryGrams } from '../../../src/store/search/grams.js';
import type { Tables } from '../../../src/store/tables.js';
import type { CorpusList } from '../corpus.js';
import { type Engine, PAGE_SIZE } from './engine.js';

export interface QuanzeEngine extends Engine {
  /** Every hit through search() itself, page after page of 1000 (slow: each hit is loaded and snippeted). */
  walk(query: string): Promise<number[]>;
}

/**
 * quanze's own search on a built corpus database. `page` is store.search (first page of 20
 * with its total, counted up to SEARCH_TOTAL_CAP). `all` asks the dialect's index, the
 * one search() pages through, for every matching document at once: walking 200,000 hits
 * through search() would load and snippet each, which is a different cost.
 */
export async function quanzeEngine(url: string, lists: readonly CorpusList[]): Promise<QuanzeEngine> {
  const store: Store = await openStore(url);
  await store.migrate();
  const pg = isPostgresUrl(url);
  const db: Kysely<Tables> = pg ? await connectPostgres(url) : connectSqlite(url);
  const adapter: DialectAdapter = pg ? postgresAdapter : sqliteAdapter;
  const startOf = new Map<number, number>();
  const byDepartment = new Map(lists.map((l) => [l.department, l.start] as const));
  for (const summary of await store.listLists()) {
    const start = summary.department === null ? undefined : byDepartment.get(summary.department);
    if (start === undefined) throw new Error(`语料库之外的清单：${summary.department ?? summary.key}（请删除 bench/.out 下的数据库后重建）`);
    startOf.set(Number(summary.id), start);
  }
  if (startOf.size !== lists.length) throw new Error(`数据库有 ${startOf.size} 个清单，语料库有 ${lists.length} 个`);
  const docOf = (listId: number, position: number) => startOf.get(listId)! + position;
  const hitDoc = (hit: SearchHit) => docOf(Number(hit.listId), hit.position);

  return {
    name: `quanze（${pg ? 'PostgreSQL' : 'SQLite'}）`,
    outOfProcess: pg,
    note: pg ? '字与二字数组 + GIN（3 字以上再用 strpos 复核），结果精确' : 'FTS5：二字短语（detail=full）/ 单字表，结果精确',
    async page(q) {
      const page = await store.search({ q, pageSize: PAGE_SIZE });
      return { ids: page.items.map(hitDoc), total: page.total, totalExact: page.totalExact };
    },
    async all(q) {
      const query = normalizeForSearch(q);
      if (query === '') return [];
      const request = { zone: 'all' as const, plan: { query, grams: queryGrams(query) }, filter: {}, excludeTitle: false };
      const docIds = await adapter.search.find(db, request, { offset: 0, limit: 1e9 });
      return docIds.map((id) => docOf(Math.floor(id / POSITIONS_PER_LIST), id % POSITIONS_PER_LIST));
    },
    async walk(q) {
      const out: number[] = [];
      for (let page = 1; ; page++) {
        const result = await store.search({ q, page, pageSize: 1000 });
        out.push(...result.items.map(hitDoc));
        if (result.items.length < 1000) return out;
      }
    },
    async close() {
      await store.close();
      await db.destroy();
    },
  };
}
