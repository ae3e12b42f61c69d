import { TextDecoder } from 'node:util';
import { ImportError } from './errors.js';

const UTF8_BOM = '\uFEFF';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * UTF-16 as Windows writes it: Notepad's “Unicode” and Excel's “Unicode 文本” start with a
 * byte order mark. Without one, UTF-16 is not told from binary data.
 */
function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * The encoding of a text file from its first bytes: UTF-16 by its byte order mark; UTF-8
 * when they are valid UTF-8 (a character cut at the end of `head` is allowed); otherwise
 * GB18030, the superset of GBK and GB2312 that government files use.
 */
export function detectEncoding(head: Uint8Array): TextEncoding {
  const utf16 = utf16ByBom(head);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** A decoder that throws a TypeError on bytes its encoding cannot have, and drops a byte order mark. */
export function textDecoder(encoding: TextEncoding): TextDecoder {
  return new TextDecoder(encoding, { fatal: true });
}

const NOT_TEXT: Record<TextEncoding, string> = {
  'utf-8': '文件既不是有效的 UTF-8，也不是 GB18030/GBK 编码的文本',
  gb18030: '文件既不是有效的 UTF-8，也不是 GB18030/GBK 编码的文本',
  'utf-16le': '文件以 UTF-16 字节序标记开头，但内容不是有效的 UTF-16 文本',
  'utf-16be': '文件以 UTF-16 字节序标记开头，但内容不是有效的 UTF-16 文本',
};

/**
 * Decodes a text file: UTF-16 with a byte order mark, UTF-8 (BOM removed) when it is valid
 * UTF-8, otherwise GB18030. Anything that is none of these is reported rather than decoded
 * into replacement characters.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  // Not detectEncoding: a whole file is tried as UTF-8 once, not checked and then decoded.
  const tried = utf16ByBom(bytes) ?? 'utf-8';
  try {
    const text = textDecoder(tried).decode(bytes);
    return { text: text.startsWith(UTF8_BOM) ? text.slice(1) : text, encoding: tried };
  } catch (cause) {
    if (tried !== 'utf-8') throw new ImportError('bad-encoding', file, NOT_TEXT[tried], {}, { cause });
  }
  try {
    return { text: textDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  } catch (cause) {
    throw new ImportError('bad-encoding', file, NOT_TEXT.gb18030, {}, { cause });
  }
}

/** Leading bytes of the binary containers lists come in: PDF, ZIP (XLSX/DOCX), OLE2 (XLS/DOC). */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // PK.. zip
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2 compound file
];

/**
 * True when the bytes look like text rather than a binary container: UTF-16 with its byte
 * order mark, or no known container signature and no NUL in the first 8 KiB (a PDF's first
 * pages are often NUL-free).
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (utf16ByBom(bytes)) return true;
  if (BINARY_SIGNATURES.some((sig) => sig.every((byte, i) => bytes[i] === byte))) return false;
  return !bytes.subarray(0, 8192).includes(0);
}
