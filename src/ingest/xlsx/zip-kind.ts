/** What a ZIP container holds, judged by the entry names its local headers carry. */
export type ZipKind = 'xlsx' | 'docx' | 'ods' | 'odt' | 'zip';

const PK = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return PK.every((b, i) => bytes[i] === b);
}

/**
 * xlsx / docx / OpenDocument / any other zip, or null when the bytes are not a ZIP. Office
 * files name their parts in plain ASCII in each local header (OpenDocument stores its mimetype
 * first, uncompressed), so even a truncated file says what it is.
 */
export function zipKind(bytes: Uint8Array): ZipKind | null {
  if (!isZip(bytes)) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes('xl/workbook.xml') || buffer.includes('xl/worksheets/')) return 'xlsx';
  if (buffer.includes('word/document.xml')) return 'docx';
  const head = buffer.subarray(0, 200);
  if (head.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (head.includes('application/vnd.oasis.opendocument.text')) return 'odt';
  return 'zip';
}

/** The extension of a file name, lower case, without the dot. */
export function extensionOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot === -1 ? '' : file.slice(dot + 1).toLowerCase();
}
