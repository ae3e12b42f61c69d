import type ExcelJS from 'exceljs';
import { ImportError } from '../errors.js';
import { checkZipBudget } from '../zip-budget.js';
import { type MergeRange, type TableBlock, applyMerges } from '../grid/index.js';
import { cellValueText } from './cell-text.js';

/** A worksheet as a table: its values by row number, merged ranges made explicit. */
export interface Sheet {
  name: string;
  table: TableBlock;
}

/**
 * Opens a workbook and returns its non-empty worksheets in order. A file that is not a
 * readable XLSX (truncated, corrupt, encrypted) becomes an ImportError naming the file.
 */
export async function loadSheets(file: string, bytes: Uint8Array): Promise<Sheet[]> {
  await checkZipBudget(file, bytes);
  // Loaded on first use: exceljs takes a quarter of a second to load, and most imports are text.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new ImportError('bad-structure', file, '无法作为 Excel 工作簿（.xlsx）打开：文件已损坏或不完整（ZIP 压缩包无法解开）', {}, { cause });
  }
  return workbook.worksheets.flatMap((worksheet) => {
    const table = sheetTable(worksheet);
    return table ? [{ name: worksheet.name, table }] : [];
  });
}

function sheetTable(worksheet: ExcelJS.Worksheet): TableBlock | null {
  const values: string[][] = [];
  const lines: number[] = [];
  const masters = new Map<string, MergeRange>();
  let any = false;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (cell.isMerged) {
        const master = cell.master;
        const key = master.address;
        const range = masters.get(key) ?? { top: Number(master.row) - 1, left: Number(master.col) - 1, bottom: 0, right: 0 };
        range.bottom = Math.max(range.bottom, rowNumber - 1, range.top);
        range.right = Math.max(range.right, col - 1, range.left);
        masters.set(key, range);
        if (master !== cell) return;
      }
      const text = cellValueText(cell.value);
      texts[col - 1] = text;
      if (text.trim()) any = true;
    });
    values[rowNumber - 1] = Array.from(texts, (text) => text ?? '');
  });
  if (!any) return null;
  // Rows Excel stores nothing for stay empty, so that a row's index is its row number.
  const dense = Array.from(values, (row) => row ?? []);
  for (let i = 0; i < dense.length; i++) lines.push(i + 1);
  return { kind: 'table', rows: applyMerges(dense, [...masters.values()]), lines, name: worksheet.name };
}
