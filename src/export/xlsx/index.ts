import type ExcelJS from 'exceljs';
import type { FieldName, PowerList, ProcessSheet } from '../../model/index.js';
import { type ExportColumn, cellValue, exportColumns, listTitle, mergeRuns, sheetFacts } from '../table/index.js';

/** Column widths (in characters) by field, as published lists set them. */
const WIDTHS: Partial<Record<FieldName, number>> = {
  seq: 6,
  powerType: 10,
  name: 26,
  subItem: 18,
  subject: 16,
  office: 14,
  basis: 50,
  duties: 50,
  dutyBasis: 45,
  accountability: 45,
  accountabilityBasis: 40,
  exemption: 30,
  remark: 16,
  localCode: 34,
  subLocalCode: 34,
  serviceLevel: 10,
  statutoryLimit: 14,
  promisedLimit: 14,
};

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** The row the header is on; the title is above it. */
const HEADER_ROW = 2;

/**
 * The list as a workbook laid out like an official list: a title row across the table, a
 * frozen header row that repeats on every printed page, wrapped cells, one row per item or
 * sub-item with an item's cells merged over its sub-item rows. Each process sheet (流程图)
 * gets a worksheet of its own.
 *
 * @example await writeXlsx(list) // Uint8Array of an .xlsx file
 */
export async function writeXlsx(list: PowerList): Promise<Uint8Array> {
  // Loaded on first use: exceljs takes a quarter of a second to load, which every command that
  // can export (check, diff, serve) would pay at start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'quanze';
  if (list.items.length > 0 || list.processSheets.length === 0) addListSheet(workbook, list);
  list.processSheets.forEach((sheet, i) => {
    addProcessSheet(workbook, sheet, i);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addListSheet(workbook: ExcelJS.Workbook, list: PowerList): void {
  const columns = exportColumns(list);
  const sheet = workbook.addWorksheet('权责清单', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { orientation: 'landscape', paperSize: 8 as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  sheet.columns = columns.map((column) => ({ width: widthOf(column) }));
  const width = Math.max(1, columns.length);
  const title = sheet.getRow(1);
  title.getCell(1).value = listTitle(list);
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 32;
  if (width > 1) sheet.mergeCells(1, 1, 1, width);

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, c) => {
    const cell = header.getCell(c + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = BORDER;
  });
  list.items.forEach((item, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    columns.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      // Always text: a 序号 or code written as a number would lose its form (leading zeros, long digits).
      cell.value = cellValue(item, column);
      cell.numFmt = '@';
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
    });
  });
  for (const run of mergeRuns(list.items, columns)) {
    sheet.mergeCells(HEADER_ROW + 1 + run.from, run.column + 1, HEADER_ROW + 1 + run.to, run.column + 1);
    sheet.getCell(HEADER_ROW + 1 + run.from, run.column + 1).alignment = { vertical: 'middle', wrapText: true };
  }
  if (list.items.length > 0) {
    sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: width } };
  }
}

function widthOf(column: ExportColumn): number {
  return (column.field && WIDTHS[column.field]) || 20;
}

/** A flowchart as a two-column sheet of labelled facts, then its conditions, materials and steps. */
function addProcessSheet(workbook: ExcelJS.Workbook, process: ProcessSheet, index: number): void {
  const name = `流程图${index + 1}`;
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [{ width: 14 }, { width: 60 }, { width: 18 }, { width: 30 }];
  const title = sheet.addRow([process.title]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, 4);
  for (const [label, value] of sheetFacts(process)) sheet.addRow([label, value]);
  const list = (label: string, entries: readonly string[]) => {
    entries.forEach((entry, i) => {
      sheet.addRow([i === 0 ? label : '', `${i + 1}. ${entry}`]);
    });
  };
  list('申请条件', process.conditions);
  list('提交材料', process.materials);
  if (process.steps.length > 0) {
    const head = sheet.addRow(['序号', '办理环节', '时限', '文书']);
    head.font = { bold: true };
    process.steps.forEach((step, i) => {
      sheet.addRow([String(i + 1), step.name, step.deadline?.raw ?? '', step.documents.join('、')]);
    });
  }
  sheet.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
}
