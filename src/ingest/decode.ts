import { TextDecoder } from 'node:util';
import { ImportError } from './errors.js';

const UTF8_BOM = '\uFEFF';

/**
 * Decodes a text file: UTF-8 (BOM removed) when it is valid UTF-8, otherwise GB18030,
 * the superset of GBK and GB2312 that government files use. Anything that is neither
 * is reported rather than decoded into replacement characters.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.startsWith(UTF8_BOM) ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch (cause) {
      throw new ImportError('bad-encoding', file, '文件既不是有效的 UTF-8，也不是 GB18030/GBK 编码的文本', {}, { cause });
    }
  }
}

/** Leading bytes of the binary containers lists come in: PDF, ZIP (XLSX/DOCX), OLE2 (XLS/DOC). */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // PK.. zip
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2 compound file
];

/**
 * True when the bytes look like text rather than a binary container: no known container
 * signature and no NUL in the first 8 KiB (a PDF's first pages are often NUL-free).
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (BINARY_SIGNATURES.some((sig) => sig.every((byte, i) => bytes[i] === byte))) return false;
  return !bytes.subarray(0, 8192).includes(0);
}
