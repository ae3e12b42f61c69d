import { describe, expect, it } from 'vitest';
import { cellText, groupLines, lineText } from './lines.js';
import type { TextRun } from './load.js';
import { ruledTable, splitAtRules } from './ruled-table.js';
import { unruledTable } from './unruled-table.js';
import { pathSegments } from './segments.js';
import { findGutter, readingOrder } from './text-order.js';

const run = (text: string, x: number, y: number, size = 10, width = [...text].length * size): TextRun => ({ text, x, y, width, size });

describe('lines', () => {
  it('groups runs on one baseline and puts a space only at a visible gap', () => {
    const lines = groupLines([run('许可', 30, 20), run('项目', 10, 21), run('PDF', 100, 20, 10, 18), run('下一行', 10, 35)]);
    expect(lines.map(lineText)).toEqual(['项目许可 PDF', '下一行']);
  });

  it('joins the wrapped lines of a cell and keeps the lines its writer ended', () => {
    // Cell from x=0 to x=53 with 3pt padding: five 10pt characters fill a line.
    const runs = [run('中华人民共', 3, 10), run('和国。', 3, 22), run('第二段', 3, 34)];
    expect(cellText(runs, 0, 53)).toEqual({ text: '中华人民共和国。\n第二段', endsWrapped: false });
    expect(cellText([run('中华人民共', 3, 10)], 0, 53).endsWrapped).toBe(true);
  });
});

describe('splitAtRules', () => {
  it('cuts a run pdfjs joined across a cell border at the space it inserted', () => {
    const joined = run('1 行政许可', 31, 20, 7, 52);
    const parts = splitAtRules(joined, [28, 35, 80]);
    expect(parts.map((p) => p.text)).toEqual(['1', '行政许可']);
    expect(parts[0]?.x).toBe(31);
    expect((parts[1]?.x ?? 0) + (parts[1]?.width ?? 0)).toBeCloseTo(83);
    expect(parts[1]?.x).toBeGreaterThan(35);
  });

  it('leaves a run inside one cell alone', () => {
    expect(splitAtRules(run('事项名称', 40, 20), [28, 35, 90])).toHaveLength(1);
  });
});

describe('ruledTable', () => {
  const h = (y: number, x1: number, x2: number) => ({ x1, y1: y, x2, y2: y });
  const v = (x: number, y1: number, y2: number) => ({ x1: x, y1, x2: x, y2 });

  it('merges a cell with the one below where the rule between them is missing', () => {
    const segments = [h(0, 0, 300), h(20, 0, 300), h(40, 200, 300), h(60, 0, 300), v(0, 0, 60), v(100, 0, 60), v(200, 0, 60), v(300, 0, 60)];
    const runs = [run('序号', 5, 15), run('事项名称', 105, 15), run('子项', 205, 15), run('1', 5, 35), run('许可', 105, 35), run('初审', 205, 35), run('复审', 205, 55)];
    const table = ruledTable(runs, segments);
    expect(table?.rows.map((row) => row.map((s) => s.text))).toEqual([
      ['序号', '事项名称', '子项'],
      ['1', '许可', '初审'],
      ['', '', '复审'],
    ]);
    expect(table?.rows[2]?.[1]?.coveredBy).toEqual({ up: 1, left: 0 });
  });

  it('is null without a grid of at least two columns', () => {
    expect(ruledTable([run('文字', 5, 15)], [h(0, 0, 100), h(20, 0, 100), v(0, 0, 20)])).toBeNull();
  });
});

