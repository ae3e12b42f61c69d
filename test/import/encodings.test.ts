import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportError, importFile } from '../../src/ingest/index.js';
import type { PowerList } from '../../src/model/index.js';
import { SAMPLES, type SampleName, sampleText } from '../helpers/samples.js';

/** How Windows and government systems save the same text. */
const ENCODINGS: Record<string, (text: string) => Buffer> = {
  'UTF-8 with a BOM (Notepad’s UTF-8 with BOM)': (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  'GB18030/GBK (Notepad’s ANSI on a Chinese Windows)': (text) => iconv.encode(text, 'gb18030'),
  'UTF-16LE with a BOM (Notepad’s “Unicode”)': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]),
  'UTF-16BE with a BOM (Notepad’s “Unicode big endian”)': (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]),
};

const root = mkdtempSync(join(tmpdir(), 'quanze-encodings-'));

/** `text` written as `name` in a directory of its own, so every encoding's file has the same name. */
function written(dir: string, name: string, bytes: Uint8Array): string {
  mkdirSync(join(root, dir), { recursive: true });
  const path = join(root, dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Everything the list holds but the bytes of its file, which differ by encoding. */
function content(list: PowerList) {
  const { source, ...rest } = list;
  return { ...rest, source: { file: source.file, format: source.format } };
}

describe.each(Object.entries(ENCODINGS))('a sample saved as %s', (encodingName, encode) => {
  const dir = encodingName.replace(/\W+/g, '-');

  it.each(Object.keys(SAMPLES) as SampleName[])('%s imports exactly as its UTF-8 file does', async (name) => {
    const text = sampleText(name);
    const utf8 = await importFile(written('utf-8', SAMPLES[name], Buffer.from(text)));
    const bytes = encode(text);
    const other = await importFile(written(dir, SAMPLES[name], bytes));
    expect(other.source.bytes).toBe(bytes.length);
    expect(content(other)).toEqual(content(utf8));
  });

  it('streams a large file in pieces to the same items as its UTF-8 file read whole', async () => {
    const text = `${sampleText('mima').trimEnd()}\n\t\n\n`.repeat(12);
    const utf8 = await importFile(written('utf-8', 'large.txt', Buffer.from(text)));
    // Pieces of 1 MiB cut multi-byte characters (GB18030, UTF-8) and code units at their edges.
    const streamed = await importFile(written(dir, 'large.txt', encode(text)), { streamAbove: 100_000 });
    expect(streamed.items).toHaveLength(19 * 12);
    expect(streamed.items).toEqual(utf8.items);
  });
});

describe('a file that is not what its byte order mark says', () => {
  it('is refused as UTF-16 that is not valid, naming the file', async () => {
    // A lone high surrogate (D800) between two characters.
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('序号\t', 'utf-16le'), Buffer.from([0x00, 0xd8]), iconv.encode('事项', 'utf-16le')]);
    const error = await importFile(written('broken', 'broken-utf16.txt', bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'bad-encoding', file: 'broken-utf16.txt' });
    expect((error as ImportError).message).toContain('UTF-16');
  });
});
