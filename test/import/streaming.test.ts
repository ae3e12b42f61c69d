import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, importNdjson } from '../../src/ingest/index.js';
import type { PowerItem } from '../../src/model/index.js';
import { sampleText } from '../helpers/samples.js';

/** A list of `copies` copies of the 000 sample, joined at group boundaries. */
function repeatedList(copies: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'quanze-stream-')), 'large.txt');
  writeFileSync(path, `${sampleText('mima').trimEnd()}\n\t\n\n`.repeat(copies));
  return path;
}

describe('streaming import of a large file', () => {
  const copies = 16;
  const path = repeatedList(copies);

  it('reads in pieces and gives the same items, in order, as reading it whole', async () => {
    const whole = await importFile(path);
    const pieces = await importFile(path, { streamAbove: 100_000 });
    expect(whole.items).toHaveLength(19 * copies);
    expect(pieces.items.map((i) => [i.provenance.record, i.provenance.firstLine, i.name.text])).toEqual(
      whole.items.map((i) => [i.provenance.record, i.provenance.firstLine, i.name.text]),
    );
    expect(pieces.source.sha256).toBe(whole.source.sha256);
    expect(pieces.items[19 * 7 + 6]).toEqual(whole.items[19 * 7 + 6]);
  });

  it('parses in worker threads for NDJSON, lines in file order, identical to the serial path', async () => {
    const decoder = new TextDecoder();
    let text = '';
    for await (const lines of importNdjson(path, { streamAbove: 100_000, jobs: 2 })) text += decoder.decode(lines, { stream: true });
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as { type: string; item?: PowerItem; items?: unknown });
    const items = lines.filter((l) => l.type === 'item').map((l) => l.item as PowerItem);
    const whole = await importFile(path);
    expect(items).toEqual(JSON.parse(JSON.stringify(whole.items)));
    expect(lines.at(-1)).toMatchObject({ type: 'list', department: '自治区密码管理局' });
  });
});
