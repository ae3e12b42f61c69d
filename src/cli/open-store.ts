import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultDatabaseUrl, isPostgresUrl, isStoreError, openStore, type Store } from '../store/index.js';
import type { Io } from './io.js';

/**
 * Opens and migrates a store; undefined means the embedded database
 * ($QUANZE_DATA_DIR/quanze.sqlite or ./.quanze/quanze.sqlite), created on first use.
 */
export async function openMigratedStore(url: string | undefined, io: Io): Promise<Store | null> {
  try {
    const store = await openStore(url ?? defaultDatabaseUrl());
    const failed = (await store.migrate()).filter((r) => r.status !== 'applied' && r.status !== 'already-applied');
    if (failed.length > 0) {
      await store.close();
      io.stderr.write(`错误：数据库迁移失败：${failed.map((r) => (r.error ? `${r.name}（${r.error}）` : r.name)).join('、')}\n`);
      return null;
    }
    return store;
  } catch (error) {
    if (isStoreError(error)) {
      io.stderr.write(`错误：${error.message}\n`);
      return null;
    }
    throw error;
  }
}

/**
 * For commands that only read a database (check --db, diff --db, audit verify): why a SQLite
 * file that does not exist is refused, or null when the database may be opened. Opening
 * creates a missing file, so a mistyped path would be read as an empty database and answer
 * "no problems found" or "the chain is intact".
 */
export function missingDatabase(url: string | undefined): string | null {
  const target = url ?? defaultDatabaseUrl();
  // Other URLs are the store's to refuse as unsupported; only SQLite paths are files.
  if (isPostgresUrl(target) || target === ':memory:' || /^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return null;
  const path = resolve(target.replace(/^sqlite:/i, ''));
  if (existsSync(path)) return null;
  return url === undefined
    ? `内置数据库还不存在（${path}）：先运行 npm start，或用 quanze import --db 导入清单`
    : `数据库文件不存在：${path}（这个命令只读数据库，不新建；请检查路径，或先用 quanze import --db 导入清单）`;
}
