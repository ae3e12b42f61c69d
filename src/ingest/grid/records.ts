import { type FieldName, type Finding, type Place, makeFinding } from '../../model/index.js';
import { type HeaderOverrides, looksLikeHeaderRow, mapHeader, normalizeHeader } from '../header-map.js';
import { readerFinding } from '../reader-finding.js';
import type { RawRecord, ReadResult } from '../record.js';
import { type TableLine, readHeaderedRows } from '../table-rows.js';
import { type Block, type Slot, type TableBlock, colSpanAt, isVerticallyMerged, joinWrapped, slotText } from './blocks.js';

const MESSAGES = {
  'filled-down': '第 {line} 行只填写了子项，已沿用上一行事项的“{headers}”',
  'continued-row': '第 {line} 行续接上一页（或上一表格）末行，已并入该行',
} as const;

function gridFinding(messageId: keyof typeof MESSAGES, place: Place, data: Record<string, string | number>): Finding {
  return makeFinding(`ingest/${messageId}`, MESSAGES, messageId, 'info', place, data);
}

/** Item-level cells a sub-item row leaves blank when its table was unmerged (CSV, copied tables). */
const FILL_DOWN: ReadonlySet<FieldName> = new Set(['seq', 'powerType', 'name', 'subject', 'office', 'localCode', 'serviceLevel']);

interface DataRow {
  table: TableBlock;
  /** The row's index in `table` (of its last part, when a page break cut it). */
  r: number;
  lastLine: number;
  cells: string[];
  /** Columns whose text comes from a range merged over several rows. */
  sharedColumns: number[];
}

/**
 * Turns tables (with merged ranges made explicit) into records, through the same
 * header-row logic as the text tables (`readHeaderedRows`), adding what grids have:
 * - rows above the header (a title, 填报单位 lines) and rows of one merged cell inside the
 *   table (section headings such as “一、行政许可”) are text, kept as residue;
 * - a two-row header (“追责” over “情形 | 依据”) is composed into one header per column;
 * - a header repeated at the top of each page or continued table is recognised again;
 * - a cell merged down over several rows (an item's 事项名称 over its 子项 rows) is given
 *   to each row and marked shared, so each (item, sub-item) row is one record;
 * - a row that only fills in 子项 takes its item's cells from the row above (filled down);
 * - the first row of a continued table with no identifying cell continues the last row;
 * - unnumbered rows get the number a reader would count (impliedSeq).
 */
export function readGrid(file: string, blocks: readonly Block[], map: HeaderOverrides = {}): ReadResult {
  const lines: TableLine[] = [];
  const dataRows: DataRow[] = [];
  const findings: Finding[] = [];
  let fields: (FieldName | null)[] | null = null;
  let last: DataRow | null = null;
  for (const block of blocks) {
    if (block.kind === 'text') {
      if (block.text.trim()) lines.push({ line: block.line, raw: block.text, cells: null });
      continue;
    }
    const { rows } = block;
    let firstOfTable = true;
    // A later table without a header of its own continues the list only when it is about as
    // wide: a page's footer or contact table (主办单位 | 网站标识码 | ICP备案号) is text.
    let foreign = fields !== null && !mayContinue(rows, fields.length);
    for (let r = 0; r < rows.length; r++) {
      const line: number = block.lines[r] ?? r + 1;
      const texts = (rows[r] ?? []).map((_, c) => slotText(rows, r, c));
      const filled = texts.filter((text) => text.trim() !== '');
      if (filled.length === 0) continue;
      if (mayBeHeader(filled) && looksLikeHeaderRow(texts)) {
        const twoRows = isSubHeader(rows, r);
        const headers = (twoRows ? composeHeaders(rows, r, map) : texts).map(normalizeHeader);
        fields = headers.map((header) => mapHeader(header, map));
        lines.push({ line, raw: texts.join('\t'), cells: headers });
        if (twoRows) r++;
        foreign = false;
        continue;
      }
      if (fields === null || foreign || isTextRow(rows, r, texts)) {
        lines.push({ line, raw: filled.join('  '), cells: null });
        continue;
      }
      const cells = fitRow(texts, fields.length);
      if (firstOfTable && last && last.table !== block && isContinuation(cells, fields)) {
        const before = last;
        cells.forEach((text, c) => {
          if (!text.trim()) return;
          const wrapped = before.table.rows[before.r]?.[c]?.endsWrapped ?? false;
          before.cells[c] = joinWrapped(before.cells[c] ?? '', text, wrapped);
        });
        Object.assign(before, { table: block, r, lastLine: line });
        findings.push(gridFinding('continued-row', { file, line }, { line }));
        firstOfTable = false;
        continue;
      }
      firstOfTable = false;
      const sharedColumns = cells.flatMap((text, c) => (text.trim() && isVerticallyMerged(rows, r, c) ? [c] : []));
      last = { table: block, r, lastLine: line, cells, sharedColumns };
      dataRows.push(last);
      lines.push({ line, raw: texts.join('\t'), cells });
    }
  }
  const result = readHeaderedRows(file, titleFirst(lines), map);
  // readHeaderedRows makes one record per data line, in order.
  result.records.forEach((record, i) => {
    const row = dataRows[i];
    if (!row) return;
    record.lastLine = row.lastLine;
    const shared = row.sharedColumns.flatMap((c) => (record.cells[c] ? [record.cells[c].header] : []));
    if (shared.length > 0) record.shared = shared;
  });
  const lookup = fieldLookup(map);
  fillDown(file, result.records, lookup, findings);
  implySeq(file, result.records, lookup, findings);
  result.findings.push(...findings);
  return result;
}

