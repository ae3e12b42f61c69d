import { afterAll } from 'vitest';
import { openStore } from '../../open-store.js';
import type { Store } from '../../types.js';
import type { TestDatabases } from '../databases.js';

/** A clock that moves one minute per reading, so import times are known and ordered. */
export function steppingClock(start = Date.parse('2025-03-01T08:00:00Z')): () => Date {
  let t = start;
  return () => {
    const now = new Date(t);
    t += 60_000;
    return now;
  };
}

/**
 * Opens stores on fresh databases for one suite part and closes them when it ends.
 *
 * @example const ctx = storeContext(dbs); const { store, url } = await ctx.open();
 */
export function storeContext(dbs: TestDatabases) {
  const opened: Store[] = [];
  afterAll(async () => {
    for (const store of opened) await store.close();
  });
  return {
    async open(options: { url?: string; migrate?: boolean; now?: () => Date } = {}): Promise<{ store: Store; url: string }> {
      const url = options.url ?? (await dbs.fresh());
      const store = await openStore(url, { now: options.now ?? steppingClock() });
      opened.push(store);
      if (options.migrate !== false) await store.migrate();
      return { store, url };
    },
  };
}
