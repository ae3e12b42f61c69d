import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentsReading, MAX_DOCUMENT_THREADS, readOnThread } from './index.js';

async function workbook(text: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('清单').addRow(['事项名称', text]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readOnThread', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // The idle thread's 60 s run out on the fake clock; the next document is posted before the thread has ended.
  it('reads on a new thread a document that arrives as the kept thread is being ended for idleness', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const [first, second] = await Promise.all([workbook('第一份'), workbook('第二份')]);
    const cells = async (bytes: Uint8Array) => (await readOnThread('xlsx', '清单.xlsx', bytes)).map((sheet) => sheet.values);
    expect(await cells(first)).toEqual([[['事项名称', '第一份']]]);
    // The kept thread's idle time runs out: it is told to end, and ends a moment later.
    vi.advanceTimersByTime(60_000);
    expect(await cells(second)).toEqual([[['事项名称', '第二份']]]);
  });

  it('reads no more documents at once than MAX_DOCUMENT_THREADS; the others wait their turn and are read too', async () => {
    const count = MAX_DOCUMENT_THREADS + 3;
    const books = await Promise.all(Array.from({ length: count }, (_, i) => workbook(`第${i + 1}份`)));
    let most = 0;
    let watching = true;
    const watch = () => {
      most = Math.max(most, documentsReading());
      if (watching) setImmediate(watch);
    };
    watch();
    const read = await Promise.all(books.map((bytes) => readOnThread('xlsx', '清单.xlsx', bytes)));
    watching = false;
    expect(read.map((sheets) => sheets[0]?.values[0]?.[1])).toEqual(books.map((_, i) => `第${i + 1}份`));
    expect(most).toBe(MAX_DOCUMENT_THREADS);
    expect(documentsReading()).toBe(0);
  });
});
