import { describe, expect, it } from 'vitest';
import { sampleInput } from '../../../test/helpers/samples.js';
import { ImportError } from '../errors.js';
import type { ReadResult } from '../record.js';
import { headerTsvReader } from './index.js';

describe('header-tsv reader on 柳州市国家保密局 (003)', () => {
  const result = headerTsvReader.read(sampleInput('liuzhou'), {}) as ReadResult;
  const cell = (record: number, header: string) => result.records[record]?.cells.find((c) => c.header === header)?.raw;

  it('reads 7 records under the repeated header, the title line kept', () => {
    expect(result.records).toHaveLength(7);
    expect(result.title).toBe('柳州市国家保密局权责清单');
    expect(result.residue).toEqual([{ text: '柳州市国家保密局权责清单', firstLine: 3, lastLine: 3, reason: '标题' }]);
  });

  it('maps 权力分类 and 项目名称 to their canonical fields; no 实施主体 column', () => {
    const fields = Object.fromEntries(result.columns.map((c) => [c.header, c.field]));
    expect(fields).toEqual({
      序号: 'seq',
      权力分类: 'powerType',
      项目名称: 'name',
      子项: 'subItem',
      实施依据: 'basis',
      责任事项: 'duties',
      责任事项依据: 'dutyBasis',
      追责情形: 'accountability',
      追责依据: 'accountabilityBasis',
      备注: 'remark',
    });
  });

  it('keeps record 2 exactly, <p> markup included in the raw cell', () => {
    expect(result.records[1]).toMatchObject({ record: 1, firstLine: 9, lastLine: 9 });
    expect(cell(1, '序号')).toBe('2');
    expect(cell(1, '权力分类')).toBe('行政强制');
    expect(cell(1, '项目名称')).toBe('对利用互联网及其他公共信息网络发布涉及泄露国家秘密的信息的行政强制');
    expect(cell(1, '实施依据')).toMatch(/^<p>【法律】《中华人民共和国保守国家秘密法》（2010年4月29日中华人民共和国主席令第二十八号公布/);
    expect(cell(1, '备注')).toBe('');
  });
});

describe('header-tsv reader on a header no record follows', () => {
  const { text } = sampleInput('liuzhou');
  const header = text.split('\n')[4] as string;

  it('keeps a header repeated twice as text, at its line and in line order, and reads on', () => {
    // Record 2's header appears twice: the first of the two heads no record.
    const twice = text.replace(`\n${header}\n2\t`, `\n${header}\n离题的一行\n${header}\n2\t`);
    const result = headerTsvReader.read({ file: '003.txt', bytes: new Uint8Array(), text: twice }, {}) as ReadResult;
    expect(result.records.map((r) => r.firstLine)).toEqual([6, 11, 14, 17, 20, 23, 26]);
    expect(result.residue.slice(1)).toEqual([
      { text: header, firstLine: 8, lastLine: 8, reason: '没有数据行的表头' },
      { text: '离题的一行', firstLine: 9, lastLine: 9, reason: '表格之外的文字' },
    ]);
    expect(result.findings.map((f) => [f.messageId, f.severity, f.place.line])).toEqual([
      ['header-without-rows', 'info', 8],
      ['stray-line', 'info', 9],
    ]);
  });

  it('reads a piece of a file holding only a header as text when told it is partial, else refuses it', () => {
    const input = { file: '003.txt', bytes: new Uint8Array(), text: `${header}\n\n` };
    expect(() => headerTsvReader.read(input, {})).toThrow(/^003\.txt：表头之后没有任何数据行$/);
    const result = headerTsvReader.read(input, { partial: true }) as ReadResult;
    expect(result.records).toEqual([]);
    expect(result.residue).toEqual([{ text: header, firstLine: 1, lastLine: 1, reason: '没有数据行的表头' }]);
  });
});

describe('header-tsv reader on bad input', () => {
  it('names the file when there is no header row', () => {
    const input = { file: 'x.tsv', bytes: new Uint8Array(), text: 'a\tb\tc\n1\t2\t3\n' };
    expect(() => headerTsvReader.read(input, {})).toThrow(ImportError);
    expect(() => headerTsvReader.read(input, {})).toThrow(/x\.tsv.*表头/);
  });

  it('reports a short row and keeps its cells', () => {
    const text = '序号\t权力类型\t事项名称\t实施依据\n1\t行政处罚\t对某某的处罚\n';
    const result = headerTsvReader.read({ file: 'short.tsv', bytes: new Uint8Array(), text }, {}) as ReadResult;
    expect(result.records[0]?.cells.map((c) => c.raw)).toEqual(['1', '行政处罚', '对某某的处罚']);
    expect(result.findings[0]).toMatchObject({ messageId: 'row-shape', place: { file: 'short.tsv', line: 2, record: 0 } });
  });

  it('applies --map corrections and keeps unknown columns by header', () => {
    const text = '序号\t权力类型\t事项名称\t奇怪的列\n1\t行政处罚\t对某某的处罚\t内容\n';
    const result = headerTsvReader.read({ file: 'm.tsv', bytes: new Uint8Array(), text }, { map: { 奇怪的列: 'remark' } }) as ReadResult;
    expect(result.columns.at(-1)).toEqual({ header: '奇怪的列', field: 'remark' });
    const plain = headerTsvReader.read({ file: 'm.tsv', bytes: new Uint8Array(), text }, {}) as ReadResult;
    expect(plain.columns.at(-1)).toEqual({ header: '奇怪的列', field: null });
  });
});
