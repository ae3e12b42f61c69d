import { type MergeRange, type Slot, applyMerges } from '../grid/index.js';
import { cellText } from './lines.js';
import type { TextRun } from './load.js';
import type { Segment } from './segments.js';

/** A table recovered from a page's rules: its slots, the boundaries, and the runs it holds. */
export interface RuledTable {
  rows: Slot[][];
  xs: number[];
  ys: number[];
  /** Runs outside the table, above and below it. */
  above: TextRun[];
  below: TextRun[];
}

interface Rule {
  at: number;
  from: number;
  to: number;
}

const SNAP = 2;

/** Rules at the same position (within SNAP) joined, overlapping pieces merged. */
function rules(segments: readonly Segment[], horizontal: boolean): Rule[] {
  const raw = segments
    .filter((s) => (horizontal ? Math.abs(s.y1 - s.y2) < 0.5 : Math.abs(s.x1 - s.x2) < 0.5))
    .map((s) =>
      horizontal
        ? { at: (s.y1 + s.y2) / 2, from: Math.min(s.x1, s.x2), to: Math.max(s.x1, s.x2) }
        : { at: (s.x1 + s.x2) / 2, from: Math.min(s.y1, s.y2), to: Math.max(s.y1, s.y2) },
    )
    .sort((a, b) => a.at - b.at || a.from - b.from);
  const merged: Rule[] = [];
  for (const rule of raw) {
    const same = merged.filter((m) => Math.abs(m.at - rule.at) <= SNAP);
    const overlapping = same.find((m) => rule.from <= m.to + SNAP && rule.to >= m.from - SNAP);
    if (overlapping) {
      overlapping.from = Math.min(overlapping.from, rule.from);
      overlapping.to = Math.max(overlapping.to, rule.to);
    } else merged.push({ ...rule, at: same[0]?.at ?? rule.at });
  }
  return merged;
}

function positions(list: readonly Rule[]): number[] {
  const out: number[] = [];
  for (const at of list.map((r) => r.at).sort((a, b) => a - b)) {
    if (out.length === 0 || at - (out.at(-1) as number) > SNAP) out.push(at);
  }
  return out;
}

/** True when some rule at `at` covers most of [from, to]. */
function covered(list: readonly Rule[], at: number, from: number, to: number): boolean {
  const length = to - from;
  const inside = list
    .filter((r) => Math.abs(r.at - at) <= SNAP)
    .reduce((sum, r) => sum + Math.max(0, Math.min(r.to, to) - Math.max(r.from, from)), 0);
  return inside >= length * 0.6;
}

/** Estimated advance of a character in ems: Chinese and full-width are square, Latin narrower. */
function advance(ch: string): number {
  if (/\s/.test(ch)) return 0.3;
  return /[\u0000-\u024f]/.test(ch) ? 0.55 : 1;
}

/**
 * Estimated width of each character of a run: glyphs sized from the font size and the gap
 * pdfjs turned into spaces shared among them; without spaces, the glyphs scaled to the run.
 */
export function charWidths(run: TextRun): number[] {
  const chars = [...run.text];
  const units = chars.map(advance);
  const glyphs = units.reduce((sum, u, i) => sum + (chars[i] === ' ' ? 0 : u), 0) * run.size;
  const spaces = chars.filter((ch) => ch === ' ').length;
  const spaceWidth = spaces > 0 && glyphs < run.width ? (run.width - glyphs) / spaces : 0;
  const scale = spaceWidth > 0 ? run.size : run.width / (units.reduce((a, b) => a + b, 0) || 1);
  return chars.map((ch, i) => (ch === ' ' && spaceWidth > 0 ? spaceWidth : (units[i] as number) * scale));
}

/** A run's characters from `from` to `to` as a run of their own, spaces at either end dropped, at their estimated place. */
export function subRun(run: TextRun, widths: readonly number[], from: number, to: number): TextRun {
  const chars = [...run.text];
  while (from < to && chars[from] === ' ') from++;
  while (to > from && chars[to - 1] === ' ') to--;
  const sum = (a: number, b: number) => widths.slice(a, b).reduce((total, w) => total + w, 0);
  return { ...run, text: chars.slice(from, to).join(''), x: run.x + sum(0, from), width: sum(from, to) };
}

/**
 * pdfjs joins text drawn side by side into one run (adding a space at the gap), even across
 * a cell border: such a run is cut where the rule is, at the space nearest to it. Glyphs are
 * sized from the font size (the gap is all in the space), each side kept at its own edge.
 */
