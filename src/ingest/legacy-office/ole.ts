/** What an OLE2 compound file (the container of .doc, .xls and encrypted .xlsx/.docx) holds. */
export type OleKind = 'doc' | 'xls' | 'encrypted' | 'other';

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

/** A stream name as the compound file's directory stores it (UTF-16LE). */
function utf16(name: string): Buffer {
  return Buffer.from(name, 'utf16le');
}

/**
 * Tells the kind by the stream names in the directory: EncryptedPackage (an .xlsx or
 * .docx saved with a password), WordDocument (.doc), Workbook or Book (.xls).
 */
export function oleKind(bytes: Uint8Array): OleKind | null {
  if (!isOle(bytes)) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes(utf16('EncryptedPackage'))) return 'encrypted';
  if (buffer.includes(utf16('WordDocument'))) return 'doc';
  if (buffer.includes(utf16('Workbook')) || buffer.includes(utf16('Book\0'))) return 'xls';
  return 'other';
}
