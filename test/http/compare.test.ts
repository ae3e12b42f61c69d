import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignStoredLists, registryResolver } from '../../src/align/index.js';
import { importBytes, importFile } from '../../src/ingest/index.js';
import { loadRegistry, type Registry } from '../../src/law/index.js';
import { Alignment } from '../../src/server/api/align-responses.js';
import { Problem } from '../../src/server/api/responses.js';
import { createApp } from '../../src/server/index.js';
import { summarizeGroups } from '../../src/server/views/compare-summary.js';
import { escapeHtml } from '../../src/html/index.js';
import type { Store } from '../../src/store/index.js';
import { type SampleName, samplePath } from '../helpers/samples.js';
import { hostileVariant, type Imported, PAYLOADS, sampleApp, storeWith } from './helpers.js';

let app: Hono;
let bare: Hono;
let store: Store;
let laws: Registry;
let imported: Map<SampleName, Imported>;

beforeAll(async () => {
  laws = await loadRegistry();
  ({ store, imported, app: bare } = await sampleApp());
  app = createApp({ store, laws, now: () => new Date('2025-03-01T08:00:00Z') });
});

const id = (name: SampleName) => (imported.get(name) as Imported).outcome.listId;

async function get(target: Hono, path: string, status: number, type: RegExp): Promise<Response> {
  const res = await target.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type'), path).toMatch(type);
  return res;
}

const json = async (path: string, target = app) => (await get(target, path, 200, /^application\/json/)).json();
const problem = async (path: string, status: number) => Problem.parse(await (await get(app, path, status, /^application\/problem\+json/)).json());
const page = async (path: string, status = 200) => (await get(app, path, status, /^text\/html; charset=utf-8/i)).text();

/** Every tag our pages write; anything else on a page came from data that escaped escaping. */
const OUR_TAGS = new Set(
  'html head meta title link body a header form label input button main nav span h1 h2 h3 h4 p dl dt dd ul ol li div section table thead tbody tr th td details summary fieldset legend meter del ins strong code footer select option'.split(' '),
);
const foreignTags = (html: string) =>
  [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => (m[1] as string).toLowerCase()).filter((tag) => !OUR_TAGS.has(tag));

/** The rows of the table that follows the heading of a comparison. */
function pairRows(html: string, n: number): string[] {
  const section = html.slice(html.indexOf(`<section class="comparison" id="pair-${n}">`));
  const body = section.slice(section.indexOf('<tbody>'), section.indexOf('</tbody>'));
  return body.split('<tr').slice(1);
}

