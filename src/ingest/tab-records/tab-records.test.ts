import { describe, expect, it } from 'vitest';
import { sampleInput, sampleText } from '../../../test/helpers/samples.js';
import type { ReadResult } from '../record.js';
import { tabRecordsReader } from './index.js';

const read = (name: 'mima' | 'baomi') => tabRecordsReader.read(sampleInput(name), {}) as ReadResult;
const cell = (result: ReadResult, record: number, header: string) =>
  result.records[record]?.cells.find((c) => c.header === header)?.raw;

describe('tab-records reader on 自治区密码管理局 (000)', () => {
  const result = read('mima');

  it('finds the 19 items a reader of the table counts', () => {
    expect(result.records).toHaveLength(19);
  });

  it('numbers unnumbered rows from the gaps: 3, (4), (5), 6', () => {
    const seqs = result.records.map((r) => cell(result, r.record, '序号') ?? `(${r.impliedSeq})`);
    expect(seqs).toEqual(['1', '2', '3', '(4)', '(5)', '6', '(7)', '8', '9', '(10)', '11', '(12)', '(13)', '(14)', '(15)', '(16)', '17', '(18)', '(19)']);
    expect(result.findings.filter((f) => f.messageId === 'implied-seq-gap')).toEqual([]);
  });

  it('reads every column of item 1 as the file has it', () => {
    const text = sampleText('mima');
    expect(cell(result, 0, '权力类型')).toBe('行政处罚');
    expect(cell(result, 0, '事项名称')).toBe('对电子认证服务机构违反法律、行政法规和电子认证服务密码使用技术规范、规则使用密码的处罚');
    expect(cell(result, 0, '子项')).toBe('');
    expect(cell(result, 0, '实施主体')).toBe('自治区密码管理局');
    expect(cell(result, 0, '承办机构')).toBe('商用密码管理处');
    expect(cell(result, 0, '实施依据')).toMatch(/^【行政法规】《商用密码管理条例》（国务院令第760号修订）第五十四条 电子认证服务机构/);
    expect(cell(result, 0, '责任事项')?.split('\n')).toHaveLength(9);
    expect(cell(result, 0, '免责情形')).toBe('法律法规规定的免责情形及自治区党委、自治区人民政府有关文件中明确的免责情形。');
    expect(cell(result, 0, '备注')).toBe('');
    expect(result.records[0]).toMatchObject({ firstLine: 1, lastLine: 56 });
    // every raw cell is a verbatim piece of the file
    for (const c of result.records[0]?.cells ?? []) expect(text.includes(c.raw)).toBe(true);
  });

  it('gives every row of a group the 备注 merged across it (items 6 and 7)', () => {
    const remark = '市场监管部门会同密码管理部门对商用密码检测、认证机构';
    expect(cell(result, 5, '备注')).toMatch(new RegExp(`^${remark}`));
    expect(cell(result, 6, '备注')).toBe(cell(result, 5, '备注'));
    expect(result.records[5]?.shared).toEqual(['备注']);
    expect(result.records[6]?.shared).toBeUndefined();
    expect(cell(result, 3, '备注')).toBeUndefined();
  });

  it('reads the last item although the file ends without its 备注', () => {
    const last = result.records[18];
    expect(cell(result, 18, '权力类型')).toBe('其他行政权力');
    expect(cell(result, 18, '事项名称')).toBe('对商用密码领域违法行为举报的核实、处理');
    expect(last?.lastLine).toBe(1102);
  });
});

describe('tab-records reader on 自治区国家保密局 (001)', () => {
  const result = read('baomi');

  it('finds 13 items', () => {
    expect(result.records).toHaveLength(13);
    expect(result.records.map((r) => cell(result, r.record, '序号') ?? r.impliedSeq)).toEqual(['1', '2', '3', 4, '5', '6', '7', 8, 9, 10, 11, 12, 13]);
  });

  it('keeps the item with an empty 承办机构', () => {
    expect(cell(result, 12, '事项名称')).toBe('要求互联网及其他公共信息网络运营商、服务商删除涉及泄露国家秘密的信息');
    expect(cell(result, 12, '承办机构')).toBe('');
  });

  it('reports the last record missing its trailing cells, naming the line', () => {
    const missing = result.findings.filter((f) => f.messageId === 'missing-cells');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.place).toMatchObject({ record: 12, line: 372 });
    expect(missing[0]?.message).toContain('免责情形');
  });
});

describe('tab-records detection', () => {
  it('claims the headerless samples and not the others', () => {
    expect(tabRecordsReader.detect(sampleInput('mima'))).toBeGreaterThan(0.5);
    expect(tabRecordsReader.detect(sampleInput('baomi'))).toBeGreaterThan(0.5);
    for (const other of ['flowchart', 'liuzhou', 'liangzhou'] as const) expect(tabRecordsReader.detect(sampleInput(other))).toBe(0);
  });
});
