import { ImportError } from '../errors.js';

/*
 * mammoth's two readings of a Word document, run on a document thread (see readDocx): the
 * library's output as plain strings, which readDocx reads from there.
 */

/** The document as HTML (mammoth writes it on one line); a file that is not a readable DOCX becomes an ImportError naming it. */
export async function docxHtml(file: string, bytes: Uint8Array): Promise<string> {
  // Loaded on first use, as exceljs is for workbooks: most imports are text.
  const { default: mammoth } = await import('mammoth');
  try {
    return (await mammoth.convertToHtml({ buffer: asBuffer(bytes) })).value;
  } catch (cause) {
    throw new ImportError('bad-structure', file, '无法作为 Word 文档（.docx）打开：文件已损坏或不完整（ZIP 压缩包无法解开）', {}, { cause });
  }
}

/** The document's raw text: each paragraph followed by a blank line. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  return (await mammoth.extractRawText({ buffer: asBuffer(bytes) })).value;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
