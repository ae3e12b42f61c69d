import { blankLineBoundary } from '../boundary.js';
import { looksLikeHeaderRow } from '../header-map.js';
import type { Reader, ReaderInput } from '../reader.js';
import { splitLines } from '../split-lines.js';
import { readHeaderedRows } from '../table-rows.js';

const SEPARATOR_ROW = /^\s*\|?(\s*:?-{1,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$/;

/** Splits a pipe-table row into cells, honouring "\|" escapes and dropping the outer pipes. */
export function splitPipeRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && line[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) cells.pop();
  return cells.map((c) => c.trim());
}

/** Markdown pipe tables, the header repeated per record (sample 004). */
export const markdownTableReader: Reader = {
  format: 'markdown-table',
  label: 'Markdown 表格',
  detect(input: ReaderInput): number {
    const lines = splitLines(input.text ?? '').slice(0, 200);
    const rows = lines.filter((line) => line.trimStart().startsWith('|')).length;
    const separators = lines.filter((line) => SEPARATOR_ROW.test(line)).length;
    return rows >= 2 && separators >= 1 ? 0.95 : 0;
  },
  read(input, options) {
    const lines = splitLines(input.text ?? '').flatMap((raw, i) => {
      if (SEPARATOR_ROW.test(raw)) return [];
      const isRow = raw.trimStart().startsWith('|');
      return [{ line: i + 1, raw, cells: isRow ? splitPipeRow(raw) : null }];
    });
    return readHeaderedRows(input.file, lines, options.map, options.partial);
  },
  nextBoundary: (text, from) => blankLineBoundary(text, from, (line) => looksLikeHeaderRow(splitPipeRow(line))),
};
