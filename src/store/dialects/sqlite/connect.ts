import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { causeText, StoreError } from '../../errors.js';
import type { Tables } from '../../tables.js';

/**
 * Opens (creating directories and file as needed) a SQLite database in WAL mode: readers do
 * not block the writer, and a killed process leaves the last committed state.
 */
export function connectSqlite(path: string): Kysely<Tables> {
  return openSqlite(path).db;
}

/**
 * connectSqlite, plus the connection's `PRAGMA data_version` as a prepared statement: it
 * changes whenever another connection (of this process or another) commits to the file,
 * and costs a fraction of a microsecond, where a query through Kysely costs ~10 µs.
 */
export function openSqlite(path: string): { db: Kysely<Tables>; dataVersion: () => number } {
  const file = path === ':memory:' ? path : resolve(path);
  let database: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    // Search reads posting lists all over the index: keep more of it in memory than the 2 MB default.
    database.pragma('cache_size = -65536');
    database.pragma('mmap_size = 268435456');
    // Short: better-sqlite3 waits synchronously, so a long wait would stall this process's other connection
    // holding the lock. Waiting for the write lock is done asynchronously in beginWrite instead.
    database.pragma('busy_timeout = 50');
  } catch (error) {
    throw new StoreError('connect-failed', `无法打开 SQLite 数据库文件 ${file}：${causeText(error)}`, { cause: error });
  }
  const version = database.prepare('pragma data_version').pluck();
  return { db: new Kysely<Tables>({ dialect: new SqliteDialect({ database }) }), dataVersion: () => version.get() as number };
}
