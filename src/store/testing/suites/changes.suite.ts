import { describe, expect, it } from 'vitest';
import type { TestDatabases } from '../databases.js';
import { finding, item, powerList } from '../factories.js';
import { storeContext } from './context.js';

/** The change token caches rely on: it moves with every commit, from any connection. */
export function changesSuite(dbs: TestDatabases): void {
  describe('change token', () => {
    const ctx = storeContext(dbs);

    // Each dialect registers only its own test: nothing shows as skipped in CI.
    if (dbs.dialect === 'postgres') {
      it('is null on PostgreSQL, which cannot tell cheaply', async () => {
        const { store } = await ctx.open();
        expect(store.changeToken()).toBeNull();
      });
      return;
    }

    it('stays while only reads happen, and moves after a write by this store or by another connection', async () => {
      const { store, url } = await ctx.open();
      const first = await store.importList(powerList({ items: [item({ name: '甲事项' })] }));
      const quiet = store.changeToken();
      expect(quiet).toEqual(expect.any(String));
      await store.listLists();
      await store.search({ q: '甲' });
      await store.getFindings({ versionId: first.versionId });
      expect(store.changeToken()).toBe(quiet);

      await store.saveFindings(first.versionId, [finding({ place: { record: 0 } })]);
      const afterOwn = store.changeToken();
      expect(afterOwn).not.toBe(quiet);

      // What `quanze audit --db` in another process does.
      const { store: other } = await ctx.open({ url, migrate: false });
      await other.saveFindings(first.versionId, []);
      expect(store.changeToken()).not.toBe(afterOwn);
      const settled = store.changeToken();
      expect(store.changeToken()).toBe(settled);
    });
  });
}
