import { ImportError, isImportError } from '../errors.js';
import { type Block, readGrid } from '../grid/index.js';
import { convertLegacy, detectLegacy, needsConversion } from '../legacy-office/index.js';
import type { HeaderOverrides } from '../header-map.js';
import type { Reader, ReaderInput } from '../reader.js';
import { type ReadResult, emptyReadResult } from '../record.js';
import { shiftResult } from '../shift.js';
import { loadSheets } from './sheets.js';
import { extensionOf, zipKind } from './zip-kind.js';

export { extensionOf, isZip, zipKind } from './zip-kind.js';

/**
 * Reads every worksheet that holds a list (a sheet per power type is common) and joins
 * their records in order. Sheets without a header row (说明, 封面) are kept as residue.
 */
export async function readWorkbook(file: string, bytes: Uint8Array, map: HeaderOverrides = {}): Promise<ReadResult> {
  const sheets = await loadSheets(file, bytes);
  if (sheets.length === 0) throw new ImportError('empty-file', file, '工作簿里没有任何内容：所有工作表都是空的');
  return readTables(
    file,
    sheets.map((sheet) => ({ name: sheet.name, blocks: [sheet.table] })),
    map,
  );
}

/**
 * Joins the results of several tables read on their own (worksheets), renumbering records.
 * Records and findings name their worksheet (rows are numbered per sheet), a finding in its
 * place only, where every renderer reads it (placeText). A table with no list header is kept
 * as residue; if none has one, the first error is thrown with the table's name.
 */
export function readTables(file: string, tables: readonly { name: string; blocks: readonly Block[] }[], map: HeaderOverrides): ReadResult {
  const joined = emptyReadResult();
  const several = tables.length > 1;
  let firstError: ImportError | null = null;
  const unread: { name: string; blocks: readonly Block[]; error: ImportError }[] = [];
  for (const { name, blocks } of tables) {
    let result: ReadResult;
    try {
      result = readGrid(file, blocks, map);
    } catch (error) {
      if (!isImportError(error)) throw error;
      firstError ??= new ImportError(error.code, file, several ? `工作表“${name}”：${error.detail}` : error.detail, error.place, { cause: error, advice: error.advice });
      unread.push({ name, blocks, error });
      continue;
    }
    const shifted = shiftResult(result, 0, joined.records.length);
    joined.title ??= shifted.title;
    for (const column of shifted.columns) {
      if (!joined.columns.some((c) => c.header === column.header)) joined.columns.push(column);
    }
    joined.records.push(...shifted.records.map((record) => ({ ...record, sheet: name })));
    joined.residue.push(...shifted.residue.map((r) => (several ? { ...r, reason: `${r.reason}（工作表“${name}”）` } : r)));
    joined.findings.push(...shifted.findings.map((f) => ({ ...f, place: { ...f.place, sheet: name } })));
  }
  if (joined.records.length === 0) throw firstError ?? new ImportError('bad-structure', file, '没有找到任何清单表格');
  for (const { name, blocks } of unread) {
    for (const block of blocks) {
      const rows = block.kind === 'text' ? [{ line: block.line, text: block.text }] : block.rows.map((row, r) => ({ line: block.lines[r] ?? r + 1, text: row.map((s) => s.text).filter((t) => t.trim()).join('  ') }));
      for (const { line, text } of rows) {
        if (text.trim()) joined.residue.push({ text, firstLine: line, lastLine: line, reason: `没有清单表头的工作表“${name}”` });
      }
    }
  }
  return joined;
}

function detect(input: ReaderInput): number {
  if (needsConversion(input.bytes)) return detectLegacy(input, 'xlsx');
  const kind = zipKind(input.bytes);
  if (kind === 'xlsx') return 1;
  // A ZIP too damaged to name its parts: the extension decides, and reading reports the damage.
  if (kind === 'zip') return ['xlsx', 'xlsm'].includes(extensionOf(input.file)) ? 0.6 : 0.3;
  return 0;
}

/**
 * Excel workbooks (.xlsx, .xlsm): several sheets, titles, two-row headers, merged cells.
 * Legacy .xls and OpenDocument .ods are converted by LibreOffice first; an
 * encrypted workbook is refused.
 */
export const xlsxReader: Reader = {
  format: 'xlsx',
  label: 'Excel 工作簿',
  detect,
  async read(input, options) {
    if (!needsConversion(input.bytes)) return readWorkbook(input.file, input.bytes, options.map ?? {});
    const converted = await convertLegacy(input, 'xlsx');
    const result = await readWorkbook(input.file, converted.bytes, options.map ?? {});
    return { ...result, findings: [...converted.findings, ...result.findings] };
  },
};
