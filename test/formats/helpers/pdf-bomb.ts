import { randomBytes, createCipheriv } from 'node:crypto';
import { constants, createBrotliCompress, createDeflate } from 'node:zlib';
import { hash2B } from '../../../src/ingest/pdf/budget/security.js';
import { compressRepeated } from './compress.js';
import type { Doc } from './pdf-fixture.js';

const MiB = 1024 * 1024;
/** 1 MiB of spaces: a content stream may hold any number of them, and they compress a thousandfold. */
const SPACES = new Uint8Array(MiB).fill(0x20);

/** FlateDecode data (zlib) of `mib` MiB of spaces. */
export const flateSpaces = (mib: number) => compressRepeated(createDeflate({ level: 9 }), SPACES, mib);

/** BrotliDecode data of `mib` MiB of spaces. */
export const brotliSpaces = (mib: number) => compressRepeated(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), SPACES, mib);

/** RunLengthDecode data of `mib` MiB of spaces: runs of 128, the longest one byte pair gives. */
export function runLengthSpaces(mib: number): Uint8Array {
  const runs = (mib * MiB) / 128;
  const out = new Uint8Array(runs * 2 + 1);
  for (let i = 0; i < runs; i++) out.set([129, 0x20], i * 2);
  out[runs * 2] = 128;
  return out;
}

/**
 * LZWDecode data (EarlyChange 1) of `length` spaces: each code one byte longer than the
 * last, the table cleared before it fills, so 4 KB give about 7 MB.
 */
export function lzwSpaces(length: number): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (code: number, width: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >> (bits - 8)) & 0xff);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  };
  let width = 9;
  let next = 258;
  let run = 0;
  put(256, width);
  for (let left = length; left > 0; ) {
    if (run === 0 || run + 1 > left) {
      put(0x20, width);
      left -= 1;
      if (run === 0) {
        run = 1;
        continue;
      }
      run = 1;
    } else {
      put(next, width);
      run += 1;
      left -= run;
    }
    // The decoder adds an entry for every code after the first, and widens the codes as it does.
    next++;
    if (((next + 1) & next) === 0) width = Math.min(Math.log2(next + 1) + 1, 12);
    if (next >= 4000) {
      put(256, width);
      width = 9;
      next = 258;
      run = 0;
    }
  }
  put(257, width);
  if (bits > 0) out.push((acc << (8 - bits)) & 0xff);
  return Uint8Array.from(out);
}

/**
 * FlateDecode data that is slow to read, not big: `blocks` dynamic Huffman blocks whose
 * literal/length code lengths over-subscribe the code space (255 codes of one bit), which
 * zlib refuses at once but a JavaScript inflater (pdf.js's, the budget check's) builds a
 * table for, of 2^15 entries, block after block. 31 KB per thousand blocks, some 3 s to read
 * on the development machine.
 */
export function slowFlate(blocks: number): Uint8Array {
  const out = [0x78, 0x01];
  let acc = 0;
  let bits = 0;
  const bit = (b: number) => {
    acc |= b << bits;
    if (++bits === 8) {
      out.push(acc);
      acc = 0;
      bits = 0;
    }
  };
  const put = (value: number, width: number) => {
    for (let i = 0; i < width; i++) bit((value >> i) & 1);
  };
  // Huffman codes go most significant bit first.
  const code = (value: number) => {
    bit((value >> 1) & 1);
    bit(value & 1);
  };
  // The code-length alphabet: lengths 0, 1, 15 and "repeat the last 3–6 times", two bits each.
  const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  const CL: Record<number, number> = { 0: 0b00, 1: 0b01, 15: 0b10, 16: 0b11 };
  for (let b = 0; b < blocks; b++) {
    put(b === blocks - 1 ? 1 : 0, 1);
    put(2, 2);
    put(0, 5); // 257 literal/length codes
    put(0, 5); // one distance code
    put(19 - 4, 4);
    for (const symbol of ORDER) put(symbol in CL ? 2 : 0, 3);
    code(CL[15] as number); // literal 0: 15 bits
    code(CL[1] as number); // literal 1: 1 bit
    for (let left = 255; left > 0; ) {
      const run = Math.min(6, left);
      if (run < 3) {
        for (let i = 0; i < run; i++) code(CL[1] as number);
      } else {
        code(CL[16] as number);
        put(run - 3, 2);
      }
      left -= run;
    }
    code(CL[0] as number); // the distance code: unused
    bit(1); // a one-bit code: ends the block when read as 256
  }
  if (bits > 0) out.push(acc);
  return Uint8Array.from(out);
}

