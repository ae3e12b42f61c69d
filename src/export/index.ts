import type { PowerList } from '../model/index.js';
import { writeCsv } from './csv/index.js';
import { writeJson } from './json/index.js';
import { writeMarkdown } from './markdown/index.js';
import { writeXlsx } from './xlsx/index.js';

export { writeCsv, csvField } from './csv/index.js';
export { writeJson } from './json/index.js';
export { markdownCell, writeMarkdown } from './markdown/index.js';
export { writeXlsx } from './xlsx/index.js';
export { cellValue, exportColumns, mergeRuns, type ExportColumn } from './table/index.js';

/** The formats a list can be written in, with their file extensions. */
export const EXPORT_FORMATS = ['xlsx', 'csv', 'md', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Writes a list in one of the export formats, as the bytes of the file.
 *
 * @example await exportList(list, 'csv') // UTF-8 with BOM, opens in Excel
 */
export async function exportList(list: PowerList, format: ExportFormat): Promise<Uint8Array> {
  switch (format) {
    case 'xlsx':
      return writeXlsx(list);
    case 'csv':
      return new TextEncoder().encode(writeCsv(list));
    case 'md':
      return new TextEncoder().encode(writeMarkdown(list));
    case 'json':
      return new TextEncoder().encode(writeJson(list));
  }
}

/**
 * What a format leaves out of a list, in Chinese, for the CLI to tell the user: process
 * sheets have no place in CSV and are only written for reading in XLSX and Markdown.
 */
export function exportNotes(list: PowerList, format: ExportFormat): string[] {
  const notes: string[] = [];
  const sheets = list.processSheets.length;
  if (format === 'csv' && sheets > 0) {
    notes.push(`清单含 ${sheets} 张流程图，CSV 无法容纳，未写入；完整保存请用 --to json，供阅读可用 --to xlsx 或 md`);
  } else if (format !== 'json' && sheets > 0) {
    notes.push(`清单含 ${sheets} 张流程图，已写成供阅读的${format === 'xlsx' ? '工作表' : '章节'}；重新导入只能读回事项，流程图的完整数据请用 --to json 保存`);
  }
  if (format !== 'json' && list.items.length === 0) notes.push('清单没有任何事项，表格中没有事项行');
  return notes;
}
