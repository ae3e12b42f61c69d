import { describe, expect, it } from 'vitest';
import { applyMerges, colSpanAt, isVerticallyMerged, placeSpans, slotText } from './grid.js';

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
