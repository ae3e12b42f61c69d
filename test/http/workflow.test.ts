import { BpmnModdle } from 'bpmn-moddle';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRule } from '../../src/audit/index.js';
import { importFile } from '../../src/ingest/index.js';
import type { PowerItem } from '../../src/model/index.js';
import { createApp } from '../../src/server/index.js';
import { Problem } from '../../src/server/api/responses.js';
import { escapeHtml } from '../../src/html/index.js';
import type { Store } from '../../src/store/index.js';
import { type CaseStore, NON_STEP_DUTIES } from '../../src/workflow/index.js';
import { samplePath } from '../helpers/samples.js';
import { siteApp, storeWith } from './helpers.js';

const TOKEN = 'test-admin-token-0123456789';

let open: Hono;
let closed: Hono;
let store: Store;
const toClose: { store: Store; cases: CaseStore }[] = [];
/** The first item of the 001 sample (自治区国家保密局): five numbered duties. */
let baomiItem: string;

beforeAll(async () => {
  const withToken = await siteApp({ adminToken: TOKEN });
  const without = await siteApp();
  toClose.push(withToken, without);
  open = withToken.app;
  closed = without.app;
  store = withToken.store;
  const listId = withToken.imported.get('baomi')?.outcome.listId as string;
  baomiItem = (await store.listItems({ listId, pageSize: 1 })).items[0]?.id as string;
});

afterAll(async () => {
  for (const site of toClose) {
    await site.cases.disconnect();
    await site.store.close();
  }
});

const post = (app: Hono, path: string, body: unknown, token?: string) =>
  app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}) },
  });

async function page(app: Hono, path: string): Promise<string> {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
  return res.text();
}

