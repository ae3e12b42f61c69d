import { type Finding, makeFinding } from '../../model/index.js';
import { ImportError } from '../errors.js';
import { zipKind } from '../xlsx/zip-kind.js';
import type { ReaderInput } from '../reader.js';
import { type OleKind, oleKind } from './ole.js';
import { convertWithSoffice, findSoffice } from './soffice.js';

export { findSoffice, convertWithSoffice, INSTALL_HINT } from './soffice.js';
export { isOle, oleKind, type OleKind } from './ole.js';

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

const MESSAGES = { converted: '已用 LibreOffice 把 .{from} 文件转换为 .{to} 文件后读取' } as const;

/**
 * The .xlsx/.docx bytes of a legacy .xls/.doc or an OpenDocument .ods/.odt, converted by
 * LibreOffice, with a finding saying so; an encrypted Office file is refused with what to do
 * about it. `locate` finds soffice (tests pass a lookup that finds none).
 */
export async function convertLegacy(
  input: ReaderInput,
  target: 'xlsx' | 'docx',
  locate: () => string | null = () => findSoffice(),
): Promise<{ bytes: Uint8Array; finding: Finding }> {
  const kind = sourceKind(input.bytes);
  if (kind === 'encrypted') throw new ImportError('unsupported-format', input.file, PASSWORD);
  if (kind === null || kind === 'other') {
    throw new ImportError('unsupported-format', input.file, '这是 Office 复合文档，但既不是 Word（.doc）也不是 Excel（.xls）文件');
  }
  const bytes = await convertWithSoffice(locate(), input.file, input.bytes, kind, target);
  const finding = makeFinding('ingest/converted', MESSAGES, 'converted', 'info', { file: input.file }, { from: kind, to: target });
  return { bytes, finding };
}
