import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const OUT_DIR = fileURLToPath(new URL('./.out/', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../data/samples/000_02bf2a8e6665d46e.txt', import.meta.url));

/**
 * A large headerless list made by repeating the 自治区密码管理局 sample's records, as a
 * province's lists at every level would add up. Reused between runs when big enough.
 */
export async function largeList(minBytes: number): Promise<string> {
  await mkdir(OUT_DIR, { recursive: true });
  const path = `${OUT_DIR}large-${Math.round(minBytes / 1e6)}mb.txt`;
  if (existsSync(path) && statSync(path).size >= minBytes) return path;
  const sample = readFileSync(SAMPLE, 'utf8').trimEnd();
  // Copies join at a group boundary (blank line) so the file reads as one long list.
  const copy = `${sample}\n\t\n\n`;
  const out = createWriteStream(path);
  let written = 0;
  while (written < minBytes) {
    const chunk = copy.repeat(64);
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
  return path;
}
