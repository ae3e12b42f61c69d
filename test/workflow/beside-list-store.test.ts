import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { repeatedSample } from '../../bench/large-list.js';
import { importBytes } from '../../src/ingest/index.js';
import { SLICE_MS } from '../../src/pace/index.js';
import { openStore } from '../../src/store/index.js';
import { openCaseForFileItem, openCaseStore } from '../../src/workflow/cases/index.js';
import { MIMA, movableClock, sample, tempSqlite, testCalendar } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Whether another connection holds the file's write lock now (asked without waiting). */
function writeLocked(file: string): boolean {
  const probe = new Database(file);
  probe.pragma('busy_timeout = 0');
  try {
    probe.exec('begin immediate');
    probe.exec('rollback');
    return false;
  } catch {
    return true;
  } finally {
    probe.close();
  }
}

describe('the case store beside the list store, on one SQLite file (quanze serve)', () => {
  it('a sign-out and a new case made while a paced import holds the write lock wait for its commit, then succeed', async () => {
    const file = tempSqlite();
    const store = await openStore(file);
    await store.migrate();
    const cases = await openCaseStore(file, { calendar: await testCalendar(), clock: movableClock('2025-09-26') });
    const mima = await sample(MIMA);
    const list = await importBytes('large.txt', new TextEncoder().encode(repeatedSample(4)));
    // Time flies: the import pauses at every point it may, its transaction open across turns of the event loop.
    let now = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => (now += SLICE_MS));
    const order: string[] = [];
    const imported = store.importList(list).then((outcome) => {
      order.push('import');
      return outcome;
    });
    while (!writeLocked(file)) await new Promise((resolve) => setImmediate(resolve));
    // A synchronous busy wait here stopped the event loop, and with it the import holding the lock, until it gave up.
    const signedOut = cases.signOuts.add('session-hash', 2_000_000_000, 1).then(() => order.push('sign-out'));
    const opened = openCaseForFileItem(cases, mima, 2).then((view) => {
      order.push('case');
      return view;
    });
    const [outcome, , view] = await Promise.all([imported, signedOut, opened]);
    expect(outcome.status).toBe('created');
    expect(order[0]).toBe('import');
    expect(await cases.signOuts.has('session-hash')).toBe(true);
    expect(await cases.getCase(view.summary.id)).not.toBeNull();
    expect((await cases.verify()).ok).toBe(true);
    await cases.disconnect();
    await store.close();
  }, 60_000);
});