describe('the workflow mounted in the site', () => {
  it('serves its pages, its API and its stylesheet, under the site’s security headers', async () => {
    expect(await page(closed, '/cases')).toContain('<link rel="stylesheet" href="/assets/workflow.css">');
    const supervision = await page(closed, '/supervision');
    expect(supervision).toContain('案件监督');
    // The portal's own header and search box, not a second one of the workflow's.
    expect(supervision).toContain('<a href="/compare">清单比对</a>');
    expect(supervision).toContain('<form action="/search" method="get" role="search">');
    const api = await closed.request('/api/supervision');
    expect(api.status).toBe(200);
    expect(await api.json()).toHaveProperty('stats');
    const css = await closed.request('/assets/workflow.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.status');
    for (const path of ['/cases', '/supervision', '/api/cases', '/api/supervision', '/assets/workflow.css', '/cases/2025-99999']) {
      const res = await closed.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('names 办件 and 督办 in the portal’s header', async () => {
    const home = await page(closed, '/');
    expect(home).toContain('<a href="/cases">办件</a>');
    expect(home).toContain('<a href="/supervision">督办</a>');
    // Error pages too: the header is the same everywhere.
    const missing = await closed.request('/lists/999999');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<a href="/supervision">督办</a>');
  });
});

describe('writes', () => {
  it('are refused with 403 in Chinese when no administrator token is configured; reads stay open', async () => {
    for (const [method, path] of [
      ['POST', '/api/cases'],
      ['POST', '/api/cases/2025-00001/advance'],
      ['POST', '/api/processes'],
      ['PUT', '/api/processes/P1'],
      ['POST', '/api/cases/2025-00001/documents'],
      ['POST', '/cases'],
    ] as const) {
      const res = await closed.request(path, { method, body: '{}', headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(res.status, `${method} ${path}`).toBe(403);
      if (path.startsWith('/api/')) {
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(Problem.parse(await res.json())).toMatchObject({ status: 403, detail: '写操作未开启：请设置 QUANZE_ADMIN_TOKEN' });
      } else {
        expect(await res.text()).toContain('写操作未开启：请设置 QUANZE_ADMIN_TOKEN');
      }
    }
    // A method the path does not take is refused as such, before the question of tokens.
    expect((await closed.request('/api/cases/2025-00001', { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
    expect((await closed.request('/api/cases')).status).toBe(200);
    expect(((await (await closed.request('/api/cases')).json()) as { total: number }).total).toBe(0);
  });

  it('need the bearer token when one is configured: 401 without it or with a wrong one, 201 with it', async () => {
    const none = await post(open, '/api/cases', { itemId: baomiItem });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="quanze"');
    expect(Problem.parse(await none.json()).detail).toContain('Authorization: Bearer');
    for (const wrong of ['wrong', `${TOKEN}x`, TOKEN.slice(0, -1), TOKEN.toUpperCase()]) {
      const res = await post(open, '/api/cases', { itemId: baomiItem }, wrong);
      expect(res.status, wrong).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
    expect((await open.request('/api/cases', { method: 'POST', body: '{}', headers: { Authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    expect(((await (await open.request('/api/cases')).json()) as { total: number }).total).toBe(0);

    const opened = await post(open, '/api/cases', { itemId: baomiItem }, TOKEN);
    expect(opened.status).toBe(201);
    const view = (await opened.json()) as { summary: { id: string; itemRef: string; currentStepName: string } };
    expect(view.summary).toMatchObject({ itemRef: baomiItem, currentStepName: '受理' });
    const listed = (await (await open.request('/api/cases')).json()) as { items: { id: string }[] };
    expect(listed.items.map((c) => c.id)).toEqual([view.summary.id]);
    expect(await page(open, '/cases')).toContain(view.summary.id);
    const advanced = await post(open, `/api/cases/${view.summary.id}/advance`, {}, TOKEN);
    expect(advanced.status).toBe(200);
  });

  it('to the read-only API stay a 405, token or not', async () => {
    const res = await open.request('/api/search', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(405);
    expect((await open.request('/api/lists', { method: 'PUT', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
    expect((await closed.request('/api/lists', { method: 'DELETE' })).status).toBe(405);
  });
});

describe('the item page', () => {
  it('draws the item’s duties as an SVG flowchart linking each box to its duty, with exports', async () => {
    const html = await page(closed, `/items/${baomiItem}`);
    const svg = /<div class="flowchart">(<svg[\s\S]*?<\/svg>)<\/div>/.exec(html)?.[1] ?? '';
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const detail = await store.getItem(baomiItem);
    // A closing "其他" duty is no step of the procedure, so it gets no box.
    const duties = detail?.item.duties?.duties.filter((d) => !NON_STEP_DUTIES.includes(d.name)).map((d) => d.no) ?? [];
    expect(duties.length).toBeGreaterThan(2);
    expect([...svg.matchAll(/href="#step-(\d+)"/g)].map((m) => Number(m[1]))).toEqual(duties);
    for (const no of duties) expect(html).toContain(`<li id="step-${no}">`);
    expect(svg).not.toMatch(/<script|style=|on\w+=/i);

    const bpmnHref = `/items/${baomiItem}/process.bpmn`;
    expect(html).toContain(`href="${bpmnHref}"`);
    const bpmn = await closed.request(bpmnHref);
    expect(bpmn.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const parsed = await BpmnModdle().fromXML(await bpmn.text());
    expect(parsed.warnings).toEqual([]);
    const svgFile = await closed.request(`/items/${baomiItem}/process.svg`);
    expect(svgFile.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect((await svgFile.text()).match(/<g class="step"/g)?.length).toBe(duties.length);
  });

  it('links the stored definition’s BPMN once a case has saved one', async () => {
    const html = await page(open, `/items/${baomiItem}`);
    const stored = await toClose[0]?.cases.processForItem(baomiItem);
    expect(stored).not.toBeNull();
    const href = `/api/processes/${stored?.id}/bpmn?version=${stored?.version}`;
    expect(html).toContain(`href="${href}"`);
    const res = await open.request(href);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<bpmn:definitions');
  });

  it('says why an item without numbered duties has no flowchart, and its exports are 404', async () => {
    const list = await importFile(samplePath('baomi'));
    const first = list.items[0] as PowerItem;
    const bare = { ...first, duties: first.duties ? { ...first.duties, duties: [] } : undefined };
    const { store: own } = await storeWith([{ ...list, items: [bare as PowerItem, ...list.items.slice(1)] }]);
    const app = createApp({ store: own });
    const id = (await own.listItems({ pageSize: 1 })).items[0]?.id as string;
    const html = await page(app, `/items/${id}`);
    expect(html).toContain('责任事项中没有编号的办理环节，无法画出流程图');
    expect(html).not.toContain('<svg');
    for (const ext of ['bpmn', 'svg']) {
      const res = await app.request(`/items/${id}/process.${ext}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('没有可画成流程图的办理环节');
    }
    await own.close();
  });

  it('shows its findings grouped by severity, each with its rule’s Chinese description', async () => {
    const findings = await store.getFindings({ itemId: baomiItem });
    expect(findings.length).toBeGreaterThan(0);
    const html = await page(closed, `/items/${baomiItem}`);
    const section = html.slice(html.indexOf('<h2 id="findings">'), html.indexOf('<h2 id="source">'));
    const order = ['error', 'warning', 'info'].filter((s) => findings.some((f) => f.severity === s));
    const headings = [...section.matchAll(/<section class="findings sev-(\w+)">\n<h3>[^（]+（(\d+) 条）<\/h3>/g)].map((m) => [m[1], Number(m[2])]);
    expect(headings).toEqual(order.map((s) => [s, findings.filter((f) => f.severity === s).length]));
    for (const f of findings) {
      expect(section).toContain(escapeHtml(f.message));
      expect(section).toContain(`<code>${f.ruleId}</code>：${describeRule(f.ruleId)?.description}`);
    }
  });
});

describe('the site header', () => {
  it('marks the link of the section a page belongs to as the current page, and no other', async () => {
    const opened = await post(open, '/api/cases', { itemId: baomiItem }, TOKEN);
    expect(opened.status).toBe(201);
    const caseId = ((await opened.json()) as { summary: { id: string } }).summary.id;
    const [a, b] = (await store.listLists()).map((l) => l.id);
    const current = (html: string) => {
      const nav = /<nav class="site-nav" aria-label="栏目">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
      return [...nav.matchAll(/<a href="([^"]*)"( aria-current="page")?>([^<]*)<\/a>/g)].filter((m) => m[2]).map((m) => `${m[3]} ${m[1]}`);
    };
    const sections: [string, string[]][] = [
      ['/compare', ['清单比对 /compare']],
      [`/compare?lists=${a}&lists=${b}`, ['清单比对 /compare']],
      ['/cases', ['办件 /cases']],
      [`/cases/${caseId}`, ['办件 /cases']],
      ['/supervision', ['督办 /supervision']],
      ['/', []],
      [`/items/${baomiItem}`, []],
      [`/lists/${a}/versions`, []],
    ];
    for (const [path, marked] of sections) expect(current(await page(open, path)), path).toEqual(marked);
  });
});
