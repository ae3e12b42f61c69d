import type { Stage } from './decode.js';
import type { PdfScan } from './objects.js';
import { type Dict, Name, type PdfObject } from './syntax.js';

/** The names pdf.js decodes (abbreviations too); image decoders end what is followed here. */
const FILTERS: Record<string, Stage['filter'] | 'image'> = {
  Fl: 'flate',
  FlateDecode: 'flate',
  LZW: 'lzw',
  LZWDecode: 'lzw',
  RL: 'runlength',
  RunLengthDecode: 'runlength',
  A85: 'ascii85',
  ASCII85Decode: 'ascii85',
  AHx: 'asciihex',
  ASCIIHexDecode: 'asciihex',
  BrotliDecode: 'brotli',
  DCT: 'image',
  DCTDecode: 'image',
  JPX: 'image',
  JPXDecode: 'image',
  CCF: 'image',
  CCITTFaxDecode: 'image',
  JBIG2Decode: 'image',
};

/**
 * The decoding stages of a stream as pdf.js builds them from its dictionary: /F before
 * /Filter and /DP before /DecodeParms (pdf.js looks the short key up first), a name or an
 * array of names, references followed. A name pdf.js does not know passes the data on
 * unchanged, so the filters after it still count. An image decoder (DCT, JPX, CCITT, JBIG2)
 * ends the stages: its output is pixels, which nothing here inflates. Null when a reference
 * leads outside what the scan can see, so that the filters are unknown.
 */
export function stagesOf(dict: Dict, resolve: PdfScan['resolve']): Stage[] | null {
  const filter = resolve(dict.has('F') ? dict.get('F') : dict.get('Filter'));
  const params = resolve(dict.has('DP') ? dict.get('DP') : dict.get('DecodeParms'));
  if (filter === undefined) return dict.has('F') || dict.has('Filter') ? null : [];
  const names = Array.isArray(filter) ? filter : [filter];
  const stages: Stage[] = [];
  for (const [i, entry] of names.entries()) {
    const name = resolve(entry);
    if (name === undefined) return null;
    if (!(name instanceof Name)) break;
    const kind = FILTERS[name.name];
    if (kind === 'image') break;
    if (kind === 'lzw') stages.push({ filter: 'lzw', earlyChange: earlyChange(resolve(Array.isArray(filter) ? (Array.isArray(params) ? params[i] : undefined) : params), resolve) });
    else if (kind) stages.push({ filter: kind } as Stage);
  }
  return stages;
}

/** LZW's /EarlyChange (1 unless given); pdf.js does arithmetic with whatever is there. */
function earlyChange(params: PdfObject | undefined, resolve: PdfScan['resolve']): number {
  if (!(params instanceof Map) || !params.has('EarlyChange')) return 1;
  const value = resolve(params.get('EarlyChange'));
  return typeof value === 'number' ? value : typeof value === 'boolean' || value === null ? Number(value) : Number.NaN;
}
