import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/index.js';
import { RULES } from '../rules/index.js';
import type { CheckResult } from '../runner.js';
import { formatJson, formatSarif, formatStylish } from './index.js';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'required-fields',
  messageId: 'missing',
  severity: 'error',
  message: '缺少实施依据',
  data: {},
  place: { file: 'a.txt', record: 0, item: '1', line: 3, field: '实施依据' },
  ...over,
});

const result: CheckResult = {
  file: 'a.txt',
  title: '某局权责清单',
  department: '某局',
  items: [
    { record: 0, label: '1', name: '对某某的处罚' },
    { record: 1, label: '2', name: '对另一事项的处罚' },
  ],
  findings: [
    finding({ place: { file: 'a.txt' }, ruleId: 'missing-basis', messageId: 'no-duty-basis-column', severity: 'warning', message: '清单没有“责任事项依据”列' }),
    finding({}),
    finding({ severity: 'info', message: '提示一下', place: { file: 'a.txt', record: 1, item: '2', line: 13 } }),
  ],
};

describe('formatStylish', () => {
  it('groups by list, then the list itself, then each item, and totals in Chinese', () => {
    expect(formatStylish([result, { ...result, file: 'b.txt', title: null, findings: [] }])).toBe(
      [
        'a.txt  某局权责清单',
        '  清单',
        '    警告  清单没有“责任事项依据”列  missing-basis',
        '  事项 1  对某某的处罚',
        '    第3行 实施依据  错误  缺少实施依据  required-fields',
        '  事项 2  对另一事项的处罚',
        '    第13行  提示  提示一下  required-fields',
        '',
        'b.txt',
        '  没有发现问题',
        '',
        '✖ 共 3 个问题（错误 1，警告 1，提示 1）',
        '',
      ].join('\n'),
    );
    expect(formatStylish([])).toBe('✔ 没有发现问题\n');
  });
});

describe('formatJson', () => {
  it('gives counts per list and the findings as data', () => {
    const [r] = JSON.parse(formatJson([result])) as Array<Record<string, unknown>>;
    expect(r).toMatchObject({ file: 'a.txt', errorCount: 1, warningCount: 1, infoCount: 1 });
    expect(r?.findings).toHaveLength(3);
  });
});

describe('formatSarif', () => {
  it('lists the rules, maps severities to SARIF levels and locates each result', () => {
    const log = JSON.parse(formatSarif([result], RULES)) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string } }> } }; results: Array<Record<string, unknown>> }>;
    };
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run?.results.map((r) => r.level)).toEqual(['warning', 'error', 'note']);
    expect(run?.results[1]).toMatchObject({
      ruleId: 'required-fields',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'a.txt' }, region: { startLine: 3 } }, logicalLocations: [{ name: '事项 1 实施依据' }] }],
    });
    expect(run?.results[1]?.locations).toEqual([expect.not.objectContaining({ properties: expect.anything() })]);
  });

  it('names the worksheet a line is counted in', () => {
    const place = { file: 'a.xlsx', sheet: '处罚', line: 4 };
    const stray = finding({ ruleId: 'ingest/stray-line', messageId: 'stray-line', message: '表格之外的文字，已保留', place });
    const log = JSON.parse(formatSarif([{ ...result, file: 'a.xlsx', findings: [stray] }])) as { runs: Array<{ results: Array<{ locations: unknown[] }> }> };
    expect(log.runs[0]?.results[0]?.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'a.xlsx' }, region: { startLine: 4 } }, properties: { sheet: '处罚' } }]);
  });
});

describe('describeRule and groupFindings (for report pages)', async () => {
  const { describeRule, groupFindings } = await import('../describe.js');
  it('describes audit rules and reader findings, and nothing else', () => {
    expect(describeRule('citation-outdated')).toMatchObject({ origin: 'audit', severity: 'error' });
    expect(describeRule('ingest/missing-cells')).toMatchObject({ origin: 'import' });
    expect(describeRule('nothing')).toBeUndefined();
  });
  it('groups findings by item in item order, the rest under the list', () => {
    const grouped = groupFindings(result);
    expect(grouped.list.map((f) => f.messageId)).toEqual(['no-duty-basis-column']);
    expect(grouped.items.map((i) => [i.label, i.findings.length])).toEqual([
      ['1', 1],
      ['2', 1],
    ]);
  });
});
