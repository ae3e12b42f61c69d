import { defaultDatabaseUrl, isStoreError, openStore, type Store } from '../store/index.js';
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
