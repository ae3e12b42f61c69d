import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportOptions, importFile, importNdjson } from '../../src/ingest/index.js';
import type { PowerItem } from '../../src/model/index.js';
import { sampleText } from '../helpers/samples.js';

/** A list of `copies` copies of the 000 sample, joined at group boundaries. */
function repeatedList(copies: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'quanze-stream-')), 'large.txt');
  writeFileSync(path, `${sampleText('mima').trimEnd()}\n\t\n\n`.repeat(copies));
  return path;
}

/** The NDJSON bytes importNdjson writes for `path`. */
async function ndjsonBytes(path: string, options: ImportOptions): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const bytes of importNdjson(path, options)) chunks.push(bytes);
  return Buffer.concat(chunks);
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

  it('writes the same bytes with parse threads as without, head included', async () => {
    // After three copies the 实施主体 changes, so the department depends on which items the
    // head samples; some copies carry HTML, so items' findings mix with the reader's.
    const mima = `${sampleText('mima').trimEnd()}\n\t\n\n`;
    const texts = Array.from({ length: copies }, (_, k) => {
      const copy = k < 3 ? mima : mima.replaceAll('自治区密码管理局', '自治区商务厅');
      return k % 4 === 1 ? copy.replace('对电子认证服务机构违反法律', '对电子认证服务机构<br>违反法律') : copy;
    });
    const mixed = join(mkdtempSync(join(tmpdir(), 'quanze-stream-')), 'mixed.txt');
    writeFileSync(mixed, texts.join(''));
    const serial = await ndjsonBytes(mixed, { streamAbove: 100_000, jobs: 1 });
    const parallel = await ndjsonBytes(mixed, { streamAbove: 100_000, jobs: 2 });
    const list = JSON.parse(serial.toString('utf8').trimEnd().split('\n').at(-1) ?? '') as { department: string; findings: { messageId: string }[] };
    expect(list.department).toBe('自治区密码管理局');
    expect(new Set(list.findings.map((f) => f.messageId))).toEqual(new Set(['html-in-cell', 'implied-seq-gap']));
    expect(parallel.equals(serial)).toBe(true);
  });

  it('keeps the head of a file without records, a flowchart, with parse threads', async () => {
    const flowchart = join(mkdtempSync(join(tmpdir(), 'quanze-stream-')), 'flowchart.txt');
    writeFileSync(flowchart, sampleText('flowchart'));
    const serial = await ndjsonBytes(flowchart, { streamAbove: 1000, jobs: 1 });
    expect(JSON.parse(serial.toString('utf8')).processSheets.length).toBeGreaterThan(0);
    expect((await ndjsonBytes(flowchart, { streamAbove: 1000, jobs: 2 })).equals(serial)).toBe(true);
  });
});
