import { readOnThread } from '../document-thread/index.js';
import { checkZipBudget } from '../zip-budget.js';
import { type TableBlock, applyMerges } from '../grid/index.js';

/** A worksheet as a table: its values by row number, merged ranges made explicit. */
export interface Sheet {
  name: string;
  table: TableBlock;
}

/**
 * Opens a workbook and returns its non-empty worksheets in order. exceljs reads it on a
 * document thread (workbookCells), with a deadline and a heap limit (readOnThread); a file
 * that is not a readable XLSX (truncated, corrupt, encrypted) becomes an ImportError naming
 * the file.
 */
export async function loadSheets(file: string, bytes: Uint8Array): Promise<Sheet[]> {
  await checkZipBudget(file, bytes);
  const sheets = await readOnThread('xlsx', file, bytes);
  return sheets.map(({ name, values, merges }) => ({
    name,
    table: { kind: 'table', rows: applyMerges(values, merges), lines: values.map((_, i) => i + 1), name },
  }));
}
