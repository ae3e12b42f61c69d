import mammoth from 'mammoth';
import { ImportError } from '../errors.js';
import { convertLegacy, detectLegacy, needsConversion } from '../legacy-office/index.js';
import type { HeaderOverrides } from '../header-map.js';
import type { Reader, ReaderInput } from '../reader.js';
import type { ReadResult } from '../record.js';
import { readHtml } from '../html/index.js';
import { extensionOf, zipKind } from '../xlsx/zip-kind.js';
import { readAsText } from '../pdf/as-text.js';

/**
 * Word documents: each table's rows (merged cells as rowspan/colspan, a table split across
 * pages with its header repeated) through the HTML table reader; a document without tables
 * is read as text by the text readers (a flowchart, a tab-separated list).
 */
export async function readDocx(file: string, bytes: Uint8Array, map: HeaderOverrides = {}): Promise<ReadResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch (cause) {
    throw new ImportError('bad-structure', file, '无法作为 Word 文档（.docx）打开：文件已损坏或不完整（ZIP 压缩包无法解开）', {}, { cause });
  }
  if (/<table[\s>]/i.test(html)) return readHtml(file, html, map);
  // mammoth ends every paragraph with a blank line; one paragraph is one line of the text.
  const text = (await mammoth.extractRawText({ buffer })).value.replace(/\n\n$/, '').split('\n\n').join('\n');
  if (!text.trim()) throw new ImportError('empty-file', file, 'Word 文档里没有任何文字');
  return readAsText(file, text, map, 'Word 文档');
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
