import { ImportError } from '../errors.js';
import { type Block, type Slot, readGrid } from '../grid/index.js';
import { type HeaderOverrides, looksLikeHeaderRow } from '../header-map.js';
import type { Reader, ReaderInput } from '../reader.js';
import type { ReadResult } from '../record.js';
import { readAsText } from './as-text.js';
import { groupLines, lineText } from './lines.js';
import { type PdfPage, type TextRun, loadPdf } from './load.js';
import { ruledTable } from './ruled-table.js';
import { pageLines } from './text-order.js';
import { type ColumnLayout, unruledTable } from './unruled-table.js';

export { loadPdf, type PdfPage, type TextRun } from './load.js';
export { readAsText } from './as-text.js';

/**
 * Reads a PDF's text layer. Pages with a ruled table (a header row, or the same columns as
 * the table before) become grid rows, merged cells found where a rule is missing; pages with
 * a table drawn without rules (a header row, or text in the columns of the unruled table
 * before) become grid rows from the text positions (see unruledTable); a PDF with no table
 * is read as text in drawing order (two-column pages column by column), which the text
 * readers take from there (the flowchart reader for 流程图 like sample 002).
 * Line numbers count the lines of that reading, text lines and table rows alike.
 */
export async function readPdf(file: string, bytes: Uint8Array, map: HeaderOverrides = {}): Promise<ReadResult> {
  const pages = await loadPdf(file, bytes);
  if (pages.every((page) => page.runs.length === 0)) {
    const images = pages.reduce((sum, page) => sum + page.images, 0);
    throw new ImportError(
      'bad-structure',
      file,
      `PDF 没有文字层${images > 0 ? '（页面只有图片，可能是扫描件）' : ''}，无法提取文字；请提供 Word/Excel 原件，或先用 OCR 生成带文字层的 PDF`,
    );
  }
  const blocks: Block[] = [];
  let line = 0;
  /** The page each line of the reading is on (index: line - 1). */
  const pageOf: number[] = [];
  let previous: PageTable | null = null;
  const text = (runs: readonly TextRun[], ordered: boolean, width: number) => {
    for (const l of ordered ? groupLines(runs) : pageLines(runs, width)) blocks.push({ kind: 'text', text: lineText(l), line: ++line });
  };
  for (const page of pages) {
    const from = line;
    const table = tableOf(page, previous);
    if (!table) {
      text(page.runs, false, page.width);
      for (let l = from; l < line; l++) pageOf[l] = page.number;
      continue;
    }
    previous = table;
    text(table.above, true, page.width);
    blocks.push({ kind: 'table', rows: table.rows, lines: table.rows.map(() => ++line), name: `第${page.number}页` });
    text(table.below, true, page.width);
    for (let l = from; l < line; l++) pageOf[l] = page.number;
  }
  if (previous !== null) {
    const result = readGrid(file, blocks, map);
    return pages.length > 1 ? withPages(result, pageOf) : result;
  }
  const all = blocks.map((block) => (block.kind === 'text' ? block.text : '')).join('\n');
  return readAsText(file, all, map, 'PDF');
}

/** Records and findings with the page their (first) line is on: a user finds a row by its page. */
function withPages(result: ReadResult, pageOf: readonly number[]): ReadResult {
  const at = (line: number | undefined) => (line === undefined ? undefined : pageOf[line - 1]);
  return {
    ...result,
    records: result.records.map((record) => {
      const page = at(record.firstLine);
      return page === undefined ? record : { ...record, page };
    }),
    findings: result.findings.map((finding) => {
      const page = at(finding.place.line);
      return page === undefined ? finding : { ...finding, place: { ...finding.place, page } };
    }),
  };
}

/** A page's table; `layout` is set when it was found without rules. */
interface PageTable {
  rows: Slot[][];
  xs: number[];
  above: TextRun[];
  below: TextRun[];
  layout?: ColumnLayout;
}

function tableOf(page: PdfPage, previous: PageTable | null): PageTable | null {
  const ruled = ruledTable(page.runs, page.segments);
  if (ruled) {
    const header = ruled.rows.some((row) => looksLikeHeaderRow(row.map((slot) => slot.text)));
    if (header || (previous !== null && sameColumns(previous.xs, ruled.xs))) return ruled;
  }
  return unruledTable(page.runs, page.segments, previous?.layout ?? null);
}

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] as number)) <= 2);
}

function detect(input: ReaderInput): number {
  const head = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, Math.min(input.bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-') ? 1 : 0;
}

export const pdfReader: Reader = {
  format: 'pdf',
  label: 'PDF 文档',
  detect,
  read: (input, options) => readPdf(input.file, input.bytes, options.map ?? {}),
};
