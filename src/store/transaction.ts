import { sql } from 'kysely';
import type { DialectAdapter } from './dialects/adapter.js';
import type { Db } from './tables.js';

/**
 * Runs `work` on one connection inside a write transaction: all of it commits or none of it
 * does. The lock is taken at BEGIN, so concurrent writers (other processes too) wait in turn.
 */
export async function inWriteTransaction<T>(db: Db, adapter: DialectAdapter, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await adapter.beginWrite(conn);
    let result: T;
    try {
      result = await work(conn);
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw error;
    }
    await sql`commit`.execute(conn);
    return result;
  });
}

/** The next id for a table whose integer key the store allocates (callers hold the write lock). */
export async function nextId(db: Db, table: 'lists' | 'list_versions' | 'items'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}
