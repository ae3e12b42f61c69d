import { beforeAll, describe, expect, it } from 'vitest';
import type { PowerList } from '../../src/model/index.js';
import { ItemsPage, ItemWithFindings, ListDetail, ListsPage, Problem, SearchPage } from '../../src/server/api/responses.js';
import type { Hono } from 'hono';
import type { Store } from '../../src/store/index.js';
import type { SampleName } from '../helpers/samples.js';
import { type Imported, sampleApp } from './helpers.js';

let app: Hono;
let store: Store;
let imported: Map<SampleName, Imported>;

beforeAll(async () => {
  ({ app, store, imported } = await sampleApp());
});

function sample(name: SampleName): Imported {
  return imported.get(name) as Imported;
}

async function json(path: string, status = 200): Promise<unknown> {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type'), path).toMatch(status === 200 ? /^application\/json/ : /^application\/problem\+json/);
  return res.json();
}

async function problem(path: string, status: number) {
  return Problem.parse(await json(path, status));
}

function countByType(list: PowerList): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of list.items) {
    const type = item.powerType.type ?? item.powerType.raw;
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

describe('GET /api/lists', () => {
  it('lists every imported sample with its item count and counts by type', async () => {
    const page = ListsPage.parse(await json('/api/lists'));
    expect(page.total).toBe(imported.size);
    for (const { list, outcome } of imported.values()) {
      const summary = page.items.find((l) => l.id === outcome.listId);
      expect(summary, list.source.file).toBeDefined();
      expect(summary?.itemCount).toBe(list.items.length);
      expect(summary?.countsByType).toEqual(countByType(list));
      expect(summary?.sourceFile).toBe(list.source.file);
      expect(summary?.sha256).toBe(list.source.sha256);
    }
  });

  it('pages through the lists without gaps or repeats', async () => {
    const all = ListsPage.parse(await json('/api/lists')).items.map((l) => l.id);
    const paged: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const body = ListsPage.parse(await json(`/api/lists?page=${page}&pageSize=2`));
      expect(body).toMatchObject({ page, pageSize: 2, total: all.length });
      paged.push(...body.items.map((l) => l.id));
    }
    expect(paged).toEqual(all);
    expect(ListsPage.parse(await json('/api/lists?page=4&pageSize=2')).items).toEqual([]);
  });

  it.each([
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=', 'pageSize'],
  ])('answers ?%s with 400 naming %s', async (query, param) => {
    const body = await problem(`/api/lists?${query}`, 400);
    expect(body.type).toBe('urn:quanze:problem:invalid-parameters');
    expect(body['invalid-params']?.map((p) => p.name)).toEqual([param]);
  });
});

describe('GET /api/lists/:id', () => {
  it('returns the list with its versions and the flowcharts of its latest version', async () => {
    const { list, outcome } = sample('flowchart');
    const detail = ListDetail.parse(await json(`/api/lists/${outcome.listId}`));
    expect(detail.versions).toEqual([expect.objectContaining({ id: outcome.versionId, versionNo: 1, latest: true, sha256: list.source.sha256 })]);
    expect(detail.metadata.processSheets).toEqual(list.processSheets);
    expect(detail.metadata.processSheets.length).toBeGreaterThan(0);
    expect(detail.metadata.residue).toEqual(list.residue);
  });

  it('answers an unknown id with 404 and a malformed one with 400', async () => {
    expect((await problem('/api/lists/999999', 404)).detail).toContain('999999');
    for (const id of ['abc', '0', '-1', '1.0', '01']) {
      expect((await problem(`/api/lists/${id}`, 400))['invalid-params']?.[0]?.name).toBe('id');
    }
  });
});

describe('GET /api/lists/:id/items', () => {
  it('returns the items in source order', async () => {
    for (const { list, outcome } of imported.values()) {
      const page = ItemsPage.parse(await json(`/api/lists/${outcome.listId}/items?pageSize=100`));
      expect(page.total).toBe(list.items.length);
      expect(page.items.map((i) => i.name)).toEqual(list.items.map((i) => i.name.text));
    }
  });

  it('filters by power type', async () => {
    const { list, outcome } = sample('mima');
    for (const [type, count] of Object.entries(countByType(list))) {
      const page = ItemsPage.parse(await json(`/api/lists/${outcome.listId}/items?pageSize=100&type=${encodeURIComponent(type)}`));
      expect(page.total, type).toBe(count);
      expect(page.items.every((i) => i.powerType.type === type)).toBe(true);
    }
  });

  it('accepts the latest version and refuses a version of another list', async () => {
    const { outcome } = sample('liangzhou');
    const other = sample('mima').outcome;
    const page = ItemsPage.parse(await json(`/api/lists/${outcome.listId}/items?version=${outcome.versionId}`));
    expect(page.total).toBe(outcome.items);
    await problem(`/api/lists/${outcome.listId}/items?version=${other.versionId}`, 404);
  });

  it.each([
    ['type=行政魔法', 'type'],
    ['version=v1', 'version'],
    ['pageSize=1000', 'pageSize'],
  ])('answers ?%s with 400 naming %s', async (query, param) => {
    const { outcome } = sample('liangzhou');
    const body = await problem(`/api/lists/${outcome.listId}/items?${encodeURI(query)}`, 400);
    expect(body['invalid-params']?.map((p) => p.name)).toEqual([param]);
  });

  it('answers an unknown list with 404', async () => {
    await problem('/api/lists/424242/items', 404);
  });
});

