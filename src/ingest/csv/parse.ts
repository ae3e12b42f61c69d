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

/**
 * RFC 4180 with the leniency real files need: CRLF, LF or CR line ends, "" inside quoted
 * cells, a quote in the middle of an unquoted cell taken literally, text after a closing
 * quote kept. Nothing is dropped.
 *
 * @example parseDelimited('a,"b\nc"\n', ',') // rows: [{ line: 1, cells: ['a', 'b\nc'] }]
 */
export function parseDelimited(text: string, delimiter: string, maxRows = Number.POSITIVE_INFINITY): CsvParse {
  const rows: CsvRow[] = [];
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < n && rows.length < maxRows) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
      i++;
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
      line++;
      rowLine = line;
      continue;
    }
    cell += ch;
    i++;
  }
  if (rows.length < maxRows && (cell !== '' || cells.length > 0 || quoted)) endRow();
  return quoted ? { rows, unclosedQuoteAt: quoteLine } : { rows };
}

/** Delimiters tried, most common first. */
export const DELIMITERS = [',', '\t', ';'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
