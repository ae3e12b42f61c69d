import { makeFinding } from '../../model/index.js';
import { ImportError } from '../errors.js';
import { plainTable, readGrid } from '../grid/index.js';
import { looksLikeHeaderRow } from '../header-map.js';
import type { Reader, ReaderInput, ReaderOptions } from '../reader.js';
import type { ReadResult } from '../record.js';
import { type CsvParse, DELIMITERS, type Delimiter, parseDelimited } from './parse.js';

/** Rows looked at to recognise the delimiter and a header row. */
const SNIFF_ROWS = 30;

/** The delimiter under which one of the first rows reads as a list header, or null. */
export function sniffDelimiter(text: string): { delimiter: Delimiter; quotedLines: boolean } | null {
  const head = text.slice(0, 200_000);
  for (const delimiter of DELIMITERS) {
    const { rows } = parseDelimited(head, delimiter, SNIFF_ROWS);
    if (rows.some((row) => row.cells.length >= 3 && looksLikeHeaderRow(row.cells))) {
      const quotedLines = rows.some((row) => row.cells.some((cell) => /[\r\n]/.test(cell)));
      return { delimiter, quotedLines };
    }
  }
  return null;
}

function detect(input: ReaderInput): number {
  const { text } = input;
  if (text === undefined || /^\s*(<|\|)/.test(text.slice(0, 200))) return 0;
  const sniffed = sniffDelimiter(text);
  if (!sniffed) return 0;
  if (sniffed.delimiter === ',') return 0.9;
  // Plain TSV is the header-tsv reader's (0.9); quoted multi-line cells need a CSV parser.
  if (sniffed.delimiter === '\t') return sniffed.quotedLines ? 0.95 : 0.85;
  return 0.8;
}

/** Excel's text marker the CSV writer puts before a formula-like cell ('=…) is not part of the cell; Excel hides it too. */
export function withoutTextMarker(cell: string): string {
  return /^''*[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function read(input: ReaderInput, options: ReaderOptions): ReadResult {
  const { text } = input;
  if (text === undefined) throw new ImportError('bad-encoding', input.file, '无法把文件解码为文本（不是 UTF-8、GB18030/GBK 或带 BOM 的 UTF-16）');
  const sniffed = sniffDelimiter(text);
  const delimiter = sniffed?.delimiter ?? ',';
  const parsed: CsvParse = parseDelimited(text, delimiter);
  const table = plainTable(
    parsed.rows.map((row) => row.cells.map(withoutTextMarker)),
    parsed.rows.map((row) => row.line),
  );
  const result = readGrid(input.file, [table], options.map ?? {});
  if (parsed.unclosedQuoteAt !== undefined) {
    result.findings.push(
      makeFinding('ingest/unclosed-quote', MESSAGES, 'unclosed-quote', 'warning', { file: input.file, line: parsed.unclosedQuoteAt }, {}),
    );
  }
  return result;
}

const MESSAGES = { 'unclosed-quote': '引号没有闭合，此后的文字都算作同一个单元格' } as const;

/** CSV and TSV files (Excel's 另存为 CSV, UTF-8 or GBK; Unicode 文本), a header row found by its names. */
export const csvReader: Reader = {
  format: 'csv',
  label: 'CSV/TSV 表格',
  detect,
  read,
};
