import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PowerItem, PowerList } from '../../../model/index.js';
import { SEARCH_FIELDS, TITLE_FIELDS } from '../../search/fields.js';
import { normalizeForSearch } from '../../search/normalize.js';
import { referenceMatches } from '../../search/reference.js';
import type { SearchHit, SearchQuery, Store } from '../../types.js';
import { corpus, querySet } from '../corpus.js';
import type { TestDatabases } from '../databases.js';
import { item, powerList } from '../factories.js';
import { storeContext } from './context.js';

/** What each dialect answered, for the cross-dialect comparison at the end of the run. */
export const searchTranscripts = new Map<string, unknown>();

interface Entry {
  item: PowerItem;
  listId: string;
  position: number;
  list: PowerList;
}

/** The reference answer in the store's order: title-zone hits first, then list and source order. */
function expected(entries: readonly Entry[], q: string): Entry[] {
  const nq = normalizeForSearch(q);
  const hits = referenceMatches(entries, q);
  const inTitle = (e: Entry) => TITLE_FIELDS.some((f) => e.item[f] && normalizeForSearch(e.item[f]!.text).includes(nq));
  const order = (a: Entry, b: Entry) => Number(a.listId) - Number(b.listId) || a.position - b.position;
  return [...hits.filter(inTitle).sort(order), ...hits.filter((e) => !inTitle(e)).sort(order)];
}

async function allHits(store: Store, query: SearchQuery): Promise<SearchHit[]> {
  const page = await store.search({ ...query, pageSize: 1000 });
  expect(page.totalExact).toBe(true);
  expect(page.items).toHaveLength(page.total);
  return page.items;
}

function checkHit(hit: SearchHit, q: string): void {
  const nq = normalizeForSearch(q);
  const hitText = hit.snippet.filter((s) => s.hit).map((s) => s.text);
  expect(hitText.length).toBeGreaterThan(0);
  for (const text of hitText) expect(normalizeForSearch(text)).toContain(nq);
}

