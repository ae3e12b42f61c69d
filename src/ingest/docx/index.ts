import { type Finding, makeFinding } from '../../model/index.js';
import { ImportError } from '../errors.js';
import { checkZipBudget } from '../zip-budget.js';
import { readOnThread } from '../document-thread/index.js';
import { convertLegacy, detectLegacy, needsConversion } from '../legacy-office/index.js';
import type { HeaderOverrides } from '../header-map.js';
import type { Reader, ReaderInput } from '../reader.js';
import type { ReadResult } from '../record.js';
import { readHtml } from '../html/index.js';
import { extensionOf, zipKind } from '../xlsx/zip-kind.js';
import { readAsText } from '../pdf/as-text.js';
import { runTogetherHeaders } from './lost-table.js';

const MESSAGES = {
  'lost-table': '第 {line} 段以连写的表头“{headers}”开头，是一个丢失了单元格边界的表格（LibreOffice 转换 .doc 时常见），其中的事项没有读入：请用 Word/WPS 打开原文件，另存为 .docx 后再导入',
} as const;
const LOST_TABLE_ERROR = '文字中有连写在一起的表头（{headers}），是一个丢失了单元格边界的表格（LibreOffice 转换 .doc 时常见），读不出事项：请用 Word/WPS 打开原文件，另存为 .docx 后再导入';

/**
 * Word documents: each table's rows (merged cells as rowspan/colspan, a table split across
 * pages with its header repeated) through the HTML table reader; a document without tables
 * is read as text by the text readers (a flowchart, a tab-separated list).
 */
export async function readDocx(file: string, bytes: Uint8Array, map: HeaderOverrides = {}): Promise<ReadResult> {
  await checkZipBudget(file, bytes);
  // mammoth reads the document on a document thread, with a deadline and a heap limit (readOnThread).
  const html = await readOnThread('docx-html', file, bytes);
  if (/<table[\s>]/i.test(html)) {
    // mammoth writes the document on one line; a line per paragraph and table row gives
    // records and findings the place a user counts to in the document (its Nth paragraph or row).
    const result = readHtml(file, html.replace(/<(p|tr|h[1-6]|li)[\s>]/g, '\n$&').replace(/^\n/, ''), map);
    result.findings.push(...lostTables(file, result.residue));
    return result;
  }
  // mammoth ends every paragraph with a blank line; one paragraph is one line of the text.
  const text = (await readOnThread('docx-text', file, bytes)).replace(/\n\n$/, '').split('\n\n').join('\n');
  if (!text.trim()) throw new ImportError('empty-file', file, 'Word 文档里没有任何文字');
  return readAsText(file, text, map, 'Word 文档').catch((error: unknown) => {
    const headers = text.split('\n').map(runTogetherHeaders).find((found) => found !== null);
    if (!(error instanceof ImportError) || !headers) throw error;
    throw new ImportError('bad-structure', file, LOST_TABLE_ERROR.replace('{headers}', headers.join('、')), {}, { cause: error });
  });
}

/** Text kept outside the tables that is a table run together into one paragraph: its items are not read, so say so. */
function lostTables(file: string, residue: readonly { text: string; firstLine: number }[]): Finding[] {
  return residue.flatMap((part) => {
    const headers = runTogetherHeaders(part.text);
    if (!headers) return [];
    const data = { line: part.firstLine, headers: headers.join('、') };
    return [makeFinding('ingest/lost-table', MESSAGES, 'lost-table', 'warning', { file, line: part.firstLine }, data)];
  });
}

function detect(input: ReaderInput): number {
  if (needsConversion(input.bytes)) return detectLegacy(input, 'docx');
  const kind = zipKind(input.bytes);
  if (kind === 'docx') return 1;
  if (kind === 'zip') return extensionOf(input.file) === 'docx' ? 0.6 : 0.2;
  return 0;
}

/** Word documents (.docx; legacy .doc and OpenDocument .odt converted by LibreOffice first). */
export const docxReader: Reader = {
  format: 'docx',
  label: 'Word 文档',
  detect,
  async read(input, options) {
    if (!needsConversion(input.bytes)) return readDocx(input.file, input.bytes, options.map ?? {});
    const converted = await convertLegacy(input, 'docx');
    const result = await readDocx(input.file, converted.bytes, options.map ?? {});
    return { ...result, findings: [...converted.findings, ...result.findings] };
  },
};
