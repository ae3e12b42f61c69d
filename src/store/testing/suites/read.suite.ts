import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../ingest/index.js';
import type { TestDatabases } from '../databases.js';
import { dutyCell, finding, item, powerList, provision, provisionCell } from '../factories.js';
import { storeContext } from './context.js';

export function readSuite(dbs: TestDatabases): void {
  describe('reading', () => {
    const ctx = storeContext(dbs);

    async function seeded() {
      const { store } = await ctx.open();
      const a = await store.importList(
        powerList({
          department: '甲局',
          title: '甲局权责清单',
          level: '市级',
          file: 'a.txt',
          items: [
            item({ seq: '1', name: '许可一', type: '行政许可', subject: '甲局', office: '一处' }),
            item({ seq: null, name: '处罚一', type: '行政处罚', record: 1 }),
            item({
              seq: '3',
              name: '处罚二',
              type: '行政处罚',
              record: 2,
              basis: provisionCell('两条依据', [provision('甲法', '一'), provision('乙法', '二')]),
              duties: dutyCell([
                { name: '立案', text: '立案' },
                { name: '调查', text: '调查' },
              ]),
              accountabilityBasis: '《丙法》',
            }),
            item({ seq: '4', name: '类型未识别', type: '行政 处罚 (暂)', record: 3 }),
            item({ seq: '5', name: '许可二', type: '行政许可', record: 4 }),
          ],
          findings: [finding({ place: { record: 1 } })],
        }),
      );
      const b = await store.importList(powerList({ department: '乙局', level: null, file: 'b.txt', items: [item({ name: '乙局事项' })] }));
      return { store, a, b };
    }

    it('summarises every list by its latest version', async () => {
      const { store, a, b } = await seeded();
      const lists = await store.listLists();
      expect(lists).toEqual([
        {
          id: a.listId,
          key: '甲局',
          title: '甲局权责清单',
          department: '甲局',
          level: '市级',
          region: null,
          itemCount: 5,
          countsByType: { 行政许可: 2, 行政处罚: 2, '行政 处罚 (暂)': 1 },
          processCount: 0,
          versionCount: 1,
          latestVersionId: a.versionId,
          versionNo: 1,
          importedAt: expect.stringMatching(/^2025-03-01T08:0\d:00\.000Z$/),
          auditedAt: null,
          findingCounts: { error: 0, warning: 1, info: 0 },
          sourceFile: 'a.txt',
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
        expect.objectContaining({ id: b.listId, key: '乙局', level: null, itemCount: 1 }),
      ]);
      const detail = await store.getList(a.listId);
      expect(detail?.metadata.findings).toEqual([finding({ place: { record: 1 } })]);
      expect(detail?.metadata.columns).toEqual([{ header: '事项名称', field: 'name' }]);
      expect(await store.getList('999')).toBeNull();
      expect(await store.getList('not-an-id')).toBeNull();
    });

    it('pages items in source order with filters', async () => {
      const { store, a } = await seeded();
      const all = await store.listItems({ pageSize: 2 });
      expect(all.total).toBe(6);
      expect(all.items.map((i) => i.name)).toEqual(['许可一', '处罚一']);
      const third = await store.listItems({ pageSize: 2, page: 3 });
      expect(third.items.map((i) => i.name)).toEqual(['许可二', '乙局事项']);
      const punish = await store.listItems({ listId: a.listId, type: '行政处罚' });
      expect(punish.items.map((i) => [i.name, i.seq, i.position])).toEqual([
        ['处罚一', null, 1],
        ['处罚二', '3', 2],
      ]);
      expect(punish.items[1]).toMatchObject({ dutyCount: 2, provisionCount: 2, powerType: { type: '行政处罚', raw: '行政处罚' } });
      expect((await store.listItems({ versionId: a.versionId })).total).toBe(5);
      await expect(store.listItems({ page: 0 })).rejects.toMatchObject({ code: 'invalid-query' });
      await expect(store.listItems({ pageSize: 100_000 })).rejects.toMatchObject({ code: 'invalid-query' });
      await expect(store.listItems({ listId: 'x' })).rejects.toMatchObject({ code: 'invalid-query' });
    });

    it('returns one item whole, with its list', async () => {
      const { store, a } = await seeded();
      const [first] = (await store.listItems({ listId: a.listId })).items;
      const detail = await store.getItem(first!.id);
      expect(detail).toMatchObject({ id: first!.id, listTitle: '甲局权责清单', department: '甲局', sourceFile: 'a.txt', versionNo: 1, latest: true });
      expect(detail?.item).toEqual(item({ seq: '1', name: '许可一', type: '行政许可', subject: '甲局', office: '一处' }));
      expect(detail?.subject).toBe('甲局');
      expect(await store.getItem('123456')).toBeNull();
      expect(await store.getItem('-1')).toBeNull();
    });
  });

  describe('findings', () => {
    const ctx = storeContext(dbs);

    it('keeps import findings and replaces audit findings, placing each on its item', async () => {
      const { store } = await ctx.open();
      const outcome = await store.importList(
        powerList({
          items: [item({ seq: '1', name: '一', record: 0, line: 10 }), item({ seq: '2', name: '二', record: 1, line: 20 })],
          findings: [finding({ ruleId: 'reader/a', place: { record: 1 } }), finding({ ruleId: 'reader/file', place: { file: 'list.txt' } })],
        }),
      );
      const items = (await store.listItems({ versionId: outcome.versionId })).items;
      const [one, two] = items.map((i) => i.id);
      const byLine = finding({ ruleId: 'audit/line', place: { line: 10 } });
      const bySeq = finding({ ruleId: 'audit/seq', severity: 'error', place: { item: '2' } });
      const loose = finding({ ruleId: 'audit/none', place: { item: '不存在' }, cause: { line: 3 } });
      await store.saveFindings(outcome.versionId, [byLine, bySeq, loose]);
      await store.saveFindings(outcome.versionId, [byLine, bySeq, loose]);
      const rules = (fs: { ruleId: string }[]) => fs.map((f) => f.ruleId);
      expect(rules(await store.getFindings({ versionId: outcome.versionId }))).toEqual([
        'reader/a',
        'reader/file',
        'audit/line',
        'audit/seq',
        'audit/none',
      ]);
      expect(rules(await store.getFindings({ itemId: one }))).toEqual(['audit/line']);
      expect(rules(await store.getFindings({ itemId: two }))).toEqual(['reader/a', 'audit/seq']);
      expect(await store.getFindings({ versionId: outcome.versionId, origin: 'audit' })).toEqual([byLine, bySeq, loose]);
      expect(rules(await store.getFindings())).toHaveLength(5);
      // The summary counts the latest version's findings, the import's and the audit's.
      const countsOf = async () => (await store.getList(outcome.listId))?.findingCounts;
      expect(await countsOf()).toEqual({ error: 1, warning: 4, info: 0 });
      expect((await store.listLists()).find((l) => l.id === outcome.listId)?.findingCounts).toEqual({ error: 1, warning: 4, info: 0 });

      await store.saveFindings(outcome.versionId, []);
      expect(rules(await store.getFindings({ versionId: outcome.versionId }))).toEqual(['reader/a', 'reader/file']);
      expect(await countsOf()).toEqual({ error: 0, warning: 2, info: 0 });
      await expect(store.saveFindings('999', [])).rejects.toMatchObject({ code: 'not-found' });
      await expect(store.saveFindings(outcome.versionId, [{ ruleId: 1 } as never])).rejects.toMatchObject({ code: 'invalid-findings' });
    });

    it('places a finding by the worksheet it names when two sheets number the same lines, and guesses none for a finding naming no sheet', async () => {
      const { store } = await ctx.open();
      const wb = new ExcelJS.Workbook();
      const permits = wb.addWorksheet('许可');
      permits.addRow(['序号', '权力类型', '事项名称']);
      for (const no of [1, 2, 3]) permits.addRow([no, '行政许可', `许可${no}`]);
      const penalties = wb.addWorksheet('处罚');
      penalties.addRow(['序号', '权力类型', '事项名称']);
      penalties.addRow([1, '行政处罚', '处罚1']);
      // A line of text between the rows of the second sheet: the reader keeps it with a finding on 处罚 line 3.
      penalties.addRow(['以下为第二批事项']);
      penalties.addRow([2, '行政处罚', '处罚2']);
      const list = await importBytes('两表.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
      expect(list.items.map((i) => [i.provenance.sheet, i.provenance.firstLine, i.name.text])).toEqual([
        ['许可', 2, '许可1'],
        ['许可', 3, '许可2'],
        ['许可', 4, '许可3'],
        ['处罚', 2, '处罚1'],
        ['处罚', 4, '处罚2'],
      ]);
      const stray = list.findings.find((f) => f.messageId === 'stray-line');
      expect(stray?.place).toMatchObject({ sheet: '处罚', line: 3 });
      expect(stray?.place.record).toBeUndefined();

      const outcome = await store.importList(list);
      const ids = (await store.listItems({ versionId: outcome.versionId })).items.map((i) => i.id);
      const findingsOf = async (id: string | undefined) => (await store.getFindings({ itemId: id })).map((f) => f.place);
      // Line 3 of 处罚 is no item's; line 3 of 许可 is 许可2's, which must not take it.
      for (const id of ids) expect(await findingsOf(id)).not.toContainEqual(stray?.place);

      await store.saveFindings(outcome.versionId, [
        finding({ place: { sheet: '处罚', line: 2 } }),
        finding({ place: { sheet: '处罚', item: '2' } }),
        finding({ place: { sheet: '许可', line: 4 } }),
        // Naming no sheet: rows 2 and 4 and 序号 1 are on both sheets, row 3 holds an item only on 许可.
        finding({ place: { line: 2 } }),
        finding({ place: { line: 4 } }),
        finding({ place: { item: '1' } }),
        finding({ place: { line: 3 } }),
      ]);
      expect(await findingsOf(ids[0])).toEqual([]);
      expect(await findingsOf(ids[1])).toEqual([{ line: 3 }]);
      expect(await findingsOf(ids[2])).toEqual([{ sheet: '许可', line: 4 }]);
      expect(await findingsOf(ids[3])).toEqual([{ sheet: '处罚', line: 2 }]);
      expect(await findingsOf(ids[4])).toEqual([{ sheet: '处罚', item: '2' }]);
      // Not guessed: they stay the list's.
      const audit = (await store.getFindings({ versionId: outcome.versionId, origin: 'audit' })).map((f) => f.place);
      expect(audit).toEqual(expect.arrayContaining([{ line: 2 }, { line: 4 }, { item: '1' }]));
    });

    it('records that a version was audited, even when the audit found nothing, until a new version comes', async () => {
      const { store } = await ctx.open();
      const first = await store.importList(powerList({ items: [item({ name: '一' })] }));
      const other = await store.importList(powerList({ department: '乙局', items: [item({ name: '乙' })] }));
      const audited = async () => Object.fromEntries((await store.listLists()).map((l) => [l.id, l.auditedAt]));
      expect(await audited()).toEqual({ [first.listId]: null, [other.listId]: null });

      await store.saveFindings(first.versionId, []);
      const at = (await audited())[first.listId];
      expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect((await audited())[other.listId]).toBeNull();
      expect((await store.getList(first.listId))?.versions.map((v) => v.auditedAt)).toEqual([at]);
      expect(await store.getFindings({ versionId: first.versionId, origin: 'audit' })).toEqual([]);

      // Audited again later: the time moves on.
      await store.saveFindings(first.versionId, [finding({ place: { record: 0 } })]);
      const again = (await audited())[first.listId] as string;
      expect(again > (at as string)).toBe(true);

      // A new version is a list no audit has seen yet; the old one keeps its record.
      const second = await store.importList(powerList({ items: [item({ name: '一（修订）' })] }));
      expect((await audited())[first.listId]).toBeNull();
      const versions = (await store.getList(second.listId))?.versions.map((v) => [v.id, v.auditedAt]);
      expect(versions).toEqual([
        [first.versionId, again],
        [second.versionId, null],
      ]);
    });
  });
}
