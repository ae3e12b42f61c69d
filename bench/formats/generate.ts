import { existsSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { cellValue, csvField, exportColumns } from '../../src/export/index.js';
import { importFile } from '../../src/ingest/index.js';
import { FIELD_LABELS } from '../../src/model/index.js';
import { OUT_DIR } from '../large-list.js';

const SAMPLES = ['000_02bf2a8e6665d46e', '001_7632346c82027c4f', '003_1a02e0d312fedcb4', '004_a6a5239ed012e120'];
const HEADER = ['序号', '权力类型', '事项名称', '子项', '实施主体', '承办机构', '实施依据', '责任事项', '责任事项依据', '追责情形', '追责依据', '免责情形', '备注'];
/** Cells are cut to this length: a 50k-row list of whole 000 cells would be 400 MB of text. */
const CELL_CHARS = 160;

/** Rows of the four table samples under one 13-column header, cycled to `count` rows, each name made unique. */
async function sampleRows(count: number): Promise<string[][]> {
  const source: string[][] = [];
  for (const name of SAMPLES) {
    const list = await importFile(fileURLToPath(new URL(`../../data/samples/${name}.txt`, import.meta.url)));
    const columns = exportColumns(list);
    for (const item of list.items) {
      source.push(
        HEADER.map((header) => {
          // Samples name some columns otherwise (项目名称, 行使主体): matched by field, shown under the canonical label.
          const column = columns.find((c) => c.field !== null && FIELD_LABELS[c.field] === header);
          return column ? cellValue(item, column).slice(0, CELL_CHARS) : '';
        }),
      );
    }
  }
  return Array.from({ length: count }, (_, i) => {
    const row = [...(source[i % source.length] as string[])];
    row[0] = String(i + 1);
    row[2] = `${row[2]}（${i + 1}）`;
    return row;
  });
}

/** A 50k-row list as XLSX (title row, header, rows) and as CSV (UTF-8 with BOM), reused between runs. */
export async function benchFiles(rows: number): Promise<{ xlsx: string; csv: string }> {
  await mkdir(OUT_DIR, { recursive: true });
  const xlsx = `${OUT_DIR}formats-${rows}.xlsx`;
  const csv = `${OUT_DIR}formats-${rows}.csv`;
  if (existsSync(xlsx) && existsSync(csv) && statSync(xlsx).size > 0) return { xlsx, csv };
  const data = await sampleRows(rows);
  const title = '基准测试权责清单';
  writeFileSync(csv, `\uFEFF${[[title], HEADER, ...data].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('权责清单');
  sheet.addRow([title]).commit();
  sheet.addRow(HEADER).commit();
  for (const row of data) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return { xlsx, csv };
}
