import { describe, expect, it } from 'vitest';
import { ParsePool, ParseThreadError } from '../../src/ingest/parallel/pool.js';
import type { ParseJob } from '../../src/ingest/parallel/protocol.js';

// A job whose records are not a list makes the worker throw, as a bug or a full heap would.
const broken = { file: 'x.txt', columns: [], records: null, sample: 0 } as unknown as Omit<ParseJob, 'id'>;
const empty: Omit<ParseJob, 'id'> = { file: 'x.txt', columns: [], records: [], sample: 0 };

describe('ParsePool when a worker fails', () => {
  it('rejects the failed job, every job queued behind it and every later one, saying why in Chinese', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const pool = new ParsePool(1);
    try {
      const answered = await pool.run(empty);
      expect(answered.ndjson.byteLength).toBe(0);
      const failed = pool.run(broken);
      const queued = pool.run(empty);
      await expect(failed).rejects.toBeInstanceOf(ParseThreadError);
      await expect(queued).rejects.toThrow(/^解析线程出错：/);
      await expect(pool.run(empty)).rejects.toBeInstanceOf(ParseThreadError);
    } finally {
      await pool.close();
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });

  it('does not count closing the pool as a failure', async () => {
    const pool = new ParsePool(2);
    await pool.run(empty);
    await pool.close();
    // Terminating the workers emits 'exit'; had it counted as a failure the pool would say so.
    expect((pool as unknown as { failure: unknown }).failure).toBeNull();
  });
});
