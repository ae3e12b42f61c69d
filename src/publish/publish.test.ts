import { afterEach, describe, expect, it, vi } from 'vitest';
import { repeatedSample } from '../../bench/large-list.js';
import { importBytes } from '../ingest/index.js';
import { openLawLibrary } from '../law/index.js';
import { SLICE_MS } from '../pace/index.js';
import { openStore } from '../store/index.js';
import { type ListWriter, publishFile, publishList } from './index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('publishFile', () => {
  it('lets the event loop go round an item at a time in every stage: reading, storing, reading back, auditing', async () => {
    const store = await openStore(':memory:');
    await store.migrate();
    const library = await openLawLibrary();
    const bytes = new TextEncoder().encode(repeatedSample(4));
    let stage = 'reading';
    const writer: ListWriter = {
      importList: async (list, options) => {
        stage = 'storing';
        return store.importList(list, options).finally(() => {
          stage = 'between';
        });
      },
      getList: (id) => store.getList(id),
      getPowerList: async (id) => {
        stage = 'reading back';
        return store.getPowerList(id).finally(() => {
          stage = 'auditing';
        });
      },
      saveFindings: async (id, findings) => {
        stage = 'saving';
        return store.saveFindings(id, findings);
      },
    };
    // Time flies: whenever paced work asks, its slice has run out, so it stops at every point it may.
    let now = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => (now += SLICE_MS));
    const turns = new Map<string, number>();
    let publishing = true;
    const count = () => {
      turns.set(stage, (turns.get(stage) ?? 0) + 1);
      if (publishing) setImmediate(count);
    };
    setImmediate(count);
    const published = await publishFile(writer, 'large.txt', bytes, { audit: { library, today: '2025-06-03' } });
    publishing = false;
    expect(published).toMatchObject({ outcome: { status: 'created', items: 76 }, auditError: null });
    for (const busy of ['reading', 'storing', 'reading back', 'auditing']) expect(turns.get(busy) ?? 0, busy).toBeGreaterThanOrEqual(76);
    await store.close();
  });

  it('publishes one file at a time into a store: the same file sent twice at once is stored and audited once', async () => {
    const store = await openStore(':memory:');
    await store.migrate();
    const library = await openLawLibrary();
    const bytes = new TextEncoder().encode(repeatedSample(2));
    let audits = 0;
    let failNext = false;
    const writer: ListWriter = {
      importList: (list, options) => {
        if (!failNext) return store.importList(list, options);
        failNext = false;
        return Promise.reject(new Error('磁盘已满'));
      },
      getList: (id) => store.getList(id),
      getPowerList: (id) => store.getPowerList(id),
      saveFindings: async (id, findings) => {
        audits++;
        return store.saveFindings(id, findings);
      },
    };
    const audit = { library, today: '2025-06-03' };
    // Both are read side by side; whichever is read first is stored first.
    const both = await Promise.all([publishFile(writer, 'a.txt', bytes, { audit }), publishFile(writer, 'a.txt', bytes, { audit })]);
    const created = both.find((p) => p.outcome.status === 'created');
    const again = both.find((p) => p !== created);
    expect(created).toMatchObject({ auditError: null, auditFindings: { error: expect.any(Number) } });
    expect(again).toMatchObject({ outcome: { status: 'unchanged', versionId: created?.outcome.versionId }, auditFindings: null, auditError: null });
    expect(audits).toBe(1);
    // A publish that fails in the store does not hold up the one queued behind it (lists
    // already read enter the queue in the order they are given).
    failNext = true;
    const other = await importBytes('b.txt', new TextEncoder().encode(repeatedSample(1)));
    const [failed, next] = await Promise.allSettled([publishList(writer, other, { audit }), publishList(writer, other, { audit })]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: '磁盘已满' } });
    expect(next).toMatchObject({ status: 'fulfilled', value: { outcome: { status: 'new-version' }, auditError: null } });
    await store.close();
  });
});
