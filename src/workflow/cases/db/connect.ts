import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { CaseError } from '../errors.js';
import type { WorkflowDb, WorkflowTables } from './tables.js';

export type WorkflowDialect = 'sqlite' | 'postgres';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The URL without its password, fit for a message. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

const causeText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Connects by the store's URL conventions: postgres://… is PostgreSQL; anything else is a
 * SQLite file path ("sqlite:" prefix optional, ":memory:" allowed) opened in WAL mode.
 */
/**
 * Writers to one SQLite file from this process queue here. better-sqlite3 is synchronous:
 * a second connection waiting on the file's lock would block the event loop, and with it
 * the first connection's commit.
 */
const fileQueues = new Map<string, Promise<unknown>>();

/** How long a write waits for another writer to the file: this process's list store, or another process. */
const WRITE_WAIT_MS = 15_000;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/**
 * Runs a write again, after a wait that lets the event loop go round, while another
 * connection holds the file's write lock: the list store's import keeps it across the
 * pauses of its pacing, and a synchronous busy wait here would stop that import from ever
 * reaching its commit. Every write's first statement takes the lock (lockHead, a sign-out's
 * delete), so a write refused as busy has done nothing and is run whole again.
 */
async function whenFree<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + WRITE_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await sleep(Math.min(250, 5 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

export type WriteQueue = <T>(fn: () => Promise<T>) => Promise<T>;

function queueFor(key: string | null): WriteQueue {
  return <T>(fn: () => Promise<T>): Promise<T> => {
    if (key === null) return fn();
    const before = fileQueues.get(key) ?? Promise.resolve();
    const attempt = () => whenFree(fn);
    const run = before.then(attempt, attempt);
    const settled = run.then(
      () => {},
      () => {},
    );
    fileQueues.set(key, settled);
    void settled.then(() => {
      if (fileQueues.get(key) === settled) fileQueues.delete(key);
    });
    return run;
  };
}

export async function connect(url: string): Promise<{ db: WorkflowDb; dialect: WorkflowDialect; queue: WriteQueue }> {
  if (url.trim() === '') throw new CaseError('connect-failed', '数据库地址为空');
  if (isPostgresUrl(url)) {
    // Loaded only for a PostgreSQL URL, as in the list store.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    pool.on('error', () => {});
    try {
      (await pool.connect()).release();
    } catch (error) {
      await pool.end().catch(() => {});
      throw new CaseError('connect-failed', `无法连接 PostgreSQL 数据库 ${redactUrl(url)}：${causeText(error)}`, [], { cause: error });
    }
    return { db: new Kysely<WorkflowTables>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', queue: queueFor(null) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new CaseError('connect-failed', `不支持的数据库地址：${url}（应为 postgres://… 或 SQLite 文件路径）`);
  }
  const path = url.replace(/^sqlite:/i, '');
  const file = path === ':memory:' ? path : resolve(path);
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    // Short: the wait for another writer is whenFree's, which lets the event loop go round.
    database.pragma('busy_timeout = 50');
    return { db: new Kysely<WorkflowTables>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite', queue: queueFor(file === ':memory:' ? null : file) };
  } catch (error) {
    throw new CaseError('connect-failed', `无法打开 SQLite 数据库文件 ${file}：${causeText(error)}`, [], { cause: error });
  }
}
