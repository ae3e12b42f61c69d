import { LineIndex, contentLines, trimCellEnd } from '../text-lines.js';

/** A cell of a flattened table: the text between two tabs, with where it stands. */
export interface FlatCell {
  raw: string;
  start: number;
  end: number;
  /** Lines of its content; null when the cell holds only whitespace. */
  lines: { firstLine: number; lastLine: number } | null;
  /** The cell ended with a blank line: a group boundary in the original table. */
  endsGroup: boolean;
}

/**
 * Splits a headerless tab-flattened table into cells. A tab starts a new cell wherever
 * it stands; a line that does not start with a tab continues the cell before.
 */
export function tokenizeFlatCells(text: string): FlatCell[] {
  const index = new LineIndex(text);
  const cells: FlatCell[] = [];
  let start = 0;
  for (;;) {
    const tab = text.indexOf('\t', start);
    const end = tab === -1 ? text.length : tab;
    const segment = text.slice(start, end);
    cells.push({
      raw: trimCellEnd(segment),
      start,
      end,
      lines: contentLines(text, start, end, index),
      endsGroup: /\n[ \u3000]*\r?\n[\s]*$/.test(segment),
    });
    if (tab === -1) return cells;
    start = tab + 1;
  }
}
