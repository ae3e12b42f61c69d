import { readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { csvReader } from '../../src/ingest/csv/index.js';
import { importBytes, importFile } from '../../src/ingest/index.js';
import { xlsxReader } from '../../src/ingest/xlsx/index.js';
import { fmt, printTable } from '../measure.js';
import { benchFiles } from './generate.js';

async function timed<T>(work: () => Promise<T> | T): Promise<{ seconds: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, value };
}

/**
 * bench/formats: importing a 50k-row XLSX and a 50k-row CSV (MB/s, rows/s), beside exceljs
 * reading the same workbook's every cell and papaparse parsing the same CSV, in the same run.
 * quanze does more than its peers: header mapping, merged cells, and every cell through its
 * grammar (provisions, duties, accountability); the ratios say what that costs.
 */
export async function run(): Promise<void> {
  const rows = Number(process.env.QUANZE_BENCH_FORMATS_ROWS ?? 50_000);
  const { xlsx, csv } = await benchFiles(rows);
  const xlsxMb = statSync(xlsx).size / 1e6;
  const csvMb = statSync(csv).size / 1e6;

  const exceljs = await timed(async () => {
    const workbook = await new ExcelJS.Workbook().xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
    let cells = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell(() => {
          cells++;
        });
      });
    }
    return cells;
  });
  const readerXlsx = await timed(async () => (await xlsxReader.read({ file: 'bench.xlsx', bytes: new Uint8Array(readFileSync(xlsx)) }, {})).records.length);
  const quanzeXlsx = await timed(() => importBytes('bench.xlsx', new Uint8Array(readFileSync(xlsx))));
  const papa = await timed(() => Papa.parse<string[]>(readFileSync(csv, 'utf8'), { skipEmptyLines: true }).data.length);
  const readerCsv = await timed(async () => {
    const text = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '');
    return (await csvReader.read({ file: 'bench.csv', bytes: new Uint8Array(), text }, {})).records.length;
  });
  const quanzeCsv = await timed(() => importFile(csv));

  for (const [label, count] of [
    ['XLSX 读取', readerXlsx.value],
    ['CSV 读取', readerCsv.value],
  ] as const) {
    if (count !== rows) throw new Error(`bench/formats: ${label}得到 ${count} 条记录，应为 ${rows}`);
  }
  for (const [label, list] of [
    ['XLSX', quanzeXlsx.value],
    ['CSV', quanzeCsv.value],
  ] as const) {
    if (list.items.length !== rows) throw new Error(`bench/formats: ${label} 导入了 ${list.items.length} 项，应为 ${rows}`);
  }
  const line = (name: string, mb: number, seconds: number) => ({ 测试: name, 'MB': fmt(mb), '秒': fmt(seconds, 2), 'MB/s': fmt(mb / seconds, 2), '行/s': fmt(rows / seconds, 0) });
  printTable(`bench/formats：${rows} 行清单（XLSX ${fmt(xlsxMb)} MB，CSV ${fmt(csvMb)} MB）`, [
    line('exceljs 读取工作簿（全部单元格）', xlsxMb, exceljs.seconds),
    line('quanze 读取 XLSX 为记录（不含单元格解析）', xlsxMb, readerXlsx.seconds),
    line('quanze 导入 XLSX（含解析）', xlsxMb, quanzeXlsx.seconds),
    line('papaparse 解析 CSV', csvMb, papa.seconds),
    line('quanze 读取 CSV 为记录（不含单元格解析）', csvMb, readerCsv.seconds),
    line('quanze 导入 CSV（含解析）', csvMb, quanzeCsv.seconds),
  ]);
  console.log(`读取 XLSX / exceljs = ${fmt((exceljs.seconds / readerXlsx.seconds) * 100)}% 的速度；读取 CSV / papaparse = ${fmt((papa.seconds / readerCsv.seconds) * 100)}% 的速度`);
  console.log(`导入 XLSX / exceljs 读取 = ${fmt((exceljs.seconds / quanzeXlsx.seconds) * 100)}% 的速度（用时 ${fmt(quanzeXlsx.seconds / exceljs.seconds, 2)} 倍）`);
  console.log(`导入 CSV / papaparse = ${fmt((papa.seconds / quanzeCsv.seconds) * 100)}% 的速度（用时 ${fmt(quanzeCsv.seconds / papa.seconds, 2)} 倍）`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
