import type { Slot } from '../grid/index.js';
import { looksLikeHeaderRow, mapHeader } from '../header-map.js';
import { type RunLine, cellText, groupLines } from './lines.js';
import type { TextRun } from './load.js';
import { charWidths, splitAtRules, subRun } from './ruled-table.js';
import type { Segment } from './segments.js';

/**
 * Tables drawn without rules (or with rules between rows only), as many published PDFs are:
 * the columns are the whitespace “rivers” that run down the header and every body line,
 * the rows are lines grouped under the column anchors, a row starting where 序号 is filled,
 * where a rule runs between two lines, or where the space between two lines is wider than
 * the line spacing inside a cell.
 */

/** Where the columns of an unruled table are; a page that continues the table without its header finds them again from it. */
export interface ColumnLayout {
  /** The x-range of each column's header text: what the columns of later pages are found under. */
  anchors: Span[];
  /** The boundaries between columns (the middle of each river), left to right. */
  cuts: number[];
  /** Each column's text edges: the left of its leftmost text, the right its full lines reach. */
  lefts: number[];
  rights: number[];
  /** The 序号 column, or -1. */
  seq: number;
}

export interface UnruledTable {
  rows: Slot[][];
  layout: ColumnLayout;
  /** The table's left edge, the column boundaries and its right edge. */
  xs: number[];
  above: TextRun[];
  below: TextRun[];
}

interface Span {
  from: number;
  to: number;
}

/**
 * The unruled table on a page: under a header row found on the page, or, when `previous` is
 * given, continuing that table's columns from the top of the page. Null when there is none.
 */
export function unruledTable(runs: readonly TextRun[], segments: readonly Segment[], previous: ColumnLayout | null): UnruledTable | null {
  const lines = groupLines(runs.flatMap(splitAtSpaces));
  const headerAt = lines.findIndex((line) => looksLikeHeaderRow(line.runs.map((run) => run.text)));
  let layout: ColumnLayout | null;
  let from: number;
  let headerRow: Slot[] = [];
  if (headerAt >= 0) {
    let end = headerAt + 1;
    while (end < lines.length && continuesHeader(lines[end] as RunLine, lines[end - 1] as RunLine)) end++;
    const header = lines.slice(headerAt, end);
    layout = findColumns(overlapGroups(header.flatMap((line) => line.runs)), header, tableCandidates(lines.slice(end)), null);
    const texts = layout && columnTexts(header, layout.cuts);
    if (!layout || !texts || !looksLikeHeaderRow(texts)) return null;
    headerRow = texts.map((text) => ({ text }));
    from = end;
  } else if (previous) {
    layout = findColumns(previous.anchors, [], tableCandidates(lines), previous);
    const cuts = layout?.cuts ?? [];
    from = lines.findIndex((line) => fits(line, cuts));
    // A page continuing the table is mostly table: a page of free text that happens to fit is not.
    if (!layout || from < 0 || lines.filter((line) => fits(line, cuts)).length * 3 < lines.length * 2) return null;
  } else return null;

  const { cuts } = layout;
  let to = from;
  while (to < lines.length && fits(lines[to] as RunLine, cuts) && !(to > from && farBelow(lines[to] as RunLine, lines[to - 1] as RunLine))) to++;
  if (to === from) return null;
  const body = lines.slice(from, to).map((line) => splitLine(line, cuts));
  const { lefts, rights } = layout;
  const rows = groupRows(body, layout, segments).map((group) =>
    lefts.map((left, c): Slot => {
      const cell = cellText(
        group.flatMap((line) => line[c] ?? []),
        left,
        rights[c] as number,
      );
      return cell.endsWrapped ? { text: cell.text, endsWrapped: true } : { text: cell.text };
    }),
  );
  const runsOf = (part: readonly RunLine[]) => part.flatMap((line) => line.runs);
  return {
    rows: headerRow.length > 0 ? [headerRow, ...rows] : rows,
    layout,
    xs: [lefts[0] as number, ...cuts, rights.at(-1) as number],
    above: runsOf(lines.slice(0, headerAt >= 0 ? headerAt : from)),
    below: runsOf(lines.slice(to)),
  };
}

/**
 * pdfjs may join text drawn apart on one line into one run, a space at each gap: the pieces
 * between such spaces. A space as wide as a typed one stays inside its piece.
 */
function splitAtSpaces(run: TextRun): TextRun[] {
  if (!/\S\s+\S/.test(run.text)) return [run];
  const widths = charWidths(run);
  const chars = [...run.text];
  const pieces: TextRun[] = [];
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && !(chars[i] === ' ' && (widths[i] as number) >= run.size * 0.6)) continue;
    if (i > start) pieces.push(subRun(run, widths, start, i));
    start = i + 1;
  }
  return pieces;
}