describe('pathSegments', () => {
  const OPS = { save: 10, restore: 11, transform: 12, stroke: 20, fill: 22, endPath: 28, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, paintImageXObject: 85 };

  it('takes rectangle edges and lines through the current transform, and skips clipping paths', () => {
    const rect = [0, 10, 10, 1, 60, 10, 1, 60, 30, 1, 10, 30, 4];
    const { segments, images } = pathSegments(
      OPS,
      [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.paintImageXObject],
      [null, [1, 0, 0, -1, 0, 100], [OPS.stroke, [rect], null], null, [OPS.endPath, [rect], null], null],
    );
    expect(segments).toEqual([
      { x1: 10, y1: 90, x2: 60, y2: 90 },
      { x1: 60, y1: 90, x2: 60, y2: 70 },
      { x1: 60, y1: 70, x2: 10, y2: 70 },
      { x1: 10, y1: 70, x2: 10, y2: 90 },
    ]);
    expect(images).toBe(1);
  });
});

describe('reading order', () => {
  const column = (x: number, lines: string[]) => lines.map((text, i) => run(text, x, 20 + i * 12, 10));

  it('reads a two-column page left column first', () => {
    const runs = [...column(20, ['左一', '左二', '左三', '左四']), ...column(320, ['右一', '右二', '右三', '右四'])];
    expect(findGutter(runs, 600)).not.toBeNull();
    expect(readingOrder(runs, 600).map(lineText)).toEqual(['左一', '左二', '左三', '左四', '右一', '右二', '右三', '右四']);
  });

  it('finds no gutter on a page of full-width lines', () => {
    expect(findGutter(column(20, Array.from({ length: 8 }, () => '一行很长的文字'.repeat(8))), 600)).toBeNull();
  });
});

describe('unruledTable', () => {
  // Three columns: 序号 at 10, 事项名称 at 40, 实施依据 at 150; headers centred over their columns.
  const header = [run('序号', 12, 20), run('事项名称', 60, 20), run('实施依据', 190, 20)];

  it('cuts columns at the whitespace the header and every line leave, a row per 序号', () => {
    const runs = [
      ...header,
      ...[run('1', 10, 40), run('对某某的处罚', 40, 40), run('《某某法》第十条', 150, 40)],
      ...[run('第二行', 150, 52)],
      ...[run('2', 10, 64), run('保密检查', 40, 64), run('《某某法》第十一条第一款', 150, 64)],
    ];
    const table = unruledTable(runs, [], null);
    expect(table?.rows.map((row) => row.map((s) => s.text))).toEqual([
      ['序号', '事项名称', '实施依据'],
      ['1', '对某某的处罚', '《某某法》第十条\n第二行'],
      ['2', '保密检查', '《某某法》第十一条第一款'],
    ]);
    expect(table?.layout.seq).toBe(0);
  });

  it('takes the river a body line starts after, not the wider one under a centred header', () => {
    // 事项名称 holds one short text: the gap between it and the header text is wider than the gutter.
    const runs = [...header, run('1', 10, 40), run('许可', 40, 40), run('《某某法》', 150, 40)];
    expect(unruledTable(runs, [], null)?.rows[1]?.map((s) => s.text)).toEqual(['1', '许可', '《某某法》']);
  });

  it('continues on a page without the header, keeping the columns its text leaves free, and stops at running text', () => {
    const first = unruledTable([...header, run('1', 10, 40), run('对某某的处罚', 40, 40), run('《某某法》第十条', 150, 40)], [], null);
    const next = unruledTable(
      [
        ...[run('《某某法》第十二条', 150, 20), run('2', 10, 32), run('保密检查', 40, 32)],
        ...[run('3', 10, 44), run('行政确认', 40, 44), run('本清单由某某局负责解释，自公布之日起施行', 10, 56)],
      ],
      [],
      first?.layout ?? null,
    );
    expect(next?.rows.map((row) => row.map((s) => s.text))).toEqual([
      ['', '', '《某某法》第十二条'],
      ['2', '保密检查', ''],
      ['3', '行政确认', ''],
    ]);
    expect(next?.below.map((r) => r.text)).toEqual(['本清单由某某局负责解释，自公布之日起施行']);
  });

  it('is null without a header row or a table to continue', () => {
    expect(unruledTable([run('关于召开会议的通知', 10, 20), run('各科室：定于下周一开会。', 10, 40)], [], null)).toBeNull();
  });
});
