import { openCompoundFile } from './cfb.js';

/**
 * Every Word document's text ends with a paragraph mark. LibreOffice breaks that rule when
 * it saves as .doc a document whose body ends with a table (generated .docx files often do:
 * python-docx, the docx package, report exports): the text then ends with the table's last
 * row mark, and reading that .doc back LibreOffice drops the last table, its cells run
 * together into one paragraph or lost. `closeFinalTable` gives such a file the paragraph
 * mark it lacks, in place (the [MS-DOC] structures keep their sizes), so LibreOffice reads
 * the table; a file that does not end in a table is left alone.
 *
 * The repair writes the mark into the zero padding after the text and extends, by that one
 * character, the piece table, the main text length, the last section and the last
 * paragraph/character runs. It is only done when all of those are as LibreOffice writes
 * them; otherwise the file is reported as `unrepairable` and converted as it is.
 */
export type FinalTable = { state: 'ok' } | { state: 'repaired'; bytes: Uint8Array } | { state: 'unrepairable' };

const CELL_MARK = 0x07;
const PARAGRAPH_MARK = 0x0d;
const PAGE = 512;

/** FIB offsets ([MS-DOC] 2.5.1): ccp* counts in FibRgLw97, fc/lcb pairs in FibRgFcLcb97. */
const FIB = {
  ident: 0x00,
  flags: 0x0a,
  csw: 0x20,
  cslw: 0x3e,
  ccpText: 0x4c,
  /** ccpFtn, ccpHdd, ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx: the other stories. */
  otherStories: [0x50, 0x54, 0x5c, 0x60, 0x64, 0x68],
  cbRgFcLcb: 0x98,
  fcLcb: (index: number) => 0x9a + index * 8,
} as const;
const PLCF_SED = 6;
const PLCF_BTE_CHPX = 12;
const PLCF_BTE_PAPX = 13;
const CLX = 33;

export function closeFinalTable(source: Uint8Array): FinalTable {
  const file = openCompoundFile(source);
  const word = file?.read('WordDocument');
  if (!file || !word || word.length < 0x200) return { state: 'ok' };
  const doc = new DataView(word.buffer, word.byteOffset, word.byteLength);
  const flags = doc.getUint16(FIB.flags, true);
  // Word 97 and later only (csw/cslw as they define them); encrypted files are refused elsewhere.
  if (doc.getUint16(FIB.ident, true) !== 0xa5ec || flags & 0x0100) return { state: 'ok' };
  if (doc.getUint16(FIB.csw, true) !== 14 || doc.getUint16(FIB.cslw, true) !== 22 || doc.getUint16(FIB.cbRgFcLcb, true) <= CLX) return { state: 'ok' };
  const tableName = flags & 0x0200 ? '1Table' : '0Table';
  const tableStream = file.read(tableName);
  if (!tableStream) return { state: 'ok' };
  const table = new DataView(tableStream.buffer, tableStream.byteOffset, tableStream.byteLength);
  const fcLcb = (index: number) => ({ fc: doc.getUint32(FIB.fcLcb(index), true), lcb: doc.getUint32(FIB.fcLcb(index) + 4, true) });
  const ccpText = doc.getUint32(FIB.ccpText, true);
  try {
    const pieces = readPieces(table, fcLcb(CLX));
    const last = pieces.at(-1);
    if (!last || ccpText === 0) return { state: 'ok' };
    const piece = pieces.find((p) => p.cpStart <= ccpText - 1 && ccpText - 1 < p.cpEnd);
    if (!piece) return { state: 'ok' };
    const width = piece.compressed ? 1 : 2;
    const at = piece.fc + (ccpText - 1 - piece.cpStart) * width;
    const lastChar = piece.compressed ? doc.getUint8(at) : doc.getUint16(at, true);
    if (lastChar !== CELL_MARK) return { state: 'ok' };

    const end = at + width;
    const plan = planRepair({ doc, table, fcLcb, ccpText, pieces, piece, end, width });
    if (!plan) return { state: 'unrepairable' };
    const mark = piece.compressed ? Uint8Array.of(PARAGRAPH_MARK) : Uint8Array.of(PARAGRAPH_MARK, 0);
    const ok = [
      file.write('WordDocument', end, mark),
      file.write('WordDocument', FIB.ccpText, u32(ccpText + 1)),
      ...plan.table.map((w) => file.write(tableName, w.at, w.data)),
      ...plan.word.map((w) => file.write('WordDocument', w.at, w.data)),
    ].every(Boolean);
    return ok ? { state: 'repaired', bytes: file.bytes } : { state: 'unrepairable' };
  } catch {
    // A structure points outside its stream: not a file LibreOffice wrote this way.
    return { state: 'unrepairable' };
  }
}

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's text in the WordDocument stream. */
  fc: number;
  compressed: boolean;
}

