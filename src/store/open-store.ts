import { resolve } from 'node:path';
import type { PowerList } from '../model/index.js';
import type { DialectAdapter } from './dialects/adapter.js';
import { connectPostgres, postgresAdapter } from './dialects/postgres/index.js';
import { openSqlite, sqliteAdapter } from './dialects/sqlite/index.js';
import { getFindings, saveFindings } from './findings.js';
import { MIGRATIONS, pendingMigrations, runMigrations } from './migrations/index.js';
import { getItem, listItems } from './read/items.js';
import { getList, getPowerList, listLists } from './read/lists.js';
import { search } from './search/search.js';
import { isStoreError, StoreError } from './errors.js';
import type { Db } from './tables.js';
import type { ImportListOptions, ImportResult, Store } from './types.js';
import { importList } from './write/import-list.js';

export interface StoreOptions {
  /** The clock stamped on imports and migrations. */
  now?: () => Date;
}

/**
 * The database quanze uses when none is named: QUANZE_DATABASE_URL if set, otherwise the
 * SQLite file quanze.sqlite in QUANZE_DATA_DIR, or in .quanze under the working directory.
 */
export function defaultDatabaseUrl(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const url = env.QUANZE_DATABASE_URL?.trim();
  if (url) return url;
  return resolve(cwd, env.QUANZE_DATA_DIR?.trim() || '.quanze', 'quanze.sqlite');
}

/** True for URLs the PostgreSQL dialect takes. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens a store: `postgres://…` is PostgreSQL; anything else is a SQLite file path
 * ("sqlite:" prefix optional, ":memory:" allowed, directories created); undefined means
 * defaultDatabaseUrl(). Call `migrate()` once before use; it is cheap when nothing is pending.
 *
 * @example
 * const store = await openStore('.quanze/quanze.sqlite');
 * await store.migrate();
 * await store.importList(list);
 */
export async function openStore(url?: string, options: StoreOptions = {}): Promise<Store> {
  const target = url ?? defaultDatabaseUrl();
  if (target.trim() === '') throw new StoreError('invalid-url', '数据库地址为空');
  // PostgreSQL has no cheap way to tell that another session committed: no change token.
  if (isPostgresUrl(target)) return createStore(await connectPostgres(target), postgresAdapter, options, null);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    throw new StoreError('invalid-url', `不支持的数据库地址：${target}（应为 postgres://… 或 SQLite 文件路径）`);
  }
  const { db, dataVersion } = openSqlite(target.replace(/^sqlite:/i, ''));
  return createStore(db, sqliteAdapter, options, dataVersion);
}

/** `dataVersion` changes when another connection commits; null when the database cannot tell cheaply. */
function createStore(db: Db, adapter: DialectAdapter, options: StoreOptions, dataVersion: (() => number) | null): Store {
  const now = options.now ?? (() => new Date());
  let ready = false;
  let closed = false;
  const deps = { db, adapter, now };
  // This connection's own commits do not move data_version: they are counted here, after
  // they finish (committed or not), so a token taken before a read is never newer than it.
  let ownWrites = 0;
  async function writing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      ownWrites++;
    }
  }

  async function use(): Promise<void> {
    if (closed) throw new StoreError('closed', '数据库连接已关闭');
    if (ready) return;
    const pending = await pendingMigrations(db, adapter);
    if (pending.length > 0) {
      throw new StoreError('not-migrated', `数据库尚未迁移（待执行：${pending.join('、')}），请先运行 quanze db migrate`);
    }
    ready = true;
  }

  const store: Store = {
    dialect: adapter.name,
    async migrate() {
      if (closed) throw new StoreError('closed', '数据库连接已关闭');
      const results = await writing(() => runMigrations(db, adapter, now, MIGRATIONS));
      ready = results.every((r) => r.status === 'applied' || r.status === 'already-applied');
      return results;
    },
    async importList(list: PowerList, options?: ImportListOptions) {
      await use();
      return writing(() => importList(deps, list, options));
    },
    async importLists(lists) {
      await use();
      const results: ImportResult[] = [];
      for (const list of lists) {
        try {
          results.push({ ok: true, ...(await writing(() => importList(deps, list))) });
        } catch (error) {
          if (!isStoreError(error)) throw error;
          results.push({ ok: false, file: String(list?.source?.file ?? ''), code: error.code, error: error.message });
        }
      }
      return results;
    },
    async listLists() {
      await use();
      return listLists(db);
    },
    async getList(id) {
      await use();
      return getList(db, id);
    },
    async getPowerList(versionId) {
      await use();
      return getPowerList(db, versionId);
    },
    async listItems(query) {
      await use();
      return listItems(db, query);
    },
    async getItem(id) {
      await use();
      return getItem(db, id);
    },
    async search(query) {
      await use();
      return search(deps, query);
    },
    async saveFindings(versionId, findings) {
      await use();
      return writing(() => saveFindings(db, adapter, now, versionId, findings));
    },
    async getFindings(query) {
      await use();
      return getFindings(db, query);
    },
    changeToken() {
      if (closed) throw new StoreError('closed', '数据库连接已关闭');
      return dataVersion === null ? null : `${dataVersion()}.${ownWrites}`;
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
  return store;
}
