import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { headerTsvReader } from '../../src/ingest/header-tsv/index.js';
import { ImportError, type ImportOptions, importFile, importNdjson } from '../../src/ingest/index.js';
import type { PowerItem } from '../../src/model/index.js';
import { keptText, missingCharacters, withoutTableSyntax } from '../helpers/lossless.js';
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

/** Writes `text` to a fresh temporary file. */
function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'quanze-stream-')), name);
  writeFileSync(path, text);
  return path;
}

/** The 1-based line of the file text at which `needle` stands. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`not in the text: ${needle}`);
  return text.slice(0, at).split('\n').length;
}

describe('streaming import of a table cut at its repeated headers', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('names the line and record in the file, not in the piece, when a reader rejects a record', async () => {
    // Thirty copies of the 003 sample (header-tsv, a header before every record); copy 20 has a broken record.
    const mark = '对保密工作的监督检查（损坏）';
    const copies = Array.from({ length: 30 }, (_, k) => {
      const copy = `${sampleText('liuzhou')}\n\n`;
      return k === 20 ? copy.replace('对保密工作的监督检查', mark) : copy;
    });
    const text = copies.join('');
    const path = tempFile('broken.txt', text);
    // The readers of streamable formats reject no record today (a row of the wrong shape is a
    // finding), so the reader is made to: the record holding the mark, at the line and record
    // number the real reader gives it in the text it was handed.
    const read = headerTsvReader.read;
    vi.spyOn(headerTsvReader, 'read').mockImplementation(async (input, options) => {
      const result = await read(input, options);
      const broken = result.records.find((r) => r.cells.some((c) => c.raw === mark));
      if (broken) throw new ImportError('bad-record', input.file, '记录已损坏', { line: broken.firstLine, record: broken.record });
      return result;
    });
    const whole = await importFile(path).catch((error: unknown) => error);
    const streamed = await importFile(path, { streamAbove: 100_000 }).catch((error: unknown) => error);
    const line = lineOf(text, mark);
    expect(whole).toMatchObject({ code: 'bad-record', place: { line, record: 7 * 20 + 3 } });
    expect(streamed).toBeInstanceOf(ImportError);
    expect(streamed).toMatchObject({ code: 'bad-record', file: 'broken.txt', detail: '记录已损坏', place: { line, record: 7 * 20 + 3 } });
    expect((streamed as ImportError).message).toBe(`broken.txt（第${line}行，第${7 * 20 + 4}条记录）：记录已损坏`);
    // The reader's own error, counted in its piece, stays as the cause.
    const cause = (streamed as ImportError).cause as ImportError;
    expect(cause).toBeInstanceOf(ImportError);
    expect(cause.place.line).toBeLessThan(line);
  });

  it('keeps a later piece that holds no records, a lone repeated header, as text and reads on', async () => {
    // Twelve copies of the 004 sample (Markdown tables, a header before every record). After the
    // sixth, a header over “本页以下空白” and a long run of empty lines, as a page break leaves:
    // pieces are at least 64K characters, so the header is a piece of its own.
    const sample = sampleText('liangzhou');
    const [header, separator] = sample.split('\n').slice(4, 6);
    const gap = '\n'.repeat(70_000);
    const lone = `${gap}${header}\n${separator}\n（本页以下空白）${gap}`;
    const copies = Array.from({ length: 12 }, () => `${sample}\n`);
    const text = [...copies.slice(0, 6), lone, ...copies.slice(6)].join('');
    const path = tempFile('gap.md', text);
    const list = await importFile(path, { streamAbove: 100_000 });
    expect(list.items).toHaveLength(14 * 12);
    expect(list.items.map((item) => item.provenance.record)).toEqual(list.items.map((_, i) => i));
    const line = lineOf(text, lone.trimStart());
    expect(list.residue.filter((r) => r.firstLine >= line && r.firstLine <= line + 2)).toEqual([
      { text: header, firstLine: line, lastLine: line, reason: '没有数据行的表头' },
      { text: '（本页以下空白）', firstLine: line + 2, lastLine: line + 2, reason: '表格之外的文字' },
    ]);
    const found = list.findings.filter((f) => f.place.line !== undefined && f.place.line >= line && f.place.line <= line + 2);
    expect(found.map((f) => [f.messageId, f.severity, f.place.line])).toEqual([
      ['header-without-rows', 'info', line],
      ['stray-line', 'info', line + 2],
    ]);
    expect(missingCharacters(withoutTableSyntax(text), keptText(list))).toEqual([]);
    // Read whole, the file gives the same list (findings come piece by piece, so in another order).
    const whole = await importFile(path);
    const byPlace = (findings: typeof list.findings) => findings.map((f) => JSON.stringify([f.place, f.messageId, f.data])).sort();
    expect({ ...list, findings: byPlace(list.findings) }).toEqual({ ...whole, findings: byPlace(whole.findings) });
  });

  it('reads on after a first piece without records, and still refuses a file with none in any piece', async () => {
    const sample = sampleText('liangzhou');
    const head = sample.split('\n').slice(0, 6).join('\n');
    const gap = '\n'.repeat(70_000);
    // Pieces are cut only from 128K characters read ahead: four copies make the file long enough.
    const first = await importFile(tempFile('first.md', `${head}${gap}${`${sample}\n`.repeat(4)}`), { streamAbove: 100_000 });
    expect(first.items).toHaveLength(14 * 4);
    expect(first.residue.map((r) => [r.reason, r.firstLine])).toContainEqual(['没有数据行的表头', 5]);
    const empty = tempFile('empty.md', `${head}${gap}${head.trimStart()}${gap}${head.trimStart()}\n`);
    await expect(importFile(empty, { streamAbove: 100_000 })).rejects.toThrow(/^empty\.md：表头之后没有任何数据行$/);
  });
});