describe('GET /api/compare', () => {
  it('answers the alignment of the latest versions, in the order asked, resolved through the law registry', async () => {
    const ids = [id('liuzhou'), id('baomi'), id('mima')];
    const body = Alignment.parse(await json(`/api/compare?lists=${ids.join(',')}`));
    const direct = await alignStoredLists(store, ids, { resolver: registryResolver(laws) });
    expect(body).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(body.lists.map((l) => l.label)).toEqual(['柳州市国家保密局', '自治区国家保密局', '自治区密码管理局']);
    expect(body.comparisons.map((c) => [c.left, c.right])).toEqual([[0, 1], [0, 2], [1, 2]]);
  });

  it('compares cited titles as written when the app has no registry', async () => {
    const path = `/api/compare?lists=${id('baomi')},${id('liuzhou')}`;
    const plain = Alignment.parse(await json(path, bare));
    expect(plain).toEqual(JSON.parse(JSON.stringify(await alignStoredLists(store, [id('baomi'), id('liuzhou')]))));
    // The registry tells 2010 from 2024 versions of the 保守国家秘密法; titles alone cannot.
    const versions = (a: typeof plain) => a.comparisons[0]?.pairs.flatMap((p) => p.inconsistencies.filter((i) => i.kind === 'version')) ?? [];
    expect(versions(Alignment.parse(await json(path)))).not.toEqual(versions(plain));
  });

  it.each([
    ['', 'lists'],
    ['lists=', 'lists'],
    ['lists=1', 'lists'],
    ['lists=1,1', 'lists'],
    ['lists=1,abc', 'lists.1'],
    ['lists=1,2,3,4,5,6,7', 'lists'],
    ['lists=0,2', 'lists.0'],
  ])('answers ?%s with 400 naming %s', async (query, name) => {
    const body = await problem(`/api/compare?${query}`, 400);
    expect(body.type).toBe('urn:quanze:problem:invalid-parameters');
    expect(body['invalid-params']?.map((p) => p.name)).toEqual([name]);
  });

  it('answers an unknown list with 404 naming it', async () => {
    expect((await problem(`/api/compare?lists=${id('baomi')},424242`, 404)).detail).toContain('424242');
  });

  it('is in the OpenAPI document, with the diff endpoint and their response schemas', async () => {
    const doc = (await json('/api/openapi.json')) as {
      paths: Record<string, { get: { operationId: string; tags: string[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }>;
      components: { schemas: Record<string, unknown> };
    };
    const compare = doc.paths['/api/compare']?.get;
    const diff = doc.paths['/api/lists/{id}/diff']?.get;
    expect([compare?.operationId, diff?.operationId]).toEqual(['compareLists', 'diffListVersions']);
    expect(compare?.responses['200']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Alignment' });
    expect(diff?.responses['200']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ListDiff' });
    expect(Object.keys(compare?.responses ?? {})).toEqual(expect.arrayContaining(['400', '404']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Alignment', 'ListDiff']));
  });
});

describe('the compare page', () => {
  it('offers every list as a checkbox in a GET form', async () => {
    const html = await page('/compare');
    expect(html).toContain('<form class="compare-form" action="/compare" method="get">');
    for (const name of imported.keys()) expect(html).toContain(`<input type="checkbox" name="lists" value="${id(name)}">`);
    expect(html).not.toContain('<h2>四级四同</h2>');
    expect(html).toContain('<a href="/compare" aria-current="page">清单比对</a>');
    expect(await page('/')).toContain('<a href="/compare">');
  });

  it('shows each pair of lists: paired items side by side with score, reasons and inconsistencies, then the unmatched', async () => {
    const ids = [id('baomi'), id('liuzhou')];
    const html = await page(`/compare?lists=${ids[0]}&lists=${ids[1]}`);
    expect(html).toContain(`value="${ids[0]}" checked`);
    const alignment = await alignStoredLists(store, ids, { resolver: registryResolver(laws) });
    const comparison = alignment.comparisons[0];
    if (!comparison) throw new Error('no comparison');
    const rows = pairRows(html, 1);
    expect(rows).toHaveLength(comparison.pairs.length);
    comparison.pairs.forEach((pair, i) => {
      const row = rows[i] as string;
      const cells = row.split('<td').slice(1);
      expect(cells[0]).toContain(`>${escapeHtml(pair.left.label)}</a>`);
      expect(cells[1]).toContain(`>${escapeHtml(pair.right.label)}</a>`);
      expect(cells[2]).toContain(`${Math.round(pair.score * 100)}%`);
      for (const reason of pair.reasons) expect(cells[3]).toContain(escapeHtml(reason.message));
      for (const issue of pair.inconsistencies) {
        if (issue.kind !== 'name') expect(cells[3]).toContain(`<li class="issue">${escapeHtml(issue.message)}</li>`);
      }
      expect(row.startsWith(' class="has-issues"')).toBe(pair.inconsistencies.length > 0);
    });
    const sameBothSides = rows.find((r) => r.includes('对保密工作的监督检查'));
    expect(sameBothSides?.match(/>对保密工作的监督检查<\/a>/g)).toHaveLength(2);
    // A name that differs is shown as a character diff.
    expect(html).toContain('对非法获取、持有国家秘密载体的<del>行政强制</del><ins>处罚</ins>');
    expect(html).toContain(`<h4>只在自治区国家保密局中（${comparison.unmatchedLeft.length} 项）</h4>`);
    expect(html).toContain(`<h4>只在柳州市国家保密局中（${comparison.unmatchedRight.length} 项）</h4>`);
    for (const entry of [...comparison.unmatchedLeft, ...comparison.unmatchedRight]) expect(html).toContain(`>${escapeHtml(entry.label)}</a>`);
  });

  it('links each entry to its item page', async () => {
    const html = await page(`/compare?lists=${id('baomi')},${id('liuzhou')}`);
    const items = (await json(`/api/lists/${id('liuzhou')}/items?pageSize=100`)) as { items: { id: string; name: string }[] };
    for (const item of items.items) expect(html).toContain(`<a href="/items/${item.id}">${escapeHtml(item.name)}</a>`);
  });

  it('sums up 四级四同 per power shared by two or more lists', async () => {
    const ids = [id('baomi'), id('liuzhou'), id('mima')];
    const html = await page(`/compare?lists=${ids.join(',')}`);
    const groups = summarizeGroups(await alignStoredLists(store, ids, { resolver: registryResolver(laws) }));
    const table = html.slice(html.indexOf('<table class="summary">'), html.indexOf('</table>', html.indexOf('<table class="summary">')));
    const rows = table.split('<tr>').slice(2);
    expect(rows).toHaveLength(groups.length);
    const word = { same: '相同', different: '不同', unknown: '无法判断' } as const;
    groups.forEach((group, i) => {
      const cells = (rows[i] as string).split('<td').slice(1);
      expect(cells.slice(1).map((c) => />([^<>]+)<\/span>/.exec(c)?.[1])).toEqual([word[group.name], word[group.type], word[group.basis]]);
      for (const entry of group.members.flat()) expect(cells[0]).toContain(escapeHtml(entry.label));
    });
    expect(html).toContain(`${groups.length} 项权力出现在两份以上清单中`);
    // Three lists make three comparisons, each with its own section and a link to it.
    expect(html.match(/<section class="comparison" id="pair-\d">/g)).toHaveLength(3);
    expect(html.match(/<a href="#pair-\d">/g)).toHaveLength(3);
  });

  it.each([
    ['one list', (a: string) => `lists=${a}`, '至少选择 2 份清单'],
    ['the same list twice', (a: string) => `lists=${a}&lists=${a}`, '同一份清单选了两次'],
    ['seven lists', () => 'lists=1,2,3,4,5,6,7', '最多比对 6 份清单'],
    ['a malformed id', (a: string) => `lists=${a}&lists=x`, '编号应为正整数'],
  ])('answers %s with 400 and the form, saying what is wrong', async (_label, query, message) => {
    const html = await page(`/compare?${query(id('baomi'))}`, 400);
    expect(html).toContain(`<p class="form-error" role="alert">${message}</p>`);
    expect(html).toContain('<form class="compare-form"');
  });

  it('answers an unknown list with a 404 page', async () => {
    expect(await page(`/compare?lists=${id('baomi')}&lists=424242`, 404)).toContain('424242');
  });

  it('shows hostile names from an imported list as text, in pairs, diffs and the summary', async () => {
    const variant = hostileVariant();
    const hostile = await importBytes(variant.file, new TextEncoder().encode(variant.text));
    const { store: own, outcomes } = await storeWith([hostile, await importFile(samplePath('liangzhou'))]);
    const target = createApp({ store: own, laws });
    const res = await target.request(`/compare?lists=${outcomes.map((o) => o.listId).join(',')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(foreignTags(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain(`<h3>${escapeHtml(hostile.department as string)} ↔ `);
    const name = hostile.items[0]?.name.text as string;
    expect(name).toContain(PAYLOADS.unclosed);
    const rows = pairRows(html, 1);
    const planted = rows.find((r) => r.includes(escapeHtml(name)));
    // The hostile list is on the left: its extra text is what the right side lacks.
    expect(planted).toContain(`<del>${escapeHtml(PAYLOADS.unclosed)}</del>`);
    expect(html.slice(html.indexOf('<table class="summary">'))).toContain(escapeHtml(name));
    await own.close();
  });
});
