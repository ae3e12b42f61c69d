/**
 * A minimal but valid OLE2 compound file (version 3, 512-byte sectors) holding the given
 * streams: what Office writes around an encrypted .xlsx (EncryptionInfo + EncryptedPackage)
 * or a legacy .xls/.doc. Streams are padded to 4096 bytes so that they live in regular
 * sectors (no mini stream), which keeps the layout simple.
 */
export function compoundFile(streams: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const SECTOR = 512;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const FATSECT = 0xfffffffd;
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const data = new Uint8Array(size);
    data.set(s.data);
    return { name: s.name, data, size: Math.max(4096, s.data.length) };
  });
  // Sector 0: FAT; sector 1: directory; then each stream's sectors in order.
  const fat = new Uint32Array(SECTOR / 4).fill(FREE);
  fat[0] = FATSECT;
  fat[1] = END;
  let next = 2;
  const starts = padded.map((s) => {
    const start = next;
    const count = s.data.length / SECTOR;
    for (let i = 0; i < count; i++) fat[next + i] = i === count - 1 ? END : next + i + 1;
    next += count;
    return start;
  });
  if (next > fat.length) throw new Error('compoundFile: streams too large for one FAT sector');

  const header = new DataView(new ArrayBuffer(SECTOR));
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => {
    header.setUint8(i, b);
  });
  header.setUint16(0x18, 0x003e, true);
  header.setUint16(0x1a, 0x0003, true);
  header.setUint16(0x1c, 0xfffe, true);
  header.setUint16(0x1e, 9, true);
  header.setUint16(0x20, 6, true);
  header.setUint32(0x2c, 1, true);
  header.setUint32(0x30, 1, true);
  header.setUint32(0x38, 4096, true);
  header.setUint32(0x3c, END, true);
  header.setUint32(0x44, END, true);
  header.setUint32(0x4c, 0, true);
  for (let i = 1; i < 109; i++) header.setUint32(0x4c + i * 4, FREE, true);

  // Directory: the root, then the streams as a chain of right siblings (names sorted by length, then text).
  const order = padded.map((_, i) => i).sort((a, b) => compareNames(padded[a]?.name ?? '', padded[b]?.name ?? ''));
  const directory = new DataView(new ArrayBuffer(SECTOR));
  const entry = (index: number, name: string, type: number, left: number, right: number, child: number, start: number, size: number) => {
    const base = index * 128;
    for (let i = 0; i < name.length; i++) directory.setUint16(base + i * 2, name.charCodeAt(i), true);
    directory.setUint16(base + 0x40, (name.length + 1) * 2, true);
    directory.setUint8(base + 0x42, type);
    directory.setUint8(base + 0x43, 1);
    directory.setUint32(base + 0x44, left, true);
    directory.setUint32(base + 0x48, right, true);
    directory.setUint32(base + 0x4c, child, true);
    directory.setUint32(base + 0x74, start, true);
    directory.setUint32(base + 0x78, size, true);
  };
  entry(0, 'Root Entry', 5, FREE, FREE, order.length ? (order[0] as number) + 1 : FREE, END, 0);
  order.forEach((streamIndex, k) => {
    const stream = padded[streamIndex] as (typeof padded)[number];
    const right = k + 1 < order.length ? (order[k + 1] as number) + 1 : FREE;
    entry(streamIndex + 1, stream.name, 2, FREE, right, FREE, starts[streamIndex] as number, stream.size);
  });
  if (padded.length > 3) throw new Error('compoundFile: at most three streams fit the one directory sector');

  const parts = [new Uint8Array(header.buffer), new Uint8Array(fat.buffer), new Uint8Array(directory.buffer), ...padded.map((s) => s.data)];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function compareNames(a: string, b: string): number {
  return a.length - b.length || (a.toUpperCase() < b.toUpperCase() ? -1 : a.toUpperCase() > b.toUpperCase() ? 1 : 0);
}