/** The piece table (Clx → Pcdt → PlcPcd) and where its last CP is stored. */
function readPieces(table: DataView, clx: { fc: number; lcb: number }): Piece[] & { lastCpAt?: number } {
  let at = clx.fc;
  const stop = clx.fc + clx.lcb;
  while (at < stop && table.getUint8(at) === 0x01) at += 3 + table.getInt16(at + 1, true);
  if (at >= stop || table.getUint8(at) !== 0x02) return [];
  const lcb = table.getUint32(at + 1, true);
  const plc = at + 5;
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n) || n < 1) return [];
  const cp = (i: number) => table.getUint32(plc + i * 4, true);
  const pieces: Piece[] & { lastCpAt?: number } = Array.from({ length: n }, (_, i) => {
    const raw = table.getUint32(plc + (n + 1) * 4 + i * 8 + 2, true);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = raw & 0x3fffffff;
    return { cpStart: cp(i), cpEnd: cp(i + 1), fc: compressed ? fc / 2 : fc, compressed };
  });
  pieces.lastCpAt = plc + n * 4;
  return pieces;
}

interface Write {
  at: number;
  data: Uint8Array;
}

interface RepairInput {
  doc: DataView;
  table: DataView;
  fcLcb: (index: number) => { fc: number; lcb: number };
  ccpText: number;
  pieces: Piece[] & { lastCpAt?: number };
  piece: Piece;
  end: number;
  width: number;
}

/** The writes that add the paragraph mark, or null when the file is not laid out as expected. */
function planRepair(input: RepairInput): { table: Write[]; word: Write[] } | null {
  const { doc, table, fcLcb, ccpText, pieces, piece, end, width } = input;
  // The main text must be the whole document (no footnotes, headers, comments, text boxes:
  // their CPs would all shift) and end where its last piece ends.
  if (FIB.otherStories.some((offset) => doc.getUint32(offset, true) !== 0)) return null;
  if (piece !== pieces.at(-1) || piece.cpEnd !== ccpText || pieces.lastCpAt === undefined) return null;
  if (end + width > doc.byteLength || [...Array(width).keys()].some((i) => doc.getUint8(end + i) !== 0)) return null;

  const papx = extendRuns(doc, table, fcLcb(PLCF_BTE_PAPX), end, width, 'papx');
  if (!papx) return null;
  const chpx = extendRuns(doc, table, fcLcb(PLCF_BTE_CHPX), end, width, 'chpx');
  // The mark's bytes must be padding, not part of a formatted page.
  for (const pn of [...papx.pages, ...(chpx?.pages ?? [])]) {
    if (end + width > pn * PAGE && end < (pn + 1) * PAGE) return null;
  }
  const tableWrites: Write[] = [{ at: pieces.lastCpAt, data: u32(ccpText + 1) }, ...papx.table, ...(chpx?.table ?? [])];
  const sed = fcLcb(PLCF_SED);
  if (sed.lcb >= 16) {
    const lastSedCp = sed.fc + ((sed.lcb - 4) / 16) * 4;
    if (table.getUint32(lastSedCp, true) === ccpText) tableWrites.push({ at: lastSedCp, data: u32(ccpText + 1) });
  }
  return { table: tableWrites, word: [...papx.word, ...(chpx?.word ?? [])] };
}

/**
 * Adds a run for the new mark to the last formatted page (FKP) of the paragraph or character
 * properties, with default properties, and moves the bin table's end past it; null when the
 * runs do not end where the text does or the page has no room.
 */
function extendRuns(
  doc: DataView,
  table: DataView,
  bte: { fc: number; lcb: number },
  end: number,
  width: number,
  kind: 'papx' | 'chpx',
): { table: Write[]; word: Write[]; pages: number[] } | null {
  const count = (bte.lcb - 4) / 8;
  if (!Number.isInteger(count) || count < 1) return null;
  const pages = Array.from({ length: count }, (_, i) => table.getUint32(bte.fc + (count + 1) * 4 + i * 4, true) & 0x3fffff);
  const lastFcAt = bte.fc + count * 4;
  if (table.getUint32(lastFcAt, true) !== end) return null;
  const pn = pages.at(-1) as number;
  const base = pn * PAGE;
  if (base + PAGE > doc.byteLength) return null;
  const runs = doc.getUint8(base + PAGE - 1);
  const entry = kind === 'papx' ? 13 : 1;
  if (runs < 1 || doc.getUint32(base + runs * 4, true) !== end) return null;
  const fcs = Array.from({ length: runs + 1 }, (_, i) => doc.getUint32(base + i * 4, true));
  const entries = Array.from({ length: runs }, (_, i) => new Uint8Array(doc.buffer, doc.byteOffset + base + (runs + 1) * 4 + i * entry, entry).slice());
  // Property data sits at the page's end, at the offsets (in words) the entries' first bytes give.
  const lowest = Math.min(PAGE - 1, ...entries.map((e) => (e[0] as number) * 2).filter((offset) => offset > 0));
  const size = (runs + 2) * 4 + (runs + 1) * entry;
  if (size > lowest || runs + 1 > (kind === 'papx' ? 0x1d : 0x65)) return null;
  const page = new Uint8Array(PAGE);
  page.set(new Uint8Array(doc.buffer, doc.byteOffset + base, PAGE));
  const view = new DataView(page.buffer);
  [...fcs, end + width].forEach((fc, i) => {
    view.setUint32(i * 4, fc, true);
  });
  [...entries, new Uint8Array(entry)].forEach((e, i) => {
    page.set(e, (runs + 2) * 4 + i * entry);
  });
  page[PAGE - 1] = runs + 1;
  return { table: [{ at: lastFcAt, data: u32(end + width) }], word: [{ at: base, data: page }], pages };
}

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}
