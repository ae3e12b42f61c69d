import { type RunLine, groupLines, linesInOrder } from './lines.js';
import type { TextRun } from './load.js';

/**
 * The page's lines in reading order. A page set in two columns (a gutter no run crosses,
 * with text on both sides) is read left column first, then right; lines that span the
 * gutter (a title) are read where they stand and start a new pair of columns.
 */
export function readingOrder(runs: readonly TextRun[], pageWidth: number): RunLine[] {
  const gutter = findGutter(runs, pageWidth);
  if (gutter === null) return groupLines(runs);
  const crosses = (run: TextRun) => run.x < gutter - 0.5 && run.x + run.width > gutter + 0.5;
  const spanning = groupLines(runs.filter(crosses));
  const out: RunLine[] = [];
  let rest = runs.filter((run) => !crosses(run));
  for (const line of [...spanning, null]) {
    const limit = line ? line.y - line.size * 0.5 : Number.POSITIVE_INFINITY;
    const section = rest.filter((run) => run.y < limit);
    rest = rest.filter((run) => run.y >= limit);
    out.push(...groupLines(section.filter((run) => run.x + run.width / 2 < gutter)));
    out.push(...groupLines(section.filter((run) => run.x + run.width / 2 >= gutter)));
    if (line) out.push(line);
  }
  return out;
}

/** The x of a vertical band in the middle half of the page that almost no run crosses, or null. */
export function findGutter(runs: readonly TextRun[], pageWidth: number): number | null {
  if (runs.length < 6) return null;
  const size = median(runs.map((run) => run.size));
  let best: { from: number; to: number } | null = null;
  let from: number | null = null;
  const limit = Math.max(1, Math.floor(runs.length * 0.05));
  for (let x = pageWidth * 0.25; x <= pageWidth * 0.75; x += 1) {
    const crossing = runs.filter((run) => run.x < x && run.x + run.width > x).length;
    if (crossing <= limit) {
      from ??= x;
      if (!best || x - from > best.to - best.from) best = { from, to: x };
    } else from = null;
  }
  if (!best || best.to - best.from < size * 1.5) return null;
  const gutter = (best.from + best.to) / 2;
  const left = runs.filter((run) => run.x + run.width <= gutter).length;
  const right = runs.filter((run) => run.x >= gutter).length;
  // Both columns must hold text over several lines, or it is just a ragged right margin.
  if (Math.min(left, right) < runs.length * 0.2) return null;
  const rightLines = groupLines(runs.filter((run) => run.x >= gutter)).length;
  const leftLines = groupLines(runs.filter((run) => run.x + run.width <= gutter)).length;
  return Math.min(leftLines, rightLines) >= 3 ? gutter : null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 10;
}

/**
 * Lines in the order the PDF draws them (what a copy from the page gives, and how the
 * flowchart sample was extracted), unless the page is set in two columns.
 */
export function pageLines(runs: readonly TextRun[], pageWidth: number): RunLine[] {
  if (findGutter(runs, pageWidth) !== null) return readingOrder(runs, pageWidth);
  return linesInOrder(runs, { growSize: false });
}