export function searchSuite(dbs: TestDatabases): void {
  describe('search', () => {
    const ctx = storeContext(dbs);
    let store: Store;
    let entries: Entry[] = [];
    const lists = corpus({ lists: 6, itemsPerList: 40, seed: 20250301 });

    beforeAll(async () => {
      ({ store } = await ctx.open());
      // An old version whose text must not be found once replaced.
      await store.importList(powerList({ department: lists[0]!.department, items: [item({ name: '旧版本独有的事项名称' })] }));
      for (const list of lists) {
        const outcome = await store.importList(list);
        entries.push(...list.items.map((it, position) => ({ item: it, listId: outcome.listId, position, list })));
      }
      entries = entries.sort((a, b) => Number(a.listId) - Number(b.listId) || a.position - b.position);
    });

    it('finds exactly the items an exhaustive substring match finds, in the documented order', async () => {
      const transcript: unknown[] = [];
      for (const q of querySet(lists, 120, 7)) {
        const want = expected(entries, q);
        const hits = await allHits(store, { q });
        expect(
          hits.map((h) => [h.listId, h.position]),
          `query ${JSON.stringify(q)}`,
        ).toEqual(want.map((e) => [e.listId, e.position]));
        for (const [i, hit] of hits.entries()) {
          const entry = want[i]!;
          const nq = normalizeForSearch(q);
          const firstField = SEARCH_FIELDS.find((f) => entry.item[f] && normalizeForSearch(entry.item[f]!.text).includes(nq));
          expect(hit.field).toBe(firstField);
          expect(hit.name).toBe(entry.item.name.text);
          checkHit(hit, q);
        }
        transcript.push([q, hits.map((h) => [h.id, h.field, h.snippet])]);
      }
      searchTranscripts.set(dbs.dialect, transcript);
    });

    it('searches only the latest version of each list', async () => {
      expect((await store.search({ q: '旧版本独有' })).total).toBe(0);
    });

    it('applies type, level, agency and list filters exactly', async () => {
      const q = '法';
      const holds = (name: string | null | undefined, part: string) => name != null && normalizeForSearch(name).includes(normalizeForSearch(part));
      const cases: [SearchQuery, (e: Entry) => boolean][] = [
        [{ q, type: '行政许可' }, (e) => e.item.powerType.type === '行政许可'],
        [{ q, level: '市级' }, (e) => e.list.level === '市级'],
        [{ q, agency: lists[1]!.department! }, (e) => holds(e.list.department, lists[1]!.department!) || holds(e.item.subject?.text, lists[1]!.department!)],
        [{ q, agency: ' 保密办 ' }, (e) => holds(e.list.department, '保密办') || holds(e.item.subject?.text, '保密办')],
        // Part of a name: of departments (测试乙1局, 测试乙11局 …), of 实施主体 (市场监管所), of every department.
        [{ q, agency: '乙' }, (e) => holds(e.list.department, '乙') || holds(e.item.subject?.text, '乙')],
        [{ q, agency: '监管' }, (e) => holds(e.list.department, '监管') || holds(e.item.subject?.text, '监管')],
        [{ q, agency: '乙１' }, (e) => holds(e.list.department, '乙１') || holds(e.item.subject?.text, '乙１')],
        [{ q, agency: '测试' }, () => true],
        [{ q, listId: entries[50]!.listId }, (e) => e.listId === entries[50]!.listId],
        [{ q, type: '行政处罚', level: '省级' }, (e) => e.item.powerType.type === '行政处罚' && e.list.level === '省级'],
      ];
      for (const [query, keep] of cases) {
        const want = expected(entries.filter(keep), q);
        expect(want.length, JSON.stringify(query)).toBeGreaterThan(0);
        const hits = await allHits(store, query);
        expect(hits.map((h) => [h.listId, h.position]), JSON.stringify(query)).toEqual(want.map((e) => [e.listId, e.position]));
      }
      expect((await store.search({ q, agency: '没有这个部门' })).total).toBe(0);
    });

    it('pages through the same order, across the title and body groups', async () => {
      const q = '的';
      const whole = await allHits(store, { q });
      const paged: SearchHit[] = [];
      for (let page = 1; ; page++) {
        const p = await store.search({ q, page, pageSize: 7 });
        expect(p.total).toBe(whole.length);
        paged.push(...p.items);
        if (p.items.length < 7) break;
      }
      expect(paged.map((h) => h.id)).toEqual(whole.map((h) => h.id));
    });

    it('finds a phrase exactly on every page when many rows hold its bigrams apart, in the title and the body', async () => {
      // Every row is a candidate by its grams; only a third hold the phrase. Small pages of a
      // list this dense are answered from the first rows, later ones through the index: both
      // must test the text.
      const { store: own } = await ctx.open();
      const items = Array.from({ length: 60 }, (_, i) => {
        const kind = i % 3;
        return item({
          seq: String(i + 1),
          record: i,
          name: kind === 0 ? `事项甲乙丙${i}` : `事项${i}`,
          subItem: kind === 1 ? '甲乙之后乙丙' : '子项',
          basis: kind === 2 ? '甲乙丙' : '依据甲乙，另有乙丙',
        });
      });
      const list = powerList({ department: '短语测试局', items });
      const outcome = await own.importList(list);
      const mine = items.map((it, position) => ({ item: it, listId: outcome.listId, position, list }));
      const want = expected(mine, '甲乙丙').map((e) => e.position);
      expect(want.length).toBe(40);
      for (const pageSize of [5, 7, 20]) {
        const got: number[] = [];
        for (let page = 1; ; page++) {
          const result = await own.search({ q: '甲乙丙', page, pageSize });
          expect(result.total).toBe(want.length);
          got.push(...result.items.map((h) => h.position));
          if (result.items.length < pageSize) break;
        }
        expect(got, `pageSize ${pageSize}`).toEqual(want);
      }
    });

    it('treats empty and oversized queries plainly', async () => {
      expect(await store.search({ q: ' \n\t' })).toEqual({ items: [], total: 0, totalExact: true, page: 1, pageSize: 20 });
      await expect(store.search({ q: '法'.repeat(201) })).rejects.toMatchObject({ code: 'invalid-query' });
      await expect(store.search({ q: '法', pageSize: 0 })).rejects.toMatchObject({ code: 'invalid-query' });
    });

    it('matches any text and any query like the reference (property)', async () => {
      const alphabet = [...'保密法第条款项行政处罚许可的，。《》（）一二三ａＢc 1１\u3000\n𠮷'];
      const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((cs) => cs.join(''));
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ name: text, subItem: text, basis: text, exemption: text }), { minLength: 1, maxLength: 6 }),
          fc.oneof(text.filter((t) => t.length > 0), fc.constantFrom(...alphabet)),
          async (specs, q) => {
            run++;
            const list = powerList({ department: `性质测试${run}`, items: specs.map((s, i) => item({ ...s, seq: String(i + 1), record: i })) });
            const outcome = await store.importList(list);
            const mine = list.items.map((it, position) => ({ item: it, listId: outcome.listId, position, list }));
            const hits = await allHits(store, { q, listId: outcome.listId });
            expect(hits.map((h) => h.position)).toEqual(expected(mine, q).map((e) => e.position));
          },
        ),
        { numRuns: 40, seed: 4242 },
      );
    });
  });
}
