import { describe, expect, it } from 'vitest';
import { applyMerges, colSpanAt, isVerticallyMerged, joinWrapped, placeSpans, slotText } from './blocks.js';

describe('placeSpans', () => {
  it('lays cells out as browsers do: a rowspan reserves the columns below it', () => {
    const rows = placeSpans([
      [{ text: 'a', rowSpan: 2 }, { text: 'b', colSpan: 2 }],
      [{ text: 'c' }, { text: 'd' }],
      [{ text: 'e' }],
    ]);
    expect(rows.map((row) => row.map((s) => s.text))).toEqual([
      ['a', 'b', ''],
      ['', 'c', 'd'],
      ['e', '', ''],
    ]);
    expect(rows[0]?.[0]?.span).toEqual({ rows: 2, cols: 1 });
    expect(rows[1]?.[0]?.coveredBy).toEqual({ up: 1, left: 0 });
    expect(rows[0]?.[2]?.coveredBy).toEqual({ up: 0, left: 1 });
  });

  it('clips a rowspan that runs past the table and ignores nonsense spans', () => {
    const rows = placeSpans([[{ text: 'a', rowSpan: 9 }, { text: 'b', colSpan: 0 }], [{ text: 'c' }]]);
    expect(rows.map((row) => row.map((s) => s.text))).toEqual([
      ['a', 'b'],
      ['', 'c'],
    ]);
    expect(rows[0]?.[0]?.span).toEqual({ rows: 2, cols: 1 });
  });
});

describe('applyMerges and what a row reads', () => {
  const rows = applyMerges(
    [
      ['1', '许可', '初审', '备注'],
      ['', '', '复审', ''],
      ['标题'],
    ],
    [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 2, left: 0, bottom: 2, right: 3 },
    ],
  );

  it('repeats a vertically merged text in each row and marks it', () => {
    expect([0, 1, 2, 3].map((c) => slotText(rows, 1, c))).toEqual(['1', '许可', '复审', '']);
    expect([0, 1, 2].map((c) => isVerticallyMerged(rows, 1, c))).toEqual([true, true, false]);
    expect(isVerticallyMerged(rows, 0, 0)).toBe(true);
  });

  it('keeps a horizontally merged text in its first column only', () => {
    expect([0, 1, 2, 3].map((c) => slotText(rows, 2, c))).toEqual(['标题', '', '', '']);
    expect(colSpanAt(rows, 2, 0)).toBe(4);
    expect(colSpanAt(rows, 2, 1)).toBe(0);
  });
});

describe('joinWrapped', () => {
  it.each([
    ['a wrapped Chinese line joins directly', '《中华人民共和国行', '政处罚法》', true, '《中华人民共和国行政处罚法》'],
    ['an ended line keeps its break', '第一条。', '第二条', false, '第一条。\n第二条'],
    ['a sentence ending at the edge before the next entry was ended', '……予以处理。', '2.同1。', true, '……予以处理。\n2.同1。'],
    ['a colon before the first entry too', '应承担相应责任：', '1.无法定依据的', true, '应承担相应责任：\n1.无法定依据的'],
    ['a Latin word wrapped at a space gets it back', '上述材料的 PDF', 'format', true, '上述材料的 PDF format'],
    ['a Latin word cut inside (alone on its line) does not', '11620602MB198079', '204620246001000', true, '11620602MB198079204620246001000'],
    ['nothing before', '', '续', true, '续'],
  ])('%s', (_, before, after, wrapped, joined) => {
    expect(joinWrapped(before, after, wrapped)).toBe(joined);
  });
});
