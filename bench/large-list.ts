import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const OUT_DIR = fileURLToPath(new URL('./.out/', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../data/samples/000_02bf2a8e6665d46e.txt', import.meta.url));

/**
 * The 自治区密码管理局 sample's records `copies` times over (150 KB and 19 items a copy),
 * joined at a group boundary (blank line) so that they read as one long list.
 */
export function repeatedSample(copies: number): string {
  return `${readFileSync(SAMPLE, 'utf8').trimEnd()}\n\t\n\n`.repeat(copies);
}

/**
 * A large headerless list made by repeating the 自治区密码管理局 sample's records, as a
 * province's lists at every level would add up. Reused between runs when big enough.
 */
export async function largeList(minBytes: number): Promise<string> {
  await mkdir(OUT_DIR, { recursive: true });
  const path = `${OUT_DIR}large-${Math.round(minBytes / 1e6)}mb.txt`;
  if (existsSync(path) && statSync(path).size >= minBytes) return path;
  const chunk = repeatedSample(64);
  const out = createWriteStream(path);
  let written = 0;
  while (written < minBytes) {
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
  return path;
}
