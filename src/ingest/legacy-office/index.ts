import { ImportError } from '../errors.js';
import type { ReaderInput } from '../reader.js';
import { oleKind } from './ole.js';
import { convertWithSoffice, findSoffice } from './soffice.js';

export { findSoffice, convertWithSoffice, INSTALL_HINT } from './soffice.js';
export { isOle, oleKind, type OleKind } from './ole.js';

const PASSWORD =
  '文件有密码保护（已加密），无法读取。请在 Excel/Word/WPS 中打开，取消密码（文件→信息→保护→用密码进行加密，清空密码）后另存，再导入';

/** Scores a compound file for the XLSX (.xls) or DOCX (.doc) reader; encrypted files go to XLSX, which refuses them. */
export function detectLegacy(input: ReaderInput, target: 'xlsx' | 'docx'): number {
  const kind = oleKind(input.bytes);
  if (kind === null) return 0;
  if (target === 'xlsx') return kind === 'xls' || kind === 'encrypted' ? 1 : 0;
  return kind === 'doc' ? 1 : 0;
}

/**
 * The .xlsx/.docx bytes of a legacy .xls/.doc, converted by LibreOffice; an encrypted
 * Office file is refused with what to do about it. `locate` finds soffice (tests pass a
 * lookup that finds none).
 */
export async function convertLegacy(
  input: ReaderInput,
  target: 'xlsx' | 'docx',
  locate: () => string | null = () => findSoffice(),
): Promise<Uint8Array> {
  const kind = oleKind(input.bytes);
  if (kind === 'encrypted') throw new ImportError('unsupported-format', input.file, PASSWORD);
  if (kind !== 'xls' && kind !== 'doc') {
    throw new ImportError('unsupported-format', input.file, '这是 Office 复合文档，但既不是 Word（.doc）也不是 Excel（.xls）文件');
  }
  return convertWithSoffice(locate(), input.file, input.bytes, kind, target);
}
