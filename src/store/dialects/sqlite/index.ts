import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { DialectAdapter } from '../adapter.js';
import { sqliteSearch } from './search-index.js';

export { connectSqlite, openSqlite } from './connect.js';

/** How long a writer waits for another (in this process or another) to finish. */
const WRITE_WAIT_MS = 60_000;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

export const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  // SQLITE_MAX_VARIABLE_NUMBER is 32766 since 3.32.
  maxParameters: 32_000,
  int64Type: 'integer',
  bytesType: 'blob',
  async beginWrite(db) {
    // IMMEDIATE takes the write lock at once (a deferred BEGIN could fail later, mid-work).
    // While another writer holds it, wait without blocking the event loop, then try again.
    const deadline = Date.now() + WRITE_WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        await sql`begin immediate`.execute(db);
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() > deadline) throw error;
        await sleep(Math.min(250, 5 * 2 ** attempt) * (0.5 + Math.random()));
      }
    }
  },
  async tableExists(db, name) {
    const result = await sql`select 1 from sqlite_master where type = 'table' and name = ${name}`.execute(db);
    return result.rows.length > 0;
  },
  search: sqliteSearch,
};