export function splitAtRules(run: TextRun, xs: readonly number[]): TextRun[] {
  const cut = xs.find((x) => run.x < x - 1 && run.x + run.width > x + 1);
  if (cut === undefined || run.text.length < 2) return [run];
  const chars = [...run.text];
  const widths = charWidths(run);
  let at = 0;
  let position = run.x;
  while (at < chars.length && position + (widths[at] as number) / 2 < cut) position += widths[at++] as number;
  for (const delta of [0, -1, 1, -2, 2]) {
    if (chars[at + delta] === ' ') {
      at += delta;
      break;
    }
  }
  if (at <= 0 || at >= chars.length) return [run];
  const left = subRun(run, widths, 0, at);
  const estimated = subRun(run, widths, at, chars.length);
  const rightWidth = Math.min(run.width, estimated.width);
  const right = { ...estimated, x: run.x + run.width - rightWidth, width: rightWidth };
  return [left, ...splitAtRules(right, xs)].filter((r) => r.text !== '');
}

/**
 * Recovers a ruled table: column and row boundaries from the drawn rules, a cell merged
 * with its neighbour where the rule between them is missing, text placed by position.
 * Returns null when the rules do not make a grid of at least two columns.
 */
export function ruledTable(runs: readonly TextRun[], segments: readonly Segment[]): RuledTable | null {
  const horizontal = rules(segments, true);
  const vertical = rules(segments, false);
  const xs = positions(vertical);
  const ys = positions(horizontal);
  if (xs.length < 3 || ys.length < 2) return null;
  const [left, right, top, bottom] = [xs[0] as number, xs.at(-1) as number, ys[0] as number, ys.at(-1) as number];
  const rowCount = ys.length - 1;
  const colCount = xs.length - 1;
  const parent = Array.from({ length: rowCount * colCount }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const union = (a: number, b: number) => {
    parent[find(b)] = find(a);
  };
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < colCount; c++) {
      const [y0, y1, x0, x1] = [ys[r] as number, ys[r + 1] as number, xs[c] as number, xs[c + 1] as number];
      if (c + 1 < colCount && !covered(vertical, x1, y0, y1)) union(r * colCount + c, r * colCount + c + 1);
      if (r + 1 < rowCount && !covered(horizontal, y1, x0, x1)) union(r * colCount + c, (r + 1) * colCount + c);
    }
  }
  const ranges = new Map<number, MergeRange>();
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < colCount; c++) {
      const root = find(r * colCount + c);
      const range = ranges.get(root) ?? { top: r, left: c, bottom: r, right: c };
      range.top = Math.min(range.top, r);
      range.left = Math.min(range.left, c);
      range.bottom = Math.max(range.bottom, r);
      range.right = Math.max(range.right, c);
      ranges.set(root, range);
    }
  }
  const inCell = new Map<number, TextRun[]>();
  const above: TextRun[] = [];
  const below: TextRun[] = [];
  for (const run of runs.flatMap((r) => (r.y >= top && r.y <= bottom + r.size ? splitAtRules(r, xs) : [r]))) {
    const cx = run.x + run.width / 2;
    const cy = run.y - run.size * 0.35;
    if (cy < top || cx < left || cx > right) {
      (cy < (top + bottom) / 2 ? above : below).push(run);
      continue;
    }
    if (cy > bottom) {
      below.push(run);
      continue;
    }
    const r = Math.min(rowCount - 1, Math.max(0, ys.findIndex((y) => y > cy) - 1));
    const c = Math.min(colCount - 1, Math.max(0, xs.findIndex((x) => x > cx) - 1));
    const root = find(r * colCount + c);
    const list = inCell.get(root);
    if (list) list.push(run);
    else inCell.set(root, [run]);
  }
  const values: string[][] = Array.from({ length: rowCount }, () => Array.from({ length: colCount }, () => ''));
  const wrapped: [number, number][] = [];
  for (const [root, range] of ranges) {
    const cell = cellText(inCell.get(root) ?? [], xs[range.left] as number, xs[range.right + 1] as number);
    (values[range.top] as string[])[range.left] = cell.text;
    if (cell.endsWrapped) wrapped.push([range.top, range.left]);
  }
  const merges = [...ranges.values()].filter((m) => m.bottom > m.top || m.right > m.left);
  const rows = applyMerges(values, merges);
  for (const [r, c] of wrapped) (rows[r]?.[c] as Slot).endsWrapped = true;
  return { rows, xs, ys, above, below };
}
