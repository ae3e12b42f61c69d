import type { DialectAdapter } from '../dialects/adapter.js';
import type { Db, Tables } from '../tables.js';

/** Most rows one INSERT carries, whatever the parameter limit allows: huge statements cost more to prepare than they save. */
const MAX_ROWS = 500;

/** Inserts rows in as few statements as the dialect's parameter limit allows. */
export async function insertRows<T extends keyof Tables & string>(
  db: Db,
  adapter: DialectAdapter,
  table: T,
  rows: readonly Tables[T][],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const perRow = Object.keys(first).length;
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(adapter.maxParameters / perRow)));
  for (let start = 0; start < rows.length; start += size) {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot relate a generic table name to its insert type.
    await db.insertInto(table).values(rows.slice(start, start + size) as any).execute();
  }
}
