import { Kysely, PostgresDialect } from 'kysely';
import { causeText, StoreError } from '../../errors.js';
import type { Tables } from '../../tables.js';

/** Connects to PostgreSQL and checks the connection at once, so a wrong URL fails here. */
export async function connectPostgres(url: string): Promise<Kysely<Tables>> {
  // Loaded only for a PostgreSQL URL: SQLite, the default, never needs it.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreError('connect-failed', `无法连接 PostgreSQL 数据库 ${redact(url)}：${causeText(error)}`, { cause: error });
  }
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}

/** The URL without its password, fit for a message. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