/** A line that names a list, as titles do: “…权责清单”, “…责任清单（2023年版）”. */
const TITLE_LINE = /清单(（[^）]*）|\([^)]*\))?$/;

/**
 * Pages put navigation, dates and 填报单位 lines above a list; the line that names the list
 * is its title (the first text above the header is taken as the title), so it goes first;
 * of several, the one nearest the table (a page's <title> comes before its heading).
 */
function titleFirst(lines: TableLine[]): TableLine[] {
  const header = lines.findIndex((line) => line.cells !== null);
  const above = header === -1 ? lines : lines.slice(0, header);
  const title = above.findLastIndex((line) => TITLE_LINE.test(line.raw.trim()));
  if (title <= 0) return lines;
  return [lines[title] as TableLine, ...lines.slice(0, title), ...lines.slice(title + 1)];
}

/**
 * A cheap test that rules out data rows before the header test, which normalises every cell:
 * header names are short, and a header row needs three of them making half its cells.
 */
function mayBeHeader(filled: readonly string[]): boolean {
  const short = filled.filter((text) => text.length <= 64).length;
  return short >= 3 && short * 2 >= filled.length;
}

/**
 * Whether a table with no header row could carry on a list of `columns` columns: a table a
 * page break or a page's layout split off keeps at least half of them (merged or dropped
 * empty columns aside).
 */
function mayContinue(rows: readonly (readonly Slot[])[], columns: number): boolean {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  return width * 2 >= columns;
}

function fitRow(texts: readonly string[], width: number): string[] {
  let end = texts.length;
  while (end > width && !texts[end - 1]?.trim()) end--;
  return Array.from({ length: Math.max(end, width) }, (_, c) => texts[c] ?? '');
}

/** A row of one text that spans columns, or a lone first-column text that is not a number. */
function isTextRow(rows: readonly (readonly Slot[])[], r: number, texts: readonly string[]): boolean {
  const at = texts.flatMap((text, c) => (text.trim() ? [c] : []));
  if (at.length !== 1) return false;
  const c = at[0] as number;
  if (colSpanAt(rows, r, c) >= 2) return true;
  return c === 0 && !/^[0-9０-９]+$/.test((texts[0] ?? '').trim());
}

/**
 * The row under a header is its second row when each of its texts is short and stands under
 * a header cell spanning several columns (merged, or followed by blank header cells as in CSV).
 */
function isSubHeader(rows: readonly (readonly Slot[])[], r: number): boolean {
  const top = rows[r] ?? [];
  const below = rows[r + 1];
  if (!below) return false;
  let found = false;
  for (let c = 0; c < below.length; c++) {
    const slot = below[c] as Slot;
    if (slot.coveredBy || !slot.text.trim()) continue;
    if (slot.text.trim().length > 20 || !spansAbove(top, c)) return false;
    found = true;
  }
  return found;
}

function spansAbove(top: readonly Slot[], c: number): boolean {
  const slot = top[c];
  if (!slot) return true;
  if (slot.coveredBy) return slot.coveredBy.left > 0;
  if ((slot.span?.cols ?? 1) > 1 || !slot.text.trim()) return true;
  const next = top[c + 1];
  return next !== undefined && !next.coveredBy && !next.text.trim();
}

