import { createDeflateRaw, crc32 } from 'node:zlib';
import { compressRepeated } from './compress.js';

/** One entry of a ZIP: its name and its content, given as `repeat` copies of `chunk` (so a test can describe gigabytes without holding them). */
export interface ZipEntry {
  name: string;
  chunk: Uint8Array;
  repeat?: number;
}

async function deflated(entry: ZipEntry): Promise<{ data: Buffer; crc: number; size: number }> {
  const repeat = entry.repeat ?? 1;
  let crc = 0;
  for (let i = 0; i < repeat; i++) crc = crc32(entry.chunk, crc);
  return { data: await compressRepeated(createDeflateRaw({ level: 9 }), entry.chunk, repeat), crc, size: entry.chunk.length * repeat };
}

/** One member as the archive holds it: stored (method 0) or deflated (8), with its CRC and unpacked size. */
interface Member {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  crc: number;
  size: number;
}

/** The local headers, the central directory and its end record around `members` (no ZIP64: sizes under 4 GiB). */
function archive(members: readonly Member[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const member of members) {
    const name = Buffer.from(member.name);
    const version = member.method === 0 ? 10 : 20;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(version, 4);
    local.writeUInt16LE(member.method, 8);
    local.writeUInt32LE(member.crc >>> 0, 14);
    local.writeUInt32LE(member.data.length, 18);
    local.writeUInt32LE(member.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(version, 6);
    central.writeUInt16LE(member.method, 10);
    central.writeUInt32LE(member.crc >>> 0, 16);
    central.writeUInt32LE(member.data.length, 20);
    central.writeUInt32LE(member.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, member.data);
    centrals.push(central, name);
    offset += local.length + name.length + member.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A ZIP archive of deflated entries, as an Office file is written. */
export async function zipOf(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  const members: Member[] = [];
  for (const entry of entries) members.push({ name: entry.name, method: 8, ...(await deflated(entry)) });
  return archive(members);
}

/** A ZIP of stored (uncompressed) entries, enough to stand for an OpenDocument file. */
export function storedZip(entries: readonly { name: string; data: string }[]): Uint8Array {
  return archive(
    entries.map((entry) => {
      const data = Buffer.from(entry.data);
      return { name: entry.name, method: 0, data, crc: crc32(data), size: data.length };
    }),
  );
}
