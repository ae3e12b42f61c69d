import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../../src/server/api/responses.js';
import type { Store } from '../../src/store/index.js';
import type { CaseStore } from '../../src/workflow/index.js';
import { siteApp } from './helpers.js';

/**
 * Random path ids and query strings on every GET the OpenAPI document lists (the read API
 * and the workflow's): no answer is a 500, every 4xx is problem+json with its own status,
 * and an answer in markup (the SVG and BPMN of a process definition) never carries the
 * request's markup unescaped.
 */

const TOKEN = 'fuzz-test-token';

type Operation = { parameters: { name: string; in: 'path' | 'query'; schema: { enum?: string[] } }[] };

let site: { app: Hono; store: Store; cases: CaseStore };
/** Every documented GET path with its query parameters' names and enumerated values. */
let routes: { path: string; query: { name: string; values: string[] }[] }[];
/** Ids that exist, so the random requests reach past the 404s. */
const real: string[] = [];

beforeAll(async () => {
  site = await siteApp({ adminToken: TOKEN });
  const doc = (await (await site.app.request('/api/openapi.json')).json()) as { paths: Record<string, { get?: Operation }> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    ops.get ? [{ path, query: ops.get.parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, values: p.schema.enum ?? [] })) }] : [],
  );
  const items = ((await (await site.app.request('/api/lists/2/items?pageSize=2')).json()) as { items: { id: string }[] }).items.map((i) => i.id);
  const opened = await site.app.request('/api/cases', {
    method: 'POST',
    body: JSON.stringify({ itemId: items[0], party: { name: '<b>张三</b>', kind: 'person' } }),
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
  });
  expect(opened.status).toBe(201);
  real.push('1', '2', '5', ...items, ((await opened.json()) as { summary: { id: string } }).summary.id, 'P1');
});

afterAll(async () => {
  await site.cases.disconnect();
  await site.store.close();
});

const markup = fc.constantFrom('<script>alert(1)</script>', '"><svg onload=alert(1)>', "'&<>", '<![CDATA[x]]>', '</text><a href="javascript:x">');
const date = fc
  .tuple(fc.oneof(fc.constantFrom(1, 2025, 9999), fc.integer({ min: 0, max: 10_000 })), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
/** Values for anything a client may send: numbers of every size, dates at and past the calendar's ends, text, markup. */
const value = fc.oneof(
  { arbitrary: date, weight: 2 },
  fc.constantFrom('', ' ', '0', '-1', '1', '1.5', '1e3', '0x10', '100000', '100001', '9007199254740993', 'NaN', 'latest', 'true', '%', '%E0%A4', '%zz', '处罚', '密码', '1,2', '2,4,5', '9999-12-31', '9999-12-30', '0001-01-01', '2024-02-29'),
  fc.integer({ min: -1, max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  markup,
);
const id = fc.oneof(fc.constantFrom(...['1', '20', '2025-00001', 'P1', '999999', '0', '01', 'P0', '2025-1']), value, fc.nat().map((n) => `P${n}`), fc.nat().map((n) => `2025-${n}`));

/** A request's encoded form: most values percent-encoded, some with a raw or broken escape. */
const encoded = (text: string, raw: boolean) => (raw ? text.replace(/[#?&/\s]/g, (c) => encodeURIComponent(c)) : encodeURIComponent(text));

interface Request {
  route: number;
  pathId: string;
  useReal: number | null;
  /** Which documented parameter (or, with `name`, an undocumented one), the value, and whether to use one of its enumerated values instead. */
  params: readonly { which: number; name: string | null; value: string; enumerated: boolean }[];
  raw: boolean;
}

const request: fc.Arbitrary<Request> = fc.record({
  route: fc.nat(),
  pathId: id,
  useReal: fc.option(fc.nat(), { nil: null }),
  params: fc.oneof(fc.constant([]), fc.array(fc.record({ which: fc.nat(), name: fc.option(fc.string({ maxLength: 8 }), { nil: null, freq: 4 }), value, enumerated: fc.boolean() }), { maxLength: 4 })),
  raw: fc.boolean(),
});

function url(r: Request): { url: string; sent: string[] } {
  const route = routes[r.route % routes.length] as (typeof routes)[number];
  const pool = real.filter((id) => (route.path.startsWith('/api/cases') ? id.includes('-') : route.path.startsWith('/api/processes') ? id.startsWith('P') : /^\d+$/.test(id)));
  const pathId = r.useReal === null ? r.pathId : (pool[r.useReal % pool.length] as string);
  let path = route.path.replace(/\{\w+\}/, encoded(pathId, r.raw));
  const params = r.params.map((p): [string, string] => {
    const known = route.query[p.which % Math.max(route.query.length, 1)];
    if (p.name !== null || !known) return [p.name ?? 'page', p.value];
    return [known.name, p.enumerated && known.values.length > 0 ? (known.values[p.which % known.values.length] as string) : p.value];
  });
  if (params.length > 0) path += `?${params.map(([n, v]) => `${encoded(n, r.raw)}=${encoded(v, r.raw)}`).join('&')}`;
  return { url: path, sent: [pathId, ...params.flat()] };
}

describe('random GET requests on every documented route', () => {
  it('never answer 500, answer every 4xx with problem+json, and never echo markup into markup', async () => {
    await fc.assert(
      fc.asyncProperty(request, fc.boolean(), async (r, withToken) => {
        const { url: target, sent } = url(r);
        const res = await site.app.request(target, withToken ? { headers: { Authorization: `Bearer ${TOKEN}` } } : {});
        const body = await res.text();
        const type = res.headers.get('content-type') ?? '';
        expect(res.status, target).toBeLessThan(500);
        if (res.status >= 400) {
          expect(type, target).toBe('application/problem+json');
          expect(Problem.parse(JSON.parse(body)).status, target).toBe(res.status);
        }
        if (/html|xml/.test(type)) for (const s of sent) if (/[<>&"']/.test(s)) expect(body.includes(s), `${target} echoes ${s}`).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a day at the end of the calendar', () => {
  it('is bad input when the lists and figures as of it reach past 9999-12-31, not an internal error', async () => {
    for (const path of ['/api/cases', '/api/supervision', '/cases', '/supervision']) {
      for (const today of ['9999-12-31', '9999-12-30']) {
        const res = await site.app.request(`${path}?today=${today}`);
        expect(res.status, `${path} ${today}`).toBe(400);
        const body = await res.text();
        expect(body).toContain('超出公元1年至9999年的日期范围');
        if (path.startsWith('/api/')) expect(Problem.parse(JSON.parse(body)).title).toBe('请求参数不正确');
      }
      expect((await site.app.request(`${path}?today=9999-12-01`)).status, path).toBe(200);
    }
  });
});
