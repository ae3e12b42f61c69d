import type ExcelJS from 'exceljs';
import { ImportError } from '../errors.js';
import type { MergeRange } from '../grid/index.js';
import { cellValueText } from './cell-text.js';

/** A worksheet's cell texts by row (row r is row number r + 1), and its merged ranges, as plain data. */
export interface SheetCells {
  name: string;
  values: string[][];
  merges: MergeRange[];
}

/**
 * Runs exceljs over a workbook, on a document thread (see loadSheets), and returns its
 * non-empty worksheets in order. A file that is not a readable XLSX (truncated, corrupt,
 * encrypted) becomes an ImportError naming the file.
 */
export async function workbookCells(file: string, bytes: Uint8Array): Promise<SheetCells[]> {
  // Loaded on first use: exceljs takes a quarter of a second to load, and most imports are text.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new ImportError('bad-structure', file, '无法作为 Excel 工作簿（.xlsx）打开：文件已损坏或不完整（ZIP 压缩包无法解开）', {}, { cause });
  }
  return workbook.worksheets.flatMap((worksheet) => {
    const cells = sheetCells(worksheet);
    return cells ? [cells] : [];
  });
}

function sheetCells(worksheet: ExcelJS.Worksheet): SheetCells | null {
  const values: string[][] = [];
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
  return { name: worksheet.name, values: Array.from(values, (row) => row ?? []), merges: [...masters.values()] };
}
