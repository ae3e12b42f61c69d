import { joinWrapped } from '../grid/index.js';
import type { TextRun } from './load.js';

/** Runs that share a baseline, left to right. */
export interface RunLine {
  y: number;
  size: number;
  left: number;
  right: number;
  runs: TextRun[];
}

/**
 * Groups runs into lines: a run joins the line whose baseline is within half its font
 * size; lines come top to bottom.
 */
export function groupLines(runs: readonly TextRun[]): RunLine[] {
  return linesInOrder([...runs].sort((a, b) => a.y - b.y || a.x - b.x), { growSize: true });
}

/**
 * Lines of runs taken in the order given: a run joins the last line when its baseline is
 * within half a font size of it, else starts a new one; each line's runs end left to right.
 * With `growSize` a line's size follows its largest run, widening what joins it.
 */
export function linesInOrder(runs: Iterable<TextRun>, options: { growSize: boolean }): RunLine[] {
  const lines: RunLine[] = [];
  for (const run of runs) {
    const line = lines.at(-1);
    if (line && Math.abs(run.y - line.y) <= Math.min(run.size, line.size) * 0.5) {
      line.runs.push(run);
      line.left = Math.min(line.left, run.x);
      line.right = Math.max(line.right, run.x + run.width);
      if (options.growSize) line.size = Math.max(line.size, run.size);
    } else {
      lines.push({ y: run.y, size: run.size, left: run.x, right: run.x + run.width, runs: [run] });
    }
  }
  for (const line of lines) line.runs.sort((a, b) => a.x - b.x);
  return lines;
}

/** A line's text: runs joined, a space where the layout leaves a visible gap. */
export function lineText(line: RunLine): string {
  let text = '';
  let end: number | null = null;
  for (const run of line.runs) {
    if (end !== null && run.x - end > run.size * 0.3 && !text.endsWith(' ') && !run.text.startsWith(' ')) text += ' ';
    text += run.text;
    end = run.x + run.width;
  }
  return text;
}

/** Width of the first word (a Latin word, or one Chinese character) a line starts with. */
function firstTokenWidth(line: RunLine): number {
  const run = line.runs[0];
  if (!run) return 0;
  const token = /^[A-Za-z0-9.\-_/]+/.exec(run.text)?.[0] ?? [...run.text][0] ?? '';
  const latin = /^[\u0000-\u024f]+$/.test(token);
  return latin ? Math.min(run.width, token.length * run.size * 0.5) : run.size;
}

/**
 * The text of a table cell: its lines joined, without a break where a line only wrapped
 * and with one where the writer ended it. A line wrapped when the first word of the next
 * line would not have fitted in the room left at its end (word processors' rule).
 * `endsWrapped`: the last line fills the cell, so text on the next page may continue it.
 */
export function cellText(runs: readonly TextRun[], cellLeft: number, cellRight: number): { text: string; endsWrapped: boolean } {
  const lines = groupLines(runs);
  if (lines.length === 0) return { text: '', endsWrapped: false };
  const padding = Math.max(0, Math.min(...lines.map((line) => line.left)) - cellLeft);
  const roomAfter = (line: RunLine) => cellRight - padding - line.right;
  let text = '';
  lines.forEach((line, i) => {
    const part = lineText(line);
    const previous = lines[i - 1];
    text = previous ? joinWrapped(text, part, roomAfter(previous) < firstTokenWidth(line) + line.size * 0.15) : part;
  });
  const last = lines.at(-1) as RunLine;
  return { text, endsWrapped: roomAfter(last) < last.size * 1.15 };
}
