import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, type SampleName, samplePath } from '../../test/helpers/samples.js';
import { importBytes, importFile } from '../ingest/index.js';
import { type LawLibrary, openLawLibrary } from '../law/index.js';
import type { Place } from '../model/index.js';
import { planRules } from './config.js';
import { defineRule } from './rule.js';
import { RULES } from './rules/index.js';
import { auditList, checkList, checkListPaced, RULE_FAILURE } from './runner.js';
import { list, testLibrary } from './testing/index.js';

let library: LawLibrary;
beforeAll(async () => {
  library = await testLibrary();
});

const today = '2026-11-23';

describe('auditList', () => {
  it('finds nothing in a correct list', () => {
    expect(auditList(list([{}, { 序号: '2', 事项名称: '对商用密码检测机构违法开展商用密码检测的处罚' }]), { library, today })).toEqual([]);
  });

  it('keeps running when a rule throws, and says which rule failed', () => {
    const broken = defineRule({ id: 'broken', meta: { type: 'problem', severity: 'error', docs: { description: '测试' }, messages: { x: '测试' } }, check: () => { throw new Error('坏了'); } });
    const plan = [...planRules(RULES), { rule: broken, severity: 'error' as const, options: undefined }];
    const findings = auditList(list([{ 事项名称: '' }]), { library, today, plan });
    expect(findings.map((f) => f.ruleId).sort()).toEqual([RULE_FAILURE, 'required-fields']);
    expect(findings.find((f) => f.ruleId === RULE_FAILURE)?.message).toContain('broken');
  });

  it('lowers a report resting on an unverified fact one level and says so', () => {
    const rule = defineRule<undefined, 'x'>({
      id: 'unverified',
      meta: { type: 'problem', severity: 'error', docs: { description: '测试' }, messages: { x: '测试{n}' } },
      check: (ctx) => ctx.report({ messageId: 'x', data: { n: 1 }, unverified: true }),
    });
    const [f] = auditList(list([{}]), { library, today, plan: [{ rule, severity: 'error', options: undefined }] });
    expect(f).toMatchObject({ severity: 'warning', message: '测试1（法规库中相关事实未经核实，仅供参考）', data: { n: 1, verified: false } });
  });

  it('places item findings by record, item label, field header and line', () => {
    const [f] = auditList(list([{}, { 序号: '', 事项名称: '对商用密码检测机构违法开展商用密码检测的处罚', 承办机构: '' }]), { library, today });
    expect(f?.place).toEqual({ file: 'test.txt', record: 1, item: '#2', line: 11, field: '承办机构' });
  });
});

describe('a workbook of two sheets, each numbering its rows from 1', () => {
  it('every finding that points at a row names the row’s sheet, as does the place it relates to', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, type] of [
      ['许可', '行政许可'],
      ['处罚', '行政处罚'],
    ] as const) {
      const ws = wb.addWorksheet(name);
      ws.addRow(['序号', '权力类型', '事项名称', '实施依据', '责任事项']);
      ws.addRow([1, type, `${type}甲`, '《某某条例》第一条', '']);
      ws.addRow(['以下为第二批事项']);
      ws.addRow([2, '其他', `${type}甲`, '', '']);
    }
    const list = await importBytes('两表.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const { findings } = checkList(list, { library, today });
    const places = findings.flatMap((f) => [f.place, ...(f.cause ? [f.cause] : [])]).filter((p: Place) => p.line !== undefined);
    expect(places.filter((p) => p.sheet === '许可').length).toBeGreaterThan(3);
    expect(places.filter((p) => p.sheet === '处罚').length).toBeGreaterThan(3);
    expect(places.filter((p) => p.sheet === undefined)).toEqual([]);
    for (const p of places) if (p.record !== undefined) expect(p.sheet).toBe(list.items[p.record]?.provenance.sheet);
    // In file order: every finding of the first sheet before any of the second, lines rising within each.
    const order = findings.map((f) => [f.place.sheet === '许可' ? 0 : 1, f.place.line ?? 0] as const);
    expect(order.filter(([sheet]) => sheet === 0).length).toBeGreaterThan(1);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });
});

describe('findings of a PDF, whose lines count on across its pages', () => {
  it('come in line order whether or not they name a page', () => {
    const base = list([{}, { 序号: '2', 事项名称: '对商用密码检测机构违法开展商用密码检测的处罚' }]);
    const paged = { ...base, items: base.items.map((item, i) => ({ ...item, provenance: { ...item.provenance, page: i + 1 } })) };
    const after = Math.max(...paged.items.map((item) => item.provenance.lastLine)) + 1;
    // As abolished-power reports a flowchart after the table: a line, no item, so no page.
    const rule = defineRule<undefined, 'x'>({
      id: 'paged',
      meta: { type: 'problem', severity: 'warning', docs: { description: '测试' }, messages: { x: '测试' } },
      check: (ctx) => {
        ctx.report({ messageId: 'x', line: after });
        for (const item of ctx.list.items) ctx.report({ messageId: 'x', item });
      },
    });
    const findings = auditList(paged, { library, today, plan: [{ rule, severity: 'warning', options: undefined }] });
    expect(findings.map((f) => [f.place.page, f.place.line])).toEqual([
      [1, paged.items[0]?.provenance.firstLine],
      [2, paged.items[1]?.provenance.firstLine],
      [undefined, after],
    ]);
  });
});

describe('checkList', () => {
  it('adds the reader\'s warnings, leaves its notes to inspect, and drops what a running rule reports better', () => {
    const base = list([{}]);
    const reader = [
      { ruleId: 'ingest/missing-cells', messageId: 'm', severity: 'warning' as const, message: '缺单元格', data: {}, place: { line: 1 } },
      { ruleId: 'parse/html-in-cell', messageId: 'h', severity: 'info' as const, message: 'HTML', data: {}, place: { line: 1 } },
      { ruleId: 'parse/truncated-cell', messageId: 't', severity: 'warning' as const, message: '截断', data: {}, place: { line: 1 } },
    ];
    const result = checkList({ ...base, findings: reader }, { library, today });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['ingest/missing-cells']);
    const without = checkList({ ...base, findings: reader }, { library, today, plan: planRules(RULES, { rules: { 'cell-integrity': 'off' } }) });
    expect(without.findings.map((f) => f.ruleId)).toEqual(['ingest/missing-cells', 'parse/truncated-cell']);
    expect(result.items).toEqual([{ record: 0, label: '1', name: '对关键信息基础设施运营者未按要求使用商用密码的处罚' }]);
  });
});

describe('checkListPaced', () => {
  it('finds what checkList finds, in the same order, in every sample and with a rule that throws', async () => {
    const real = await openLawLibrary();
    const broken = defineRule({ id: 'broken', meta: { type: 'problem', severity: 'error', docs: { description: '测试' }, messages: { x: '测试' } }, check: () => { throw new Error('坏了'); } });
    const plans = [undefined, [...planRules(RULES), { rule: broken, severity: 'error' as const, options: undefined }]];
    for (const name of Object.keys(SAMPLES) as SampleName[]) {
      const sample = await importFile(samplePath(name));
      for (const plan of plans) {
        const options = { library: real, today, ...(plan ? { plan } : {}) };
        const paced = await checkListPaced(sample, options);
        expect(paced.findings.length, name).toBeGreaterThan(0);
        expect(paced, name).toEqual(checkList(sample, options));
      }
    }
  });
});
