import { describe, expect, it } from 'vitest';
import { type Block, type SpanCell, placeSpans, plainTable } from './blocks.js';
import { readGrid } from './records.js';

const table = (rows: string[][], first = 1): Block => plainTable(rows, rows.map((_, i) => first + i));
const spans = (rows: SpanCell[][], first = 1): Block => ({ kind: 'table', rows: placeSpans(rows), lines: rows.map((_, i) => first + i) });
const cells = (result: ReturnType<typeof readGrid>) => result.records.map((r) => Object.fromEntries(r.cells.map((c) => [c.header, c.raw])));

describe('readGrid', () => {
  it('takes a lone first-column text above the header as the title', () => {
    const result = readGrid('t.csv', [table([['某局权责清单', '', ''], ['序号', '权力类型', '事项名称'], ['1', '行政处罚', '甲']])]);
    expect(result.title).toBe('某局权责清单');
    expect(cells(result)).toEqual([{ 序号: '1', 权力类型: '行政处罚', 事项名称: '甲' }]);
    expect(result.records[0]).toMatchObject({ firstLine: 3, lastLine: 3 });
  });

  it('composes a two-row header written without merges (CSV): blank cells continue the one to their left', () => {
    const result = readGrid('t.csv', [
      table([
        ['序号', '事项名称', '权力类型', '责任事项', '', '追责', ''],
        ['', '', '', '内容', '依据', '情形', '依据'],
        ['1', '甲', '行政处罚', 'd', 'b', 's', 'a'],
      ]),
    ]);
    expect(result.columns.map((c) => [c.header, c.field])).toEqual([
      ['序号', 'seq'],
      ['事项名称', 'name'],
      ['权力类型', 'powerType'],
      ['责任事项内容', 'duties'],
      ['责任事项依据', 'dutyBasis'],
      ['追责情形', 'accountability'],
      ['追责依据', 'accountabilityBasis'],
    ]);
    expect(result.records).toHaveLength(1);
  });

  it('keeps an unknown two-row header as both texts', () => {
    const result = readGrid('t.csv', [
      table([
        ['序号', '事项名称', '权力类型', '办理时限', ''],
        ['', '', '', '窗口', '网上'],
        ['1', '甲', '行政许可', '5日', '3日'],
      ]),
    ]);
    expect(result.columns.slice(3)).toEqual([
      { header: '办理时限/窗口', field: null },
      { header: '办理时限/网上', field: null },
    ]);
  });

  it('skips a header repeated on the next page and joins a row the page break cut', () => {
    const header = ['序号', '权力类型', '事项名称', '实施依据'];
    const result = readGrid('t.pdf', [
      table([header, ['1', '行政处罚', '甲', '《某法》第一条'], ['2', '行政处罚', '乙', '《某法》第二条前半']], 1),
      table([header, ['', '', '', '后半'], ['3', '行政检查', '丙', '《某法》第三条']], 4),
    ]);
    expect(cells(result).map((c) => c.实施依据)).toEqual(['《某法》第一条', '《某法》第二条前半\n后半', '《某法》第三条']);
    expect(result.records[1]).toMatchObject({ firstLine: 3, lastLine: 5 });
    expect(result.findings.map((f) => f.messageId)).toEqual(['continued-row']);
  });

  it('continues the list in a later table without a header only when that table is about as wide', () => {
    const header = ['序号', '权力类型', '事项名称', '实施依据', '备注'];
    const result = readGrid('page.html', [
      table([header, ['1', '行政处罚', '甲', '《某法》第一条', '']], 1),
      // The next page's table, its empty 备注 column dropped: still the list.
      table([['2', '行政检查', '乙', '《某法》第二条']], 3),
      // The page's footer, laid out as a table: not an item.
      table([['主办单位：某某局', '网站标识码：1234']], 5),
      // A list table further down, with its own header, is read again.
      table([header.slice(0, 3), ['3', '行政许可', '丙']], 7),
    ]);
    expect(cells(result).map((c) => c.序号)).toEqual(['1', '2', '3']);
    expect(result.residue.map((r) => [r.text, r.firstLine])).toContainEqual(['主办单位：某某局  网站标识码：1234', 5]);
  });

  it('marks cells merged over several rows as shared and numbers unnumbered rows', () => {
    const result = readGrid('t.html', [
      spans([
        [{ text: '序号' }, { text: '权力类型' }, { text: '事项名称' }, { text: '子项' }],
        [{ text: '1', rowSpan: 2 }, { text: '行政许可', rowSpan: 2 }, { text: '许可', rowSpan: 2 }, { text: '初审' }],
        [{ text: '复审' }],
        [{ text: '' }, { text: '行政处罚' }, { text: '处罚' }, { text: '' }],
      ]),
    ]);
    expect(result.records.map((r) => [r.shared, r.impliedSeq])).toEqual([
      [['序号', '权力类型', '事项名称'], undefined],
      [['序号', '权力类型', '事项名称'], undefined],
      [undefined, 2],
    ]);
  });

  it('turns a merged row inside the table into residue, not an item', () => {
    const result = readGrid('t.html', [
      spans([
        [{ text: '序号' }, { text: '权力类型' }, { text: '事项名称' }],
        [{ text: '一、行政许可', colSpan: 3 }],
        [{ text: '1' }, { text: '行政许可' }, { text: '许可' }],
      ]),
    ]);
    expect(result.records).toHaveLength(1);
    expect(result.residue).toEqual([{ text: '一、行政许可', firstLine: 2, lastLine: 2, reason: '表格之外的文字' }]);
  });

  it('keeps a lone number in the first column as a row', () => {
    const result = readGrid('t.csv', [table([['序号', '权力类型', '事项名称'], ['7', '', '']])]);
    expect(cells(result)).toEqual([{ 序号: '7', 权力类型: '', 事项名称: '' }]);
  });

  it('throws a Chinese error naming the file when there is no header', () => {
    expect(() => readGrid('无表头.csv', [table([['a', 'b'], ['1', '2']])])).toThrow(/^无表头\.csv：未找到表头行/);
  });
});
