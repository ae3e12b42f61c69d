import { type Finding, makeFinding } from '../../model/index.js';
import { ImportError } from '../errors.js';
import { zipKind } from '../xlsx/zip-kind.js';
import type { ReaderInput } from '../reader.js';
import { closeFinalTable } from './final-table.js';
import { type OleKind, oleKind } from './ole.js';
import { convertWithSoffice, findSoffice } from './soffice.js';

export { findSoffice, convertWithSoffice, INSTALL_HINT } from './soffice.js';
export { isOle, oleKind, type OleKind } from './ole.js';
export { closeFinalTable, type FinalTable } from './final-table.js';

const PASSWORD =
  '文件有密码保护（已加密），无法读取。请在 Excel/Word/WPS 中打开，取消密码（文件→信息→保护→用密码进行加密，清空密码）后另存，再导入';

/** Scores a compound file or an OpenDocument file for the XLSX or DOCX reader; encrypted files go to XLSX, which refuses them. */
export function detectLegacy(input: ReaderInput, target: 'xlsx' | 'docx'): number {
  const kind = sourceKind(input.bytes);
  if (kind === null) return 0;
  if (target === 'xlsx') return kind === 'xls' || kind === 'encrypted' || kind === 'ods' ? 1 : 0;
  return kind === 'doc' || kind === 'odt' ? 1 : 0;
}

/** True when the file is one LibreOffice must convert (or an encrypted one to refuse). */
export function needsConversion(bytes: Uint8Array): boolean {
  return sourceKind(bytes) !== null;
}

function sourceKind(bytes: Uint8Array): OleKind | 'ods' | 'odt' | null {
  const ole = oleKind(bytes);
  if (ole) return ole;
  const zip = zipKind(bytes);
  return zip === 'ods' || zip === 'odt' ? zip : null;
}

const MESSAGES = {
  converted: '已用 LibreOffice 把 .{from} 文件转换为 .{to} 文件后读取',
  'final-table-closed': '文件以表格结尾，缺少 Word 文档末尾应有的段落标记（LibreOffice 另存的 .doc 常见），已补上后再转换，否则最后一个表格会丢失',
  'final-table-open':
    '文件以表格结尾，缺少 Word 文档末尾应有的段落标记，LibreOffice 转换时最后一个表格可能丢失：请核对导入的事项数，或在 Word/WPS 中打开后另存为 .docx 再导入',
} as const;

/**
 * The .xlsx/.docx bytes of a legacy .xls/.doc or an OpenDocument .ods/.odt, converted by
 * LibreOffice, with findings saying so (and how a .doc was repaired first, see
 * closeFinalTable); an encrypted Office file is refused with what to do about it. `locate`
 * finds soffice (tests pass a lookup that finds none).
 */
export async function convertLegacy(
  input: ReaderInput,
  target: 'xlsx' | 'docx',
  locate: () => string | null = () => findSoffice(),
): Promise<{ bytes: Uint8Array; findings: Finding[] }> {
  const kind = sourceKind(input.bytes);
  if (kind === 'encrypted') throw new ImportError('unsupported-format', input.file, PASSWORD);
  if (kind === null || kind === 'other') {
    throw new ImportError('unsupported-format', input.file, '这是 Office 复合文档，但既不是 Word（.doc）也不是 Excel（.xls）文件');
  }
  const place = { file: input.file };
  const findings: Finding[] = [];
  let source = input.bytes;
  if (kind === 'doc') {
    const final = closeFinalTable(input.bytes);
    if (final.state === 'repaired') {
      source = final.bytes;
      findings.push(makeFinding('ingest/final-table-closed', MESSAGES, 'final-table-closed', 'info', place));
    } else if (final.state === 'unrepairable') {
      findings.push(makeFinding('ingest/final-table-open', MESSAGES, 'final-table-open', 'warning', place));
    }
  }
  const bytes = await convertWithSoffice(locate(), input.file, source, kind, target);
  findings.unshift(makeFinding('ingest/converted', MESSAGES, 'converted', 'info', place, { from: kind, to: target }));
  return { bytes, findings };
}
