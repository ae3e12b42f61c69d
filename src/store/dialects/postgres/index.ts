import { sql } from 'kysely';
import type { DialectAdapter } from '../adapter.js';
import { postgresSearch } from './search-index.js';

export { connectPostgres, redact } from './connect.js';

/** Any constant works; it only has to be the same for every quanze process on a database. */
const WRITE_LOCK_KEY = 0x71_75_61_6e;

export const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  // The wire protocol counts parameters in 16 bits.
  maxParameters: 65_000,
  int64Type: 'bigint',
  bytesType: 'bytea',
  async beginWrite(db) {
    await sql`begin`.execute(db);
    // One writer at a time, across processes: imports allocate ids from max(id) + 1.
    await sql`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(db);
  },
  async tableExists(db, name) {
    const result = await sql<{ found: boolean }>`select to_regclass(${name}) is not null as found`.execute(db);
    return result.rows[0]?.found === true;
  },
  search: postgresSearch,
};
