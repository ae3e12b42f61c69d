import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ImportError } from './errors.js';
import { inflateBudget, overBudget } from './unpack-budget.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  method: number;
  compressed: number;
  dataStart: number;
}

const ZIP_BOMB = { packed: '压缩包', normal: '正常的表格或文档' };

/** The entries of a ZIP's central directory, where each one's data starts; null when the directory cannot be found. */
function entries(file: string, bytes: Uint8Array): Entry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end === -1) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  // ZIP64 marks its sizes and offsets 0xFFFF(FFFF) here; no Office list needs it.
  if (count === 0xffff || at === 0xffffffff) throw new ImportError('bad-structure', file, '不支持 ZIP64 格式的超大压缩包');
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    if (compressed === 0xffffffff || local === 0xffffffff) throw new ImportError('bad-structure', file, '不支持 ZIP64 格式的超大压缩包');
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) return null;
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.push({ method, compressed, dataStart });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** Inflates `data`, counting and dropping what comes out; stops past `budget`. Resolves to the size, or null past it. */
function inflatedSize(data: Uint8Array, budget: number): Promise<number | null> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        resolve(null);
      }
    });
    inflate.on('end', () => resolve(size));
    // A damaged stream is the Office library's to report; only size is judged here.
    inflate.on('error', () => resolve(size));
    Readable.from([data]).pipe(inflate);
  });
}

/**
 * Refuses a ZIP that unpacks to more than inflateBudget(its size), by unpacking each entry
 * and counting (the sizes the directory states can lie), keeping none of it. A ZIP whose
 * directory cannot be read is left to the Office library, which reports it damaged.
 */
export async function checkZipBudget(file: string, bytes: Uint8Array): Promise<void> {
  const list = entries(file, bytes);
  if (list === null) return;
  const budget = inflateBudget(bytes.length);
  let total = 0;
  for (const entry of list) {
    const data = bytes.subarray(entry.dataStart, Math.min(bytes.length, entry.dataStart + entry.compressed));
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) {
      const size = await inflatedSize(data, budget - total);
      if (size === null) throw overBudget(file, bytes.length, budget, ZIP_BOMB);
      total += size;
    }
    if (total > budget) throw overBudget(file, bytes.length, budget, ZIP_BOMB);
  }
}
