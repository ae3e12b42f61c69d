import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRule, SEVERITY_LABELS } from '../../src/audit/index.js';
import type { Finding } from '../../src/model/index.js';
import { ListFindings, Problem } from '../../src/server/api/responses.js';
import type { ListFindings as ListFindingsAnswer } from '../../src/server/findings-queries.js';
import { escapeHtml } from '../../src/html/index.js';
import type { Store } from '../../src/store/index.js';
import type { CaseStore } from '../../src/workflow/index.js';
import { sampleApp, siteApp } from './helpers.js';

let app: Hono;
let store: Store;
let cases: CaseStore;

beforeAll(async () => {
  ({ app, store, cases } = await siteApp());
});

afterAll(async () => {
  await cases.disconnect();
  await store.close();
});

/** What identifies a finding, whatever the answer adds to it. */
const key = (f: Finding) => JSON.stringify([f.ruleId, f.messageId, f.severity, f.message, f.place]);

async function findings(path: string): Promise<ListFindingsAnswer> {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return ListFindings.parse(await res.json());
}

describe('GET /api/lists/:id/findings', () => {
  it('answers every stored finding of the latest version once, counted by severity and rule, items as their pages show them', async () => {
    for (const list of await store.listLists()) {
      const report = await findings(`/api/lists/${list.id}/findings`);
      const stored = await store.getFindings({ versionId: list.latestVersionId });
      expect(report).toMatchObject({ listId: list.id, versionId: list.latestVersionId, versionNo: list.versionNo, audited: true, total: stored.length });
      const answered = [...report.list, ...report.items.flatMap((i) => i.findings)];
      expect(answered.map(key).sort()).toEqual(stored.map(key).sort());
      expect(report.counts.error + report.counts.warning + report.counts.info).toBe(stored.length);
      expect(report.rules.reduce((n, r) => n + r.count, 0)).toBe(stored.length);
      for (const rule of report.rules) expect(rule.description).toBe(describeRule(rule.ruleId)?.description ?? null);
      for (const item of report.items) {
        // The same findings the item's own page lists.
        expect(item.findings.map(key).sort(), `${list.sourceFile} ${item.label}`).toEqual((await store.getFindings({ itemId: item.itemId })).map(key).sort());
      }
    }
  });

  it('filters by severity and by origin', async () => {
    const list = (await store.listLists()).find((l) => l.sourceFile.startsWith('003'));
    const all = await findings(`/api/lists/${list?.id}/findings`);
    for (const severity of ['error', 'warning', 'info'] as const) {
      const only = await findings(`/api/lists/${list?.id}/findings?severity=${severity}`);
      expect(only.total).toBe(all.counts[severity]);
      expect([...only.list, ...only.items.flatMap((i) => i.findings)].every((f) => f.severity === severity)).toBe(true);
    }
    const audit = await findings(`/api/lists/${list?.id}/findings?origin=audit`);
    expect(audit.total).toBe((await store.getFindings({ versionId: list?.latestVersionId, origin: 'audit' })).length);
    expect(audit.rules.every((r) => r.origin === 'audit')).toBe(true);
    expect(audit.total).toBeLessThan(all.total);
  });

  it.each([
    ['/api/lists/x/findings', 400, 'id'],
    ['/api/lists/1/findings?severity=fatal', 400, 'severity'],
    ['/api/lists/1/findings?origin=reader', 400, 'origin'],
    ['/api/lists/999999/findings', 404, undefined],
  ])('%s → %i problem+json', async (path, status, param) => {
    const res = await app.request(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = Problem.parse(await res.json());
    if (param) expect(problem['invalid-params']?.map((p) => p.name)).toEqual([param]);
  });

  it('is in the OpenAPI document with its parameters', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get: { parameters: { name: string }[]; responses: Record<string, unknown> } }>;
    };
    const op = doc.paths['/api/lists/{id}/findings']?.get;
    expect(op?.parameters.map((p) => p.name)).toEqual(['id', 'severity', 'origin']);
    expect(op?.responses).toHaveProperty('404');
  });

  it('says when a version has not been audited yet', async () => {
    const { app: fresh, store: own, imported } = await sampleApp();
    const res = await fresh.request(`/api/lists/${imported.get('liuzhou')?.outcome.listId}/findings`);
    const report = ListFindings.parse(await res.json());
    expect(report.audited).toBe(false);
    expect(report.rules.every((r) => r.origin === 'import')).toBe(true);
    const html = await (await fresh.request(`/lists/${report.listId}/report`)).text();
    expect(html).toContain('还没有核查规则保存的结果');
    await own.close();
  });
});

describe('the report page', () => {
  it('is linked from the list page and shows the counts, the rules and every item with findings, linked', async () => {
    const list = (await store.listLists()).find((l) => l.sourceFile.startsWith('001'));
    const listPage = await (await app.request(`/lists/${list?.id}`)).text();
    expect(listPage).toContain(`<a href="/lists/${list?.id}/report">核查报告</a>`);
    const res = await app.request(`/lists/${list?.id}/report`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const report = await findings(`/api/lists/${list?.id}/findings`);
    expect(report.items.length).toBeGreaterThan(0);
    expect(html).toContain(`共 ${report.total} 条发现`);
    for (const severity of ['error', 'warning', 'info'] as const) {
      if (report.counts[severity] > 0) expect(html).toContain(`<span class="chip sev-${severity}">${SEVERITY_LABELS[severity]} ${report.counts[severity]}</span>`);
    }
    for (const rule of report.rules) {
      expect(html).toContain(`<code>${rule.ruleId}</code>${rule.description ? `：${escapeHtml(rule.description)}` : ''}</span></td><td>${rule.origin === 'audit' ? '核查' : '导入'}</td><td>${rule.counts.error}</td><td>${rule.counts.warning}</td><td>${rule.counts.info}</td><td>${rule.count}</td>`);
    }
    const linked = [...html.matchAll(/<section class="report-item" id="item-(\d+)">\n<h3><a href="\/items\/(\d+)">/g)].map((m) => m[2]);
    expect(linked).toEqual(report.items.map((i) => i.itemId));
    for (const f of report.items.flatMap((i) => i.findings)) expect(html).toContain(escapeHtml(f.message));
  });

  it('answers an unknown list with a 404 page and a bad id with a 400 page', async () => {
    const missing = await app.request('/lists/999999/report');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('没有编号为“999999”的清单');
    expect((await app.request('/lists/abc/report')).status).toBe(400);
  });
});