describe('GET /api/items/:id', () => {
  it('returns every item exactly as imported, with its list and findings', async () => {
    for (const name of ['liangzhou', 'mima', 'liuzhou'] as const) {
      const { list, outcome } = sample(name);
      const page = ItemsPage.parse(await json(`/api/lists/${outcome.listId}/items?pageSize=100`));
      for (const summary of page.items) {
        const detail = ItemWithFindings.parse(await json(`/api/items/${summary.id}`));
        expect(detail.item).toEqual(list.items[summary.position]);
        expect(detail.listId).toBe(outcome.listId);
        expect(detail.sourceFile).toBe(list.source.file);
        expect(detail.findings).toEqual(await store.getFindings({ itemId: summary.id }));
      }
    }
  });

  it('answers an unknown id with 404 and a malformed one with 400', async () => {
    await problem('/api/items/999999', 404);
    await problem('/api/items/abc', 400);
    await problem(`/api/items/${'9'.repeat(16)}`, 400);
  });
});

describe('GET /api/search', () => {
  it('finds a term from the samples and marks it in every snippet', async () => {
    const page = SearchPage.parse(await json(`/api/search?q=${encodeURIComponent('网络安全')}&pageSize=100`));
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.map((h) => h.name)).toContain('对不履行法定网络安全保护义务的处罚');
    for (const hit of page.items) {
      const marked = hit.snippet.filter((s) => s.hit).map((s) => s.text);
      expect(marked.length, hit.name).toBeGreaterThan(0);
      expect(marked.join('')).toContain('网络安全');
    }
  });

  it('narrows by type, agency, level and list', async () => {
    const q = `q=${encodeURIComponent('密码')}&pageSize=100`;
    const all = SearchPage.parse(await json(`/api/search?${q}`));
    const byType = SearchPage.parse(await json(`/api/search?${q}&type=${encodeURIComponent('行政检查')}`));
    expect(byType.total).toBeGreaterThan(0);
    expect(byType.total).toBeLessThan(all.total);
    expect(byType.items.every((h) => h.powerType.type === '行政检查')).toBe(true);

    const mima = sample('mima').outcome.listId;
    const byList = SearchPage.parse(await json(`/api/search?${q}&listId=${mima}`));
    expect(byList.total).toBeGreaterThan(0);
    expect(byList.items.every((h) => h.listId === mima)).toBe(true);

    const byAgency = SearchPage.parse(await json(`/api/search?${q}&agency=${encodeURIComponent('自治区密码管理局')}`));
    expect(byAgency.items.map((h) => h.listId)).toEqual(byList.items.map((h) => h.listId));

    const county = SearchPage.parse(await json(`/api/search?q=${encodeURIComponent('处罚')}&pageSize=100&level=${encodeURIComponent('县级')}`));
    const liangzhou = sample('liangzhou').outcome.listId;
    expect(county.total).toBeGreaterThan(0);
    expect(county.items.every((h) => h.listId === liangzhou)).toBe(true);
  });

  it('pages through the hits', async () => {
    const q = `q=${encodeURIComponent('密码')}`;
    const two = SearchPage.parse(await json(`/api/search?${q}&pageSize=2`));
    const second = SearchPage.parse(await json(`/api/search?${q}&pageSize=1&page=2`));
    expect(second.items.map((h) => h.id)).toEqual([two.items[1]?.id]);
  });

  it('narrows by agency as documented: the list’s department or the item’s 实施主体, whole or in part, in any width or spacing', async () => {
    const doc = (await json('/api/openapi.json')) as { paths: Record<string, { get: { parameters: { name: string; description?: string }[] } }> };
    const described = doc.paths['/api/search']?.get.parameters.find((p) => p.name === 'agency')?.description ?? '';
    expect(described).toContain('名称或其中一部分');
    expect(described).toContain('承办机构不算');
    const hits = async (agency: string) => SearchPage.parse(await json(`/api/search?q=${encodeURIComponent('处')}&pageSize=100&agency=${encodeURIComponent(agency)}`));
    const liangzhou = sample('liangzhou');
    // Its department, written with full-width brackets, asked for with ASCII ones and spaces.
    const department = (await hits(' 中共凉州区委网络安全和信息化办公室 (区互联网信息办公室)')).items;
    expect(department.length).toBeGreaterThan(0);
    expect(department.every((h) => h.listId === liangzhou.outcome.listId)).toBe(true);
    // The 实施主体 of its items, and part of either name, find the same items; their 承办机构 (网络监管组) matches nothing.
    for (const name of ['凉州区互联网信息办公室', '凉州区', '网络安全和信息化']) expect((await hits(name)).items.map((h) => h.id), name).toEqual(department.map((h) => h.id));
    expect(liangzhou.list.items[0]?.office?.text).toBe('网络监管组');
    expect((await hits('网络监管组')).total).toBe(0);
    // A part that several departments hold (自治区国家保密局, 柳州市国家保密局) finds the items of each.
    const bureaus = (await hits('保密局')).items;
    expect(new Set(bureaus.map((h) => h.listId))).toEqual(new Set([sample('baomi').outcome.listId, sample('liuzhou').outcome.listId]));
    expect(bureaus.every((h) => (h.department ?? '').includes('保密局'))).toBe(true);
  });

  it('walks to every hit exactly once, in the order of one long page, for any page size and filter', async () => {
    const filters = ['', `&type=${encodeURIComponent('行政检查')}`, `&level=${encodeURIComponent('省级')}`, `&agency=${encodeURIComponent('自治区国家保密局')}`, `&listId=${sample('liuzhou').outcome.listId}`];
    let walked = 0;
    for (const q of ['处罚', '密码', '检查', '的', '国家秘密', '法']) {
      for (const filter of filters) {
        const base = `/api/search?q=${encodeURIComponent(q)}${filter}`;
        const whole = SearchPage.parse(await json(`${base}&pageSize=100`));
        expect(whole.totalExact).toBe(true);
        expect(whole.total).toBeLessThanOrEqual(100);
        for (const pageSize of [1, 3, 7]) {
          const ids: string[] = [];
          const pages = Math.ceil(whole.total / pageSize);
          for (let page = 1; page <= pages + 1; page++) {
            const body = SearchPage.parse(await json(`${base}&pageSize=${pageSize}&page=${page}`));
            expect(body).toMatchObject({ total: whole.total, page, pageSize });
            // Full pages up to the last, which holds the rest; past the end, none.
            expect(body.items.length, `${base} ${pageSize} ${page}`).toBe(Math.max(0, Math.min(pageSize, whole.total - (page - 1) * pageSize)));
            ids.push(...body.items.map((h) => h.id));
          }
          expect(ids).toEqual(whole.items.map((h) => h.id));
          walked += ids.length;
        }
      }
    }
    expect(walked).toBeGreaterThan(300);
    // The last page there may be, and one past it.
    expect(SearchPage.parse(await json('/api/search?q=%E5%A4%84%E7%BD%9A&page=100000')).items).toEqual([]);
    expect((await problem('/api/search?q=%E5%A4%84%E7%BD%9A&page=100001', 400))['invalid-params']?.map((p) => p.name)).toEqual(['page']);
  });

  it.each([
    ['no q', '', 'q'],
    ['an empty q', 'q=', 'q'],
    ['a blank q', 'q=  ', 'q'],
    ['a q of 201 characters', `q=${'密'.repeat(201)}`, 'q'],
    ['an unknown type', 'q=a&type=xyz', 'type'],
    ['an unknown level', 'q=a&level=世界级', 'level'],
    ['a malformed list id', 'q=a&listId=abc', 'listId'],
    ['page 0', 'q=a&page=0', 'page'],
  ])('answers %s with 400 naming the parameter', async (_label, query, param) => {
    const body = await problem(`/api/search?${encodeURI(query)}`, 400);
    expect(body['invalid-params']?.map((p) => p.name)).toEqual([param]);
  });

  it('says a missing q is missing, in Chinese', async () => {
    const body = await problem('/api/search', 400);
    expect(body.title).toBe('请求参数不正确');
    expect(body['invalid-params']?.[0]?.reason).toBe('缺少必填参数');
  });
});
