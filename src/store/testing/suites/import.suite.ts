import { describe, expect, it } from 'vitest';
import { PowerList } from '../../../model/index.js';
import type { TestDatabases } from '../databases.js';
import { dutyCell, finding, item, powerList, provision, provisionCell } from '../factories.js';
import { failInsertsNamed, removeFailure, tableCounts } from '../raw.js';
import { storeContext } from './context.js';

function manyItems(n: number, name: (i: number) => string = (i) => `第${i}项行政处罚`) {
  return Array.from({ length: n }, (_, i) =>
    item({
      seq: String(i + 1),
      name: name(i),
      record: i,
      basis: provisionCell(`《保守国家秘密法》第${i + 1}条`, [provision('保守国家秘密法', '保密', i + 1)]),
      duties: dutyCell([{ name: '立案', text: `立案${i}` }]),
    }),
  );
}

export function importSuite(dbs: TestDatabases): void {
  describe('import', () => {
    const ctx = storeContext(dbs);

    it('creates a list, ignores the same content again, and keeps old versions', async () => {
      const { store } = await ctx.open();
      const v1 = powerList({ items: [item({ name: '甲事项' }), item({ seq: '2', name: '乙事项' })] });
      const first = await store.importList(v1);
      expect(first).toMatchObject({ status: 'created', key: '自治区密码管理局', versionNo: 1, items: 2 });

      // Same content from a file elsewhere: the file name is not content.
      const again = await store.importList({ ...v1, source: { ...v1.source, file: 'copy/of/list.txt' } });
      expect(again).toEqual({ ...first, status: 'unchanged' });

      const v2 = powerList({ items: [item({ name: '甲事项（修订）' })] });
      const second = await store.importList(v2);
      expect(second).toMatchObject({ status: 'new-version', listId: first.listId, versionNo: 2, items: 1 });
      expect(second.versionId).not.toBe(first.versionId);

      const [summary] = await store.listLists();
      expect(summary).toMatchObject({ id: first.listId, versionCount: 2, latestVersionId: second.versionId, itemCount: 1 });
      const detail = await store.getList(first.listId);
      expect(detail?.versions.map((v) => [v.id, v.versionNo, v.latest, v.itemCount])).toEqual([
        [first.versionId, 1, false, 2],
        [second.versionId, 2, true, 1],
      ]);
      const old = await store.listItems({ versionId: first.versionId });
      expect(old.items.map((i) => i.name)).toEqual(['甲事项', '乙事项']);
      expect((await store.listItems({ listId: first.listId })).items.map((i) => i.name)).toEqual(['甲事项（修订）']);

      // Going back to the first content is a change too, recorded as version 3.
      expect(await store.importList(v1)).toMatchObject({ status: 'new-version', versionNo: 3 });
    });

    it('keeps lists apart by department, then title, then file name', async () => {
      const { store } = await ctx.open();
      const outcomes = await Promise.all([
        store.importList(powerList({ department: '甲局', title: '清单' })),
        store.importList(powerList({ department: '乙局', title: '清单' })),
        store.importList(powerList({ department: null, title: '丙局 权责清单' })),
        store.importList(powerList({ department: null, title: null, file: 'dir/丁局.txt' })),
      ]);
      expect(outcomes.map((o) => [o.status, o.key])).toEqual([
        ['created', '甲局'],
        ['created', '乙局'],
        ['created', '丙局权责清单'],
        ['created', '丁局'],
      ]);
      expect(new Set(outcomes.map((o) => o.listId)).size).toBe(4);
    });

    it('files a list under a chosen key instead of its department, normalised the same way', async () => {
      const { store } = await ctx.open();
      const permits = await store.importList(powerList({ department: '甲局', title: '行政许可事项清单' }), { listKey: '甲局 许可清单' });
      const powers = await store.importList(powerList({ department: '甲局', title: '权责清单' }));
      expect([permits.key, powers.key]).toEqual(['甲局许可清单', '甲局']);
      expect(permits.listId).not.toBe(powers.listId);
      // A department renamed between versions: the new file joins the old list by its key.
      const renamed = await store.importList(powerList({ department: '甲局（更名）', title: '权责清单 2025' }), { listKey: '甲局' });
      expect(renamed).toMatchObject({ status: 'new-version', listId: powers.listId, versionNo: 2, key: '甲局' });
      await expect(store.importList(powerList({}), { listKey: ' \u3000 ' })).rejects.toMatchObject({ name: 'StoreError', code: 'invalid-list-key' });
      expect((await store.listLists()).length).toBe(2);
    });

    it('gives back exactly what was imported, odd characters included', async () => {
      const { store } = await ctx.open();
      const odd = 'NUL\u0000、孤立代理\ud800、全角ＡＢＣ、𠮷字、\t换行\n结尾';
      const list = powerList({
        title: odd,
        items: [
          item({ name: odd, subject: odd, basis: provisionCell(odd, [provision(odd, odd)]), duties: dutyCell([{ name: '立案', text: odd }]) }),
        ],
        findings: [finding({ message: odd, place: { file: 'list.txt', record: 0 } })],
      });
      const outcome = await store.importList(list);
      expect(await store.getPowerList(outcome.versionId)).toEqual(PowerList.parse(list));
      const detail = await store.getItem((await store.listItems({ versionId: outcome.versionId })).items[0]!.id);
      expect(detail?.item).toEqual(list.items[0]);
    });

    it('gives back a list of many items whole, in order, however its items fall into the pages it reads', async () => {
      const { store } = await ctx.open();
      for (const n of [100, 101, 149]) {
        const list = powerList({ department: `${n}项局`, items: manyItems(n) });
        const outcome = await store.importList(list);
        expect(await store.getPowerList(outcome.versionId)).toEqual(PowerList.parse(list));
      }
    });

    it('rejects a list the model does not accept, writing nothing', async () => {
      const { store, url } = await ctx.open();
      const before = await tableCounts(url);
      const bad = { ...powerList(), items: [{ ...item(), name: 42 }] } as unknown as PowerList;
      await expect(store.importList(bad)).rejects.toMatchObject({ name: 'StoreError', code: 'invalid-list' });
      expect(await tableCounts(url)).toEqual(before);
    });

    it('reports each list of a batch, failures included', async () => {
      const { store } = await ctx.open();
      const bad = { ...powerList({ department: '乙局' }), schemaVersion: 2 } as unknown as PowerList;
      const results = await store.importLists([powerList({ department: '甲局' }), bad, powerList({ department: '丙局' })]);
      expect(results.map((r) => (r.ok ? r.status : r.code))).toEqual(['created', 'invalid-list', 'created']);
      expect((await store.listLists()).map((l) => l.key)).toEqual(['甲局', '丙局']);
    });

    it('leaves nothing behind when a list fails halfway, and keeps the previous version whole', async () => {
      const { store, url } = await ctx.open();
      await store.importList(powerList({ department: '已有局', items: manyItems(3, (i) => `旧事项${i}`) }));
      const before = await tableCounts(url);
      await failInsertsNamed(url, 'BOOM');
      try {
        // 600 items: the failing one is written in a late round of inserts, after others have gone in.
        const fresh = powerList({ department: '新局', items: manyItems(600, (i) => (i === 520 ? 'BOOM' : `新事项${i}`)) });
        await expect(store.importList(fresh)).rejects.toMatchObject({ code: 'write-failed' });
        const update = powerList({ department: '已有局', items: manyItems(600, (i) => (i === 520 ? 'BOOM' : `新版事项${i}`)) });
        await expect(store.importList(update)).rejects.toMatchObject({ code: 'write-failed' });
      } finally {
        await removeFailure(url);
      }
      expect(await tableCounts(url)).toEqual(before);
      expect((await store.listLists()).map((l) => [l.key, l.versionCount, l.itemCount])).toEqual([['已有局', 1, 3]]);
      expect((await store.search({ q: '新事项' })).total).toBe(0);
      expect((await store.search({ q: '旧事项' })).total).toBe(3);
      // And the same import succeeds once the failure is gone.
      const ok = await store.importList(powerList({ department: '新局', items: manyItems(600) }));
      expect(ok).toMatchObject({ status: 'created', items: 600 });
      const counts = await tableCounts(url);
      expect(counts.items).toBe(before.items! + 600);
      expect(counts.provisions).toBe(before.provisions! + 600);
      expect(counts.duties).toBe(before.duties! + 600);
      expect(counts.search_index).toBe(before.search_index! + 600);
    });

    it('serialises concurrent imports of the same new list', async () => {
      const { store, url } = await ctx.open();
      const other = await ctx.open({ url });
      const list = powerList({ department: '并发局', items: manyItems(300) });
      const outcomes = await Promise.all([store.importList(list), other.store.importList(list), store.importList(list)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['created', 'unchanged', 'unchanged']);
      expect(new Set(outcomes.map((o) => o.versionId)).size).toBe(1);
      expect((await tableCounts(url)).items).toBe(300);
    });
  });
}
