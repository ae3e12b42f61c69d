import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../errors.js';
import { MIGRATIONS } from '../../migrations/index.js';
import type { TestDatabases } from '../databases.js';
import { powerList } from '../factories.js';
import { storeContext } from './context.js';

export function migrationSuite(dbs: TestDatabases): void {
  describe('migrations', () => {
    const ctx = storeContext(dbs);

    it('applies every migration once and reports each', async () => {
      const { store } = await ctx.open({ migrate: false });
      expect(store.dialect).toBe(dbs.dialect);
      const names = MIGRATIONS.map((m) => m.name);
      expect(await store.migrate()).toEqual(names.map((name) => ({ name, status: 'applied' })));
      expect(await store.migrate()).toEqual(names.map((name) => ({ name, status: 'already-applied' })));
    });

    it('refuses to work on a database that is not migrated', async () => {
      const { store } = await ctx.open({ migrate: false });
      const error = await store.listLists().catch((e: unknown) => e);
      expect(isStoreError(error) && error.code).toBe('not-migrated');
      await expect(store.importList(powerList())).rejects.toMatchObject({ code: 'not-migrated' });
    });

    it('lets two processes migrate the same database at once', async () => {
      const { url } = await ctx.open({ migrate: false });
      const [a, b] = await Promise.all([ctx.open({ url, migrate: false }), ctx.open({ url, migrate: false })]);
      const [ra, rb] = await Promise.all([a.store.migrate(), b.store.migrate()]);
      for (const [i, m] of MIGRATIONS.entries()) {
        const statuses = [ra[i]?.status, rb[i]?.status].sort();
        expect(statuses, m.name).toEqual(['already-applied', 'applied']);
      }
      expect(await a.store.listLists()).toEqual([]);
    });
  });
}