/**
 * The line below a header line is more of the header (a header cell wrapped, or a shorter one
 * centred lower) when it follows at line spacing and holds only short texts without digits;
 * the first body row starts after the row's padding or with its number.
 */
function continuesHeader(line: RunLine, above: RunLine): boolean {
  if (line.y - above.y > Math.max(line.size, above.size) * 1.8) return false;
  return line.runs.every((run) => [...run.text].length <= 8 && !/[0-9０-９]/.test(run.text));
}

/** Lines too far below the one before (four lines' worth) are past the table: a page number, a note. */
function farBelow(line: RunLine, above: RunLine): boolean {
  return line.y - above.y > Math.max(line.size, above.size) * 5;
}

function tableCandidates(lines: readonly RunLine[]): RunLine[] {
  const end = lines.findIndex((line, i) => i > 0 && farBelow(line, lines[i - 1] as RunLine));
  return end < 0 ? [...lines] : lines.slice(0, end);
}

/** True when the line can be a table line: no text of it crosses two column boundaries, as a line of running text does. */
function fits(line: RunLine, cuts: readonly number[]): boolean {
  return line.runs.every((run) => cuts.filter((x) => run.x < x - 1 && run.x + run.width > x + 1).length < 2);
}

/** A line's runs by column. */
function splitLine(line: RunLine, cuts: readonly number[]): TextRun[][] {
  const columns: TextRun[][] = cuts.concat(Number.POSITIVE_INFINITY).map(() => []);
  for (const run of line.runs.flatMap((r) => splitAtRules(r, cuts))) {
    const centre = run.x + run.width / 2;
    const c = cuts.findIndex((x) => centre < x);
    (columns[c < 0 ? cuts.length : c] as TextRun[]).push(run);
  }
  return columns;
}

/**
 * The columns under header anchors (the x-ranges of the header texts): between two
 * neighbouring anchors the widest river (an x-range no line's text covers) is their boundary. Anchors with no river between them are one header cell, or,
 * continuing `previous`, keep its boundary. Column edges come from the lines themselves;
 * a column empty on a continuation page keeps the edges it had.
 */
function findColumns(anchors: readonly Span[], header: readonly RunLine[], body: readonly RunLine[], previous: ColumnLayout | null): ColumnLayout | null {
  // Text of a cell stays between the header texts of its neighbours: a line with a text
  // over two of them is running text (a note, a page footer) and is not asked to leave a river.
  const overlaps = (run: TextRun) => anchors.filter((a) => run.x < a.to && run.x + run.width > a.from).length;
  const lines = [...header, ...body.filter((line) => line.runs.every((run) => overlaps(run) < 2))];
  if (lines.length === 0) return null;
  const rivers = findRivers(lines, Math.min(...anchors.map((a) => a.from)), Math.max(...anchors.map((a) => a.to)));
  // Body text is left-aligned where header text is centred: a river a body line starts right
  // after is a column's edge, one only the header bounds lies inside a sparse column.
  const starts = body.flatMap((line) => line.runs.map((run) => run.x));
  const edgeOfText = (river: Span) => starts.some((x) => Math.abs(x - river.to) <= 0.75);
  const cuts: number[] = [];
  const columns: Span[] = [{ ...(anchors[0] as Span) }];
  for (let i = 0; i + 1 < anchors.length; i++) {
    const [left, right] = [anchors[i] as Span, anchors[i + 1] as Span];
    const between = rivers.map((r) => ({ from: Math.max(r.from, left.to), to: Math.min(r.to, right.from) })).filter((r) => r.to - r.from >= 0.5);
    const kept = previous?.cuts[i];
    let cut: number | undefined;
    // A page continuing the table keeps each boundary its text leaves free.
    if (kept !== undefined && between.some((r) => r.from <= kept && kept <= r.to)) cut = kept;
    else {
      const edges = between.filter(edgeOfText);
      const best = (edges.length > 0 ? edges : between).sort((a, b) => b.to - b.from - (a.to - a.from))[0];
      cut = best ? (best.from + best.to) / 2 : kept;
    }
    if (cut === undefined) (columns.at(-1) as Span).to = right.to;
    else {
      cuts.push(cut);
      columns.push({ ...right });
    }
  }
  if (cuts.length < 2) return null;
  const split = lines.map((line) => splitLine(line, cuts));
  const edge = (c: number, from: readonly TextRun[][][], pick: (run: TextRun) => number, best: (...values: number[]) => number) =>
    best(...from.flatMap((line) => (line[c] ?? []).map(pick)));
  const lefts = columns.map((_, c) => edge(c, split, (run) => run.x, Math.min));
  const reaches = columns.map((_, c) => edge(c, split, (run) => run.x + run.width, Math.max));
  // Between columns the narrowest gutter is two paddings (a line that fills its cell); a
  // column whose lines never fill it still ends that far before the next one's body text.
  const bodyLefts = columns.map((_, c) => edge(c, split.slice(header.length), (run) => run.x, Math.min));
  const gutters = cuts.map((_, c) => (bodyLefts[c + 1] as number) - (reaches[c] as number)).filter(Number.isFinite);
  const gutter = gutters.length > 0 ? Math.min(...gutters) : 0;
  const rights = reaches.map((reach, c) => {
    const next = bodyLefts[c + 1] as number;
    return c < cuts.length && Number.isFinite(next) ? Math.max(reach, next - gutter) : reach;
  });
  for (let c = 0; c < columns.length; c++) {
    if (Number.isFinite(lefts[c] as number)) continue;
    if (!previous) return null;
    lefts[c] = previous.lefts[c] as number;
    rights[c] = previous.rights[c] as number;
  }
  const seq = previous ? previous.seq : columnTexts(header, cuts).findIndex((text) => mapHeader(text) === 'seq');
  return { anchors: columns, cuts, lefts, rights, seq };
}

