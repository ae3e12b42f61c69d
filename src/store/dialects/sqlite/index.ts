import { sql } from 'kysely';
import type { DialectAdapter } from '../adapter.js';
import { sqliteSearch } from './search-index.js';

export { connectSqlite } from './connect.js';

export const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  // SQLITE_MAX_VARIABLE_NUMBER is 32766 since 3.32.
  maxParameters: 32_000,
  int64Type: 'integer',
  async beginWrite(db) {
    // IMMEDIATE takes the write lock now; a deferred BEGIN could fail later with SQLITE_BUSY instead of waiting.
    await sql`begin immediate`.execute(db);
  },
  async tableExists(db, name) {
    const result = await sql`select 1 from sqlite_master where type = 'table' and name = ${name}`.execute(db);
    return result.rows.length > 0;
  },
  search: sqliteSearch,
};
