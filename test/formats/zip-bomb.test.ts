import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src/export/index.js';
import { ImportError, importBytes, importFile } from '../../src/ingest/index.js';
import { inflateBudget } from '../../src/ingest/unpack-budget.js';
import { samplePath } from '../helpers/samples.js';
import { zipOf } from './helpers/zip.js';

const MiB = 1024 * 1024;
const utf8 = (text: string) => new TextEncoder().encode(text);
/** 1 MiB of spaces: XML may hold any amount of them, and they deflate a thousandfold. */
const SPACES = new Uint8Array(MiB).fill(0x20);

const WORKBOOK = [
  { name: '[Content_Types].xml', chunk: utf8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
  { name: 'xl/workbook.xml', chunk: utf8('<?xml version="1.0"?><workbook/>') },
];

describe('a ZIP that unpacks to far more than an Office file does (a zip bomb)', () => {
  it('is refused as a workbook before the workbook library unpacks it', async () => {
    const bomb = await zipOf([...WORKBOOK, { name: 'xl/worksheets/sheet1.xml', chunk: SPACES, repeat: 200 }]);
    expect(bomb.length).toBeLessThan(MiB);
    const error = await importBytes('清单.xlsx', bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'bad-structure', file: '清单.xlsx' });
    expect((error as ImportError).message).toContain('压缩炸弹');
  });

  it('is refused as a Word document, counting every entry together', async () => {
    const parts = Array.from({ length: 40 }, (_, i) => ({ name: `word/media/part${i}.xml`, chunk: SPACES, repeat: 2 }));
    const bomb = await zipOf([{ name: 'word/document.xml', chunk: utf8('<w:document/>') }, ...parts]);
    const error = await importBytes('清单.docx', bomb).catch((e: unknown) => e);
    expect((error as ImportError).message).toContain('压缩炸弹');
  });

  it('leaves real workbooks alone: a sample written as XLSX imports', async () => {
    const list = await importFile(samplePath('liangzhou'));
    const back = await importBytes('凉州.xlsx', await writeXlsx(list));
    expect(back.items).toHaveLength(list.items.length);
  });

  it.each([
    [100 * 1024, 64 * MiB],
    [10 * MiB, 500 * MiB],
    [100 * MiB, 1024 * MiB],
  ])('allows a ZIP of %i bytes to unpack to %i', (size, budget) => {
    expect(inflateBudget(size)).toBe(budget);
  });
});