/** Runs whose x-ranges overlap (one header cell over several lines) as one range each, left to right. */
function overlapGroups(runs: readonly TextRun[]): Span[] {
  const groups: Span[] = [];
  for (const run of [...runs].sort((a, b) => a.x - b.x)) {
    const last = groups.at(-1);
    if (last && run.x < last.to) last.to = Math.max(last.to, run.x + run.width);
    else groups.push({ from: run.x, to: run.x + run.width });
  }
  return groups;
}

/** X-ranges, to half a point, that no line covers with text, from `from` to `to` at least. */
function findRivers(lines: readonly RunLine[], from: number, to: number): Span[] {
  const step = 0.5;
  const left = Math.min(from, ...lines.map((line) => line.left)) - step;
  const right = Math.max(to, ...lines.map((line) => line.right)) + step;
  const size = Math.ceil((right - left) / step) + 2;
  const delta = new Int32Array(size + 1);
  for (const line of lines) {
    for (const span of overlapGroups(line.runs)) {
      const [first, end] = [Math.max(0, Math.floor((span.from - left) / step)), Math.min(size, Math.ceil((span.to - left) / step))];
      delta[first] = (delta[first] as number) + 1;
      delta[end] = (delta[end] as number) - 1;
    }
  }
  const rivers: Span[] = [];
  let count = 0;
  let start: number | null = null;
  for (let i = 0; i < size; i++) {
    count += delta[i] as number;
    if (count === 0) start ??= i;
    else if (start !== null) {
      rivers.push({ from: left + start * step, to: left + i * step });
      start = null;
    }
  }
  if (start !== null) rivers.push({ from: left + start * step, to: right });
  return rivers;
}

/** The header text of each column: its lines top to bottom, joined. */
function columnTexts(header: readonly RunLine[], cuts: readonly number[]): string[] {
  const texts: string[] = [...cuts, Number.POSITIVE_INFINITY].map(() => '');
  for (const line of header) {
    splitLine(line, cuts).forEach((runs, c) => {
      texts[c] += runs.map((run) => run.text).join('');
    });
  }
  return texts;
}

/**
 * Body lines grouped into rows. A row starts with the first line, a line with a 序号, a line
 * a horizontal rule separates from the one above, or a line set further from the one above
 * than the spacing inside a cell with text in two columns (a cell's blank line is not a row).
 * When every line is as far from the next as any other and there is no 序号, each line is a row.
 */
function groupRows(body: readonly TextRun[][][], layout: ColumnLayout, segments: readonly Segment[]): TextRun[][][][] {
  const ys = body.map((line) => Math.min(...line.flat().map((run) => run.y)));
  const gaps = ys.slice(1).map((y, i) => y - (ys[i] as number));
  const pitch = Math.min(...gaps);
  const uniform = gaps.every((gap) => gap <= pitch * 1.15);
  const width = (layout.rights.at(-1) as number) - (layout.lefts[0] as number);
  const rules = segments
    .filter((s) => Math.abs(s.y1 - s.y2) < 0.5 && Math.abs(s.x2 - s.x1) >= width * 0.5)
    .map((s) => s.y1);
  const rows: TextRun[][][][] = [];
  body.forEach((line, i) => {
    const filled = line.filter((runs) => runs.length > 0).length;
    const size = Math.max(...line.flat().map((run) => run.size));
    const above = ys[i - 1];
    const starts =
      above === undefined ||
      (layout.seq >= 0 && (line[layout.seq]?.length ?? 0) > 0) ||
      rules.some((y) => y > above && y < (ys[i] as number) - size * 0.8) ||
      (!uniform && (gaps[i - 1] as number) > pitch * 1.25 && filled >= 2) ||
      (uniform && layout.seq < 0);
    if (starts) rows.push([line]);
    else rows.at(-1)?.push(line);
  });
  return rows;
}
