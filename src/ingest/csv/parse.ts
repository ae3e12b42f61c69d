/** A CSV row with the 1-based line it starts on (quoted cells may run over several lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvParse {
  rows: CsvRow[];
  /** The line of a quote that was never closed (its cell then runs to the end of the file). */
  unclosedQuoteAt?: number;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/**
 * RFC 4180 with the leniency real files need: CRLF, LF or CR line ends, "" inside quoted
 * cells, a quote in the middle of an unquoted cell taken literally, text after a closing
 * quote kept. Nothing is dropped. Cells are cut out of the text in slices, not built up
 * character by character.
 *
 * @example parseDelimited('a,"b\nc"\n', ',') // rows: [{ line: 1, cells: ['a', 'b\nc'] }]
 */
export function parseDelimited(text: string, delimiter: string, maxRows = Number.POSITIVE_INFINITY): CsvParse {
  const rows: CsvRow[] = [];
  const plain = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}\\r\\n]`, 'g');
  const n = text.length;
  let line = 1;
  let i = 0;
  let cells: string[] = [];
  let rowLine = 1;
  while (i < n && rows.length < maxRows) {
    let cell = '';
    if (text.charCodeAt(i) === 34) {
      // Quoted: up to the quote that is not doubled, then whatever precedes the next separator.
      const quoteLine = line;
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) {
          cell += text.slice(from);
          line += countLines(text, from, n);
          cells.push(cell);
          rows.push({ line: rowLine, cells });
          return { rows, unclosedQuoteAt: quoteLine };
        }
        cell += text.slice(from, close);
        line += countLines(text, from, close);
        if (text.charCodeAt(close + 1) === 34) {
          cell += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
    }
    plain.lastIndex = i;
    const end = plain.exec(text);
    const stop = end ? end.index : n;
    cell += text.slice(i, stop);
    cells.push(cell);
    if (!end) {
      rows.push({ line: rowLine, cells });
      return { rows };
    }
    const sep = end[0];
    if (sep === delimiter) {
      i = stop + 1;
      if (i === n) cells.push('');
      continue;
    }
    rows.push({ line: rowLine, cells });
    cells = [];
    i = stop + (sep === '\r' && text.charCodeAt(stop + 1) === 10 ? 2 : 1);
    line++;
    rowLine = line;
  }
  if (cells.length > 0 && rows.length < maxRows) rows.push({ line: rowLine, cells });
  return { rows };
}

/** Delimiters tried, most common first. */
export const DELIMITERS = [',', '\t', ';'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
