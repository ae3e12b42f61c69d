import type { Transform } from 'node:stream';

/** `repeat` copies of `chunk` through a compressing stream, so that a test can describe gigabytes without holding them. */
export async function compressRepeated(transform: Transform, chunk: Uint8Array, repeat = 1): Promise<Buffer> {
  const out: Buffer[] = [];
  transform.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => {
    transform.on('end', resolve);
    transform.on('error', reject);
  });
  for (let i = 0; i < repeat; i++) {
    if (!transform.write(chunk)) await new Promise((resolve) => transform.once('drain', resolve));
  }
  transform.end();
  await done;
  return Buffer.concat(out);
}