/** One header per column from a two-row header: the lower text when it names a field, else both. */
function composeHeaders(rows: readonly (readonly Slot[])[], r: number, map: HeaderOverrides): string[] {
  const top = rows[r] ?? [];
  const below = rows[r + 1] ?? [];
  return top.map((_, c) => {
    const sub = below[c]?.coveredBy ? '' : (below[c]?.text.trim() ?? '');
    const upper = headerAbove(top, c, sub !== '');
    if (!sub) return upper;
    if (!upper || mapHeader(sub, map)) return sub;
    if (mapHeader(upper + sub, map)) return upper + sub;
    return `${upper}/${sub}`;
  });
}

function headerAbove(top: readonly Slot[], c: number, hasSub: boolean): string {
  const slot = top[c];
  if (!slot) return '';
  if (slot.coveredBy) return top[c - slot.coveredBy.left]?.text.trim() ?? '';
  if (slot.text.trim() || !hasSub) return slot.text.trim();
  for (let k = c - 1; k >= 0; k--) {
    const left = top[k] as Slot;
    if (left.coveredBy) return '';
    if (left.text.trim()) return left.text.trim();
  }
  return '';
}

/**
 * The first row of a continued table (the next page) continues the last row when the short
 * cells a row always completes first are empty: 序号 and 权力类型. A longer 事项名称 may run
 * on; a row with only a 子项 is the next sub-item of a merged item, not a continuation.
 */
function isContinuation(cells: readonly string[], fields: readonly (FieldName | null)[]): boolean {
  const text = (field: FieldName) => {
    const c = fields.indexOf(field);
    return c === -1 ? null : (cells[c]?.trim() ?? '');
  };
  const [seq, type, name, sub] = [text('seq'), text('powerType'), text('name'), text('subItem')];
  if (name === null || (seq === null && type === null)) return false;
  if (seq || type) return false;
  if (!name && sub) return false;
  return cells.some((cell) => cell.trim() !== '');
}

/** Header → field, looked up once per header: records repeat the same few headers. */
type FieldLookup = (header: string) => FieldName | null;

function fieldLookup(map: HeaderOverrides): FieldLookup {
  const cache = new Map<string, FieldName | null>();
  return (header) => {
    let field = cache.get(header);
    if (field === undefined) cache.set(header, (field = mapHeader(header, map)));
    return field;
  };
}

function fieldOf(record: RawRecord, field: FieldName, lookup: FieldLookup) {
  return record.cells.find((cell) => lookup(cell.header) === field);
}

function fillDown(file: string, records: RawRecord[], map: FieldLookup, findings: Finding[]): void {
  records.forEach((record, i) => {
    const previous = records[i - 1];
    const blank = (field: FieldName) => !fieldOf(record, field, map)?.raw.trim();
    if (!previous || !fieldOf(previous, 'name', map)?.raw.trim()) return;
    if (!blank('seq') || !blank('powerType') || !blank('name') || blank('subItem')) return;
    const copied: string[] = [];
    for (const cell of record.cells) {
      const field = map(cell.header);
      if (!field || !FILL_DOWN.has(field) || cell.raw.trim()) continue;
      const above = previous.cells.find((c) => c.header === cell.header);
      if (!above?.raw.trim()) continue;
      cell.raw = above.raw;
      copied.push(cell.header);
    }
    if (copied.length === 0) return;
    record.shared = [...new Set([...(record.shared ?? []), ...copied])];
    findings.push(gridFinding('filled-down', { file, line: record.firstLine, record: record.record }, { line: record.firstLine, headers: copied.join('、') }));
  });
}

function implySeq(file: string, records: RawRecord[], map: FieldLookup, findings: Finding[]): void {
  let previous = 0;
  let implied = false;
  for (const record of records) {
    const seq = fieldOf(record, 'seq', map)?.raw.trim() ?? '';
    if (/^[0-9０-９]{1,5}$/.test(seq)) {
      const value = Number(seq.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
      if (implied && value !== previous + 1) {
        findings.push(
          readerFinding('implied-seq-gap', 'warning', { file, line: record.firstLine, record: record.record }, { implied: previous, next: value }),
        );
      }
      previous = value;
      implied = false;
    } else if (!seq && fieldOf(record, 'name', map)?.raw.trim()) {
      record.impliedSeq = ++previous;
      implied = true;
    }
  }
}
