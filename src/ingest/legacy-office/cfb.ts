/**
 * Just enough of the OLE2 compound file format ([MS-CFB]) to read a stream and to overwrite
 * bytes inside one without changing its length: what repairing a legacy .doc before
 * LibreOffice reads it needs. Anything inconsistent makes `openCompoundFile` return null,
 * so a damaged file goes to LibreOffice untouched and fails there with its own message.
 */

const END_OF_CHAIN = 0xfffffffa; // and above: end of chain, free, FAT or DIFAT sector
const STREAM = 2;

interface Entry {
  name: string;
  type: number;
  start: number;
  size: number;
}

export interface CompoundFile {
  /** The file's bytes, with any `write` applied: the caller's own bytes until the first write. */
  readonly bytes: Uint8Array;
  /** A stream's content, or null when the file has no stream of that name. */
  read(name: string): Uint8Array | null;
  /** Overwrites `data.length` bytes of a stream from `at`; false when that would run past its end. */
  write(name: string, at: number, data: Uint8Array): boolean;
}

/**
 * Opens a compound file over `source` itself; the first `write` copies it, so writes never
 * touch the caller's bytes and a file only read (most .doc files need no repair) is never copied.
 */
export function openCompoundFile(source: Uint8Array): CompoundFile | null {
  try {
    return parse(source);
  } catch {
    return null;
  }
}

function parse(source: Uint8Array): CompoundFile | null {
  let bytes = source;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  const miniSize = 1 << view.getUint16(0x20, true);
  if (sectorSize !== 512 && sectorSize !== 4096) return null;
  const sectorCount = Math.floor(bytes.length / sectorSize) - 1;
  const offset = (sector: number) => {
    if (sector >= sectorCount) throw new RangeError(`sector ${sector} beyond the file`);
    return (sector + 1) * sectorSize;
  };
  const perSector = sectorSize / 4;
  const words = (sector: number) => Array.from({ length: perSector }, (_, i) => u32(offset(sector) + i * 4));

  const difat: number[] = Array.from({ length: 109 }, (_, i) => u32(0x4c + i * 4));
  for (let next = u32(0x44), hops = 0; next < END_OF_CHAIN; hops++) {
    if (hops > sectorCount) return null;
    const list = words(next);
    difat.push(...list.slice(0, -1));
    next = list.at(-1) as number;
  }
  const fat = difat.slice(0, u32(0x2c)).flatMap((sector) => words(sector));
  const chain = (start: number, table: readonly number[]) => {
    const out: number[] = [];
    for (let s = start; s < END_OF_CHAIN; s = table[s] ?? END_OF_CHAIN) {
      if (out.length > table.length) throw new RangeError('sector chain loops');
      out.push(s);
    }
    return out;
  };

  const entries: Entry[] = [];
  for (const sector of chain(u32(0x30), fat)) {
    for (let at = offset(sector); at < offset(sector) + sectorSize; at += 128) {
      const nameLength = Math.min(64, view.getUint16(at + 0x40, true));
      const name = Buffer.from(bytes.subarray(at, at + Math.max(0, nameLength - 2))).toString('utf16le');
      entries.push({ name, type: bytes[at + 0x42] as number, start: u32(at + 0x74), size: u32(at + 0x78) });
    }
  }
  const root = entries[0];
  if (!root) return null;
  const miniStream = chain(root.start, fat);
  const miniFat = u32(0x3c) < END_OF_CHAIN ? chain(u32(0x3c), fat).flatMap((sector) => words(sector)) : [];
  const cutoff = u32(0x38);

  /** Where each piece of a stream lies in the file, in order. */
  const pieces = (entry: Entry): { at: number; length: number }[] => {
    if (entry.size >= cutoff) return chain(entry.start, fat).map((sector) => ({ at: offset(sector), length: sectorSize }));
    return chain(entry.start, miniFat).map((mini) => {
      const position = mini * miniSize;
      const sector = miniStream[Math.floor(position / sectorSize)];
      if (sector === undefined) throw new RangeError('mini sector beyond the mini stream');
      return { at: offset(sector) + (position % sectorSize), length: miniSize };
    });
  };
  const layout = new Map<string, { size: number; pieces: { at: number; length: number }[] }>();
  for (const entry of entries) {
    if (entry.type !== STREAM || layout.has(entry.name)) continue;
    const located = pieces(entry);
    if (located.reduce((sum, p) => sum + p.length, 0) < entry.size) return null;
    layout.set(entry.name, { size: entry.size, pieces: located });
  }

  return {
    get bytes() {
      return bytes;
    },
    read(name) {
      const stream = layout.get(name);
      if (!stream) return null;
      const out = new Uint8Array(stream.size);
      let filled = 0;
      for (const piece of stream.pieces) {
        if (filled >= stream.size) break;
        const take = Math.min(piece.length, stream.size - filled);
        out.set(bytes.subarray(piece.at, piece.at + take), filled);
        filled += take;
      }
      return out;
    },
    write(name, at, data) {
      const stream = layout.get(name);
      if (!stream || at < 0 || at + data.length > stream.size) return false;
      if (bytes === source) bytes = source.slice();
      let start = 0;
      for (const piece of stream.pieces) {
        const from = Math.max(at, start);
        const to = Math.min(at + data.length, start + piece.length);
        if (from < to) bytes.set(data.subarray(from - at, to - at), piece.at + (from - start));
        start += piece.length;
      }
      return true;
    },
  };
}
