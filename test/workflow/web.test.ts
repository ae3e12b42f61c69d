import { createHash } from 'node:crypto';
import { BpmnModdle } from 'bpmn-moddle';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { html, SafeHtml } from '../../src/html/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { type CaseStore, openCaseStore } from '../../src/workflow/cases/index.js';
import { ProcessDefinition } from '../../src/workflow/process/index.js';
import { itemProcessSvg, workflowApp } from '../../src/workflow/web/index.js';
import { BAOMI, movableClock, sample, testCalendar } from './helpers.js';

const clock = movableClock('2025-01-02');
let cases: CaseStore;
let lists: Store;
let app: ReturnType<typeof workflowApp>;

beforeAll(async () => {
  cases = await openCaseStore(':memory:', { calendar: await testCalendar(), clock });
  lists = await openStore(':memory:');
  await lists.migrate();
  await lists.importList(await sample(BAOMI));
  app = workflowApp({ cases, lists });
});
afterAll(async () => {
  await cases?.disconnect();
  await lists?.close();
});

const post = (path: string, body: unknown) => app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
const text = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

describe('the workflow API', () => {
  let id = '';
  it('opens a case for a stored item, deriving and saving its process first', async () => {
    const res = await post('/api/cases', { itemId: '1' });
    expect(res.status).toBe(201);
    const view = (await res.json()) as { summary: { id: string; statutoryDue: string; currentStepName: string }; snapshot: { name: string; situations: unknown[] } };
    id = view.summary.id;
    // 行政许可法第四十二条: twenty working days from 2025-01-02, across the Spring Festival (01-28..02-04 off, 01-26 worked).
    expect(view.summary).toMatchObject({ statutoryDue: '2025-02-06', currentStepName: '受理' });
    expect(view.snapshot.name).toBe('国家秘密载体制作、复制、维修、销毁资质认定');
    expect(view.snapshot.situations.length).toBe(6);
  });

  it('advances, lists and shows a case with its events', async () => {
    clock.set('2025-01-03');
    expect((await post(`/api/cases/${id}/advance`, {})).status).toBe(200);
    const res = await app.request(`/api/cases/${id}`);
    const body = (await res.json()) as { summary: { currentStepName: string }; events: { kind: string; data: { on: string } }[] };
    expect(body.summary.currentStepName).toBe('审查');
    expect(body.events.map((e) => e.kind)).toEqual(['opened', 'advanced']);
    const list = (await (await app.request('/api/cases?filter=overdue&today=2025-02-07')).json()) as { items: { id: string }[] };
    expect(list.items.map((c) => c.id)).toEqual([id]);
  });

  it('gives a limit the list did not state, on the process and case pages, as the law’s period and why', async () => {
    // The 001 licence states no 法定时限: 行政许可法第四十二条's twenty days, counted in working days. The process page said "20", no unit.
    const given = '20个工作日，清单未载明法定时限，按中华人民共和国行政许可法第四十二条的期限';
    expect(await text('/processes/P1')).toContain(`<dt>法定时限</dt><dd>${given}`);
    expect(await text(`/cases/${id}`)).toContain(`（${given}`);
  });

  it('answers bad input with problem+json naming the parameter', async () => {
    const res = await post(`/api/cases/${id}/extend`, { amount: -3 });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { type: string; 'invalid-params': { name: string }[] };
    expect(problem.type).toBe('urn:quanze:problem:invalid-parameters');
    expect(problem['invalid-params'].map((p) => p.name)).toEqual(['amount']);
    expect((await post('/api/cases', { itemId: '1', processId: 'P1' })).status).toBe(400);
    // A malformed item id is bad input, not a missing item: the list API's id rule.
    for (const itemId of ['abc', '0', '01', '-1', '1.5', ' 1', '1234567890123456', 7]) {
      const bad = await post('/api/cases', { itemId });
      expect(bad.status, String(itemId)).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      expect(((await bad.json()) as { 'invalid-params': { name: string }[] })['invalid-params'].map((p) => p.name)).toEqual(['itemId']);
    }
    expect((await app.request('/api/cases?filter=late')).status).toBe(400);
    expect((await post(`/api/cases/${id}/advance`, 'not json')).status).toBe(400);
  });

  it('404 for unknown cases and items, 409 for an action the case’s state forbids', async () => {
    expect((await app.request('/api/cases/2025-99999')).status).toBe(404);
    expect((await post('/api/cases', { itemId: '999' })).status).toBe(404);
    expect((await post(`/api/cases/${id}/resume`, {})).status).toBe(409);
  });

  it('attaches a document sent as base64, hashing it', async () => {
    const res = await post(`/api/cases/${id}/documents`, { name: '书面审查意见', contentBase64: Buffer.from('审查意见').toString('base64'), fileName: 'yj.txt' });
    const view = (await res.json()) as { state: { documents: { sha256: string; bytes: number; named: boolean }[] } };
    expect(view.state.documents[0]).toMatchObject({ bytes: 12, named: false, sha256: createHash('sha256').update('审查意见').digest('hex') });
  });

  it('serves the process as JSON, BPMN 2.0 that bpmn-moddle reads back, and SVG', async () => {
    const stored = (await (await app.request('/api/processes/P1')).json()) as { definition: { steps: { id: string }[] } };
    expect(stored.definition.steps.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    const bpmn = await app.request('/api/processes/P1/bpmn');
    expect(bpmn.headers.get('content-type')).toContain('application/xml');
    const parsed = await BpmnModdle().fromXML(await bpmn.text());
    expect(parsed.warnings).toEqual([]);
    const svg = await app.request('/api/processes/P1/svg');
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('edits a definition through validated JSON: a bad edit is refused with its reasons, a good one is a new version', async () => {
    const { definition } = (await (await app.request('/api/processes/P1')).json()) as { definition: Record<string, unknown> & { flows: unknown[] } };
    const bad = await app.request('/api/processes/P1', { method: 'PUT', body: JSON.stringify({ ...definition, flows: [] }) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('无法到达');
    const good = await app.request('/api/processes/P1', { method: 'PUT', body: JSON.stringify({ ...definition, name: '资质认定（修订）' }) });
    expect(((await good.json()) as { status: string; process: { version: number } }).process.version).toBe(2);
  });

  it('validates a saved definition once, at the API, and the store trusts it', async () => {
    const { definition } = (await (await app.request('/api/processes/P1')).json()) as { definition: Record<string, unknown> };
    const parse = vi.spyOn(ProcessDefinition, 'safeParse');
    try {
      for (const [name, status, version] of [
        ['资质认定（第三版）', 'new-version', 3],
        ['资质认定（第三版）', 'unchanged', 3],
      ] as const) {
        parse.mockClear();
        const res = await app.request('/api/processes/P1', { method: 'PUT', body: JSON.stringify({ ...definition, name }) });
        expect(await res.json()).toMatchObject({ status, process: { version, definition: { name } } });
        expect(parse, status).toHaveBeenCalledTimes(1);
      }
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses changes when authorize says no', async () => {
    const closed = workflowApp({ cases, authorize: () => false });
    const res = await closed.request(`/api/cases/${id}/advance`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(403);
    expect((await closed.request('/api/cases')).status).toBe(200);
  });

  it('verifies the log', async () => {
    expect(await (await app.request('/api/audit/verify')).json()).toMatchObject({ ok: true, mismatches: [] });
  });
});

describe('the workflow pages', () => {
  it('supervision links an overdue case to its duty step and the applicable 追责情形, with the on-time chart', async () => {
    clock.set('2025-02-10');
    const page = await text('/supervision');
    expect(page).toContain('案件监督');
    expect(page).toContain('href="/items/1#step-2"');
    // Late at 审查: the 受理 situation (1.) names another step; "3." on procedure applies.
    expect(page).toContain('不按照法定条件或者违反法定程序审核、审批');
    expect(page).not.toContain('对符合条件的申请不予受理或不在法定期限内受理的');
    expect(page).toContain('href="/items/1#accountability"');
    expect(page).toContain('按期办结率');
    expect(page).toMatch(/<svg[^>]*aria-labelledby="ontime-title"/);
  });

  it('the case page shows deadlines, steps, the flowchart and the event chain', async () => {
    const page = await text('/cases/2025-00001');
    expect(page).toContain('2025-02-06');
    expect(page).toContain('<svg');
    expect(page).toContain('SM3');
    expect(page).toContain('适用的追责情形');
  });

  it('its own header, without a host shell, marks the section of the page', async () => {
    const marked = async (path: string) => [...(await text(path)).matchAll(/<a href="([^"]*)" aria-current="page">/g)].map((m) => m[1]);
    expect(await marked('/cases')).toEqual(['/cases']);
    expect(await marked('/cases/2025-00001')).toEqual(['/cases']);
    expect(await marked('/supervision')).toEqual(['/supervision']);
  });

  it('the list filters by department and deadline with a plain GET form', async () => {
    const page = await text('/cases?filter=overdue&department=%E8%87%AA%E6%B2%BB%E5%8C%BA%E5%9B%BD%E5%AE%B6%E4%BF%9D%E5%AF%86%E5%B1%80');
    expect(page).toContain('2025-00001');
    expect(page).toContain('已超期');
    expect(await text('/assets/workflow.css')).toContain('.status');
  });

  it('escapes every piece of user-given text, in pages and in SVG, and hands a host shell the escaped body as SafeHtml', async () => {
    const evil = '<script>alert("x")</script>&';
    const saved = await post('/api/processes', {
      schemaVersion: 1,
      name: evil,
      department: evil,
      source: { kind: 'manual' },
      steps: [{ id: 'a', name: evil, text: evil, documents: [evil] }],
      flows: [],
      start: 'a',
    });
    expect(saved.status).toBe(201);
    const { process } = (await saved.json()) as { process: { id: string } };
    const opened = (await (await post('/api/cases', { processId: process.id, department: evil })).json()) as { summary: { id: string } };
    const paths = ['/cases', `/cases/${opened.summary.id}`, '/supervision', `/processes/${process.id}`];
    for (const path of paths) {
      const page = await text(path);
      expect(page, path).not.toContain('<script');
      expect(page, path).toContain('&lt;script&gt;');
    }
    const bodies: unknown[] = [];
    const hosted = workflowApp({
      cases,
      lists,
      shell: (title, body) => {
        bodies.push(body);
        return html`<!doctype html><title>${title}</title><main>${body}</main>`.value;
      },
    });
    for (const path of paths) {
      const page = await (await hosted.request(path)).text();
      expect(page, path).not.toContain('<script');
      expect(page, path).toContain('&lt;script&gt;');
    }
    expect(bodies).toHaveLength(paths.length);
    for (const body of bodies) expect(body).toBeInstanceOf(SafeHtml);
  });

  it('draws an item’s duty chain for its portal page, each box linking to the duty', async () => {
    const list = await sample(BAOMI);
    const svg = (await itemProcessSvg(list.items[0] as never)) as string;
    expect([...svg.matchAll(/href="#step-(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5]);
    const bare = { ...(list.items[0] as object), duties: undefined } as never;
    expect(await itemProcessSvg(bare)).toBeNull();
  });

  it('an unknown case is a Chinese 404 page, an unknown API path is problem+json', async () => {
    const res = await app.request('/cases/2025-12345');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('找不到请求的资源');
    const bad = await app.request('/cases/nonsense');
    expect(bad.status).toBe(400);
  });
});
