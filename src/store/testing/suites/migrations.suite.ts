import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../errors.js';
import { MIGRATIONS } from '../../migrations/index.js';
import type { TestDatabases } from '../databases.js';
import { corpus } from '../corpus.js';
import { finding, item, powerList } from '../factories.js';
import { beforeAuditedMigration, beforeSearchTextsMigration } from '../raw.js';
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

    it('0003 marks as audited the versions an older quanze saved audit findings for', async () => {
      const { store, url } = await ctx.open();
      const found = await store.importList(powerList({ items: [item({ name: '一' })] }));
      const clean = await store.importList(powerList({ department: '乙局', items: [item({ name: '乙' })] }));
      const never = await store.importList(powerList({ department: '丙局', items: [item({ name: '丙' })] }));
      await store.saveFindings(found.versionId, [finding({ place: { record: 0 } })]);
      await store.saveFindings(clean.versionId, []);
      await beforeAuditedMigration(url);

      expect((await store.migrate()).map((r) => r.status)).toEqual(MIGRATIONS.map((m) => (m.name === '0003-audited' ? 'applied' : 'already-applied')));
      const lists = await store.listLists();
      const at = (listId: string) => lists.find((l) => l.id === listId)?.auditedAt;
      expect(at(found.listId)).toBe(lists.find((l) => l.id === found.listId)?.importedAt);
      // Nothing in the old database says an audit that found nothing ran: it runs again.
      expect(at(clean.listId)).toBeNull();
      expect(at(never.listId)).toBeNull();
    });

    it('0004 keeps the searchable texts of documents an older quanze stored: search answers as before', async () => {
      const { store, url } = await ctx.open();
      // More documents than one round of the migration fills, texts only JSON keeps exact
      // (NUL, a lone surrogate), empty fields, and a list with an older version.
      for (const list of corpus({ lists: 3, itemsPerList: 250, seed: 4 })) await store.importList(list);
      const odd = [
        item({ name: '对保密\u0000检查的处罚', subItem: '', basis: '依据\ud800保密法', record: 0 }),
        item({ name: '无关事项', accountability: '1.泄露国家秘密的', accountabilityBasis: '《保密法》第四十八条', record: 1 }),
      ];
      await store.importList(powerList({ department: '丁局', items: [item({ name: '旧版本的保密事项' })] }));
      await store.importList(powerList({ department: '丁局', items: odd }));
      const queries = ['保密', '泄露', '\ud800保', '法', '第四十八条', '处罚'];
      const answers = async () => {
        const pages = [];
        for (const q of queries) pages.push(await store.search({ q, pageSize: 1000 }), await store.search({ q, page: 3 }));
        return pages;
      };
      const before = await answers();
      const snippets = before.flatMap((page) => page.items.map((hit) => hit.snippet.map((s) => s.text).join('')));
      expect(snippets.some((s) => s.includes('\u0000'))).toBe(true);
      expect(snippets.some((s) => s.includes('\ud800'))).toBe(true);
      await beforeSearchTextsMigration(url);

      expect((await store.migrate()).map((r) => r.status)).toEqual(MIGRATIONS.map((m) => (m.name === '0004-search-texts' ? 'applied' : 'already-applied')));
      expect(await answers()).toEqual(before);
    });
  });
}
