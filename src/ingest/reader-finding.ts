import { type Finding, type Place, type Severity, makeFinding } from '../model/index.js';

/** Chinese wording of every reader diagnostic, keyed by message id. */
const MESSAGES = {
  'missing-cells': '记录缺少尾部单元格：{missing}',
  'extra-cells': '记录比表头多出 {count} 个单元格，已按列号保留',
  'implied-seq-gap': '未编号的记录推断到第 {implied} 项，但下一条编号为 {next}',
  'row-shape': '表格行的单元格数为 {count}，表头为 {expected}',
  'stray-line': '表格之外的文字，已保留',
  'header-without-rows': '表头行之后没有数据行，已作为文字保留',
  'unused-map': '--map 指定的列“{header}”在文件中不存在，未起作用',
} as const;

export type ReaderMessageId = keyof typeof MESSAGES;

export function readerFinding(
  messageId: ReaderMessageId,
  severity: Severity,
  place: Place,
  data: Record<string, string | number> = {},
): Finding {
  return makeFinding(`ingest/${messageId}`, MESSAGES, messageId, severity, place, data);
}