/** A one-page PDF whose second content stream is slowFlate's: some 10 s to read, 32 KB. */
export const slowPdf = () => handPdf([streamObject('/Filter /FlateDecode', slowFlate(1000))]);

/** ASCIIHexDecode data of `data`. */
export const asciiHex = (data: Uint8Array) => new TextEncoder().encode(`${Buffer.from(data).toString('hex')}>`);

const bytesOf = (part: string | Uint8Array) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : part);

/** A stream object's body: `<< entries /Length … >>`, the data, endstream. */
export function streamObject(entries: string, data: Uint8Array, length = String(data.length)): Uint8Array {
  return Buffer.concat([bytesOf(`<< ${entries} /Length ${length} >>\nstream\n`), data, bytesOf('\nendstream')]);
}

/**
 * A one-page PDF written by hand, the least a valid one holds: a line of Helvetica text as
 * the page's first content stream (object 5), `contents` as the next ones (objects 6, 7 …),
 * then `others` numbered after them, and a correct cross-reference table. `xobjects` is the
 * page's XObject resources (`/Im1 8 0 R`), for images among `others`.
 */
export function handPdf(contents: readonly (string | Uint8Array)[], others: readonly (string | Uint8Array)[] = [], xobjects = ''): Uint8Array {
  const contentRefs = contents.map((_, i) => `${6 + i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 4 0 R >>${xobjects ? ` /XObject << ${xobjects} >>` : ''} >> /Contents [5 0 R ${contentRefs}] >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    streamObject('', bytesOf('BT /F1 12 Tf 20 100 Td (a small PDF) Tj ET')),
    ...contents,
    ...others,
  ];
  const parts: Uint8Array[] = [bytesOf('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const object = Buffer.concat([bytesOf(`${i + 1} 0 obj\n`), bytesOf(body), bytesOf('\nendobj\n')]);
    offsets.push(offset);
    parts.push(object);
    offset += object.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(bytesOf(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** Adds a stream object that pdfkit writes as given (encrypted when the document is), with `filter` as its /Filter. */
export function rawStream(doc: Doc, filter: string | string[], data: Uint8Array): void {
  doc.ref({ Filter: filter }).end(data);
}

interface PdfkitSecurity {
  encryptionKey: Uint8Array;
  dictionary: { data: Record<string, unknown> };
}

/**
 * Turns pdfkit's AES-256 encryption (revision 5, `pdfVersion: '1.7ext3'`) into revision 6,
 * as Acrobat X and later write it: the same key, the empty user password checked with ISO
 * 32000-2's hash. Called before the document ends, while its encryption dictionary is unwritten.
 */
export function revision6(doc: Doc): void {
  const security = (doc as unknown as { _security: PdfkitSecurity })._security;
  const validationSalt = randomBytes(8);
  const keySalt = randomBytes(8);
  const cipher = createCipheriv('aes-256-cbc', hash2B(keySalt), Buffer.alloc(16)).setAutoPadding(false);
  Object.assign(security.dictionary.data, {
    R: 6,
    U: Buffer.concat([hash2B(validationSalt), validationSalt, keySalt]),
    UE: Buffer.concat([cipher.update(security.encryptionKey), cipher.final()]),
  });
}
