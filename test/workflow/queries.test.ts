import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '../../src/workflow/calendar/index.js';
import { type CaseStore, type CaseSummary, isOverdue, openCaseStore, seedSyntheticCases } from '../../src/workflow/cases/index.js';
import { createTestDatabase, movableClock, skipPostgres, tempSqlite, testCalendar } from './helpers.js';

const skipPg = await skipPostgres();
let calendar: Calendar;
beforeAll(async () => {
  calendar = await testCalendar();
});

async function all(store: CaseStore): Promise<CaseSummary[]> {
  const out: CaseSummary[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listCases({ limit: 1000, offset });
    out.push(...page.items);
    if (page.items.length < 1000) return out;
  }
}

async function ids(store: CaseStore, filter: 'overdue' | 'at-risk', today: string): Promise<string[]> {
  const out: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listCases({ filter, today, limit: 1000, offset });
    out.push(...page.items.map((c) => c.id));
    if (page.items.length < 1000) return out.sort();
  }
}

/** The SQL of the overdue and at-risk queries against the same rules applied row by row. */
function querySuite(name: string, backend: () => Promise<{ url: string; cleanup(): Promise<void> }>) {
  describe(name, () => {
    let store: CaseStore;
    let cleanup = async () => {};
    let rows: CaseSummary[] = [];
    let url = '';
    beforeAll(async () => {
      const b = await backend();
      url = b.url;
      cleanup = b.cleanup;
      await seedSyntheticCases(b.url, 3000, { spanDays: 400 });
      store = await openCaseStore(b.url, { calendar, clock: movableClock('2025-01-01') });
      rows = await all(store);
    });
    afterAll(async () => {
      await store?.disconnect();
      await cleanup();
    });

    it('holds every seeded case, in every status', () => {
      expect(rows).toHaveLength(3000);
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['open', 'paused', 'closed']));
    });

    it.each(['2024-02-01', '2024-06-15', '2024-10-08', '2025-03-01'])('overdue and at-risk on %s match the rules row by row', async (today) => {
      const cutoff = calendar.addWorkdays(today, 2);
      const overdue = rows.filter((r) => isOverdue(r, today)).map((r) => r.id).sort();
      const atRisk = rows.filter((r) => r.status === 'open' && r.dueDate !== null && r.dueDate >= today && r.dueDate <= cutoff).map((r) => r.id).sort();
      expect(await ids(store, 'overdue', today)).toEqual(overdue);
      expect(await ids(store, 'at-risk', today)).toEqual(atRisk);
      expect(overdue.length).toBeGreaterThan(0);
    });

    it('stops counting a list past the cap and says so', async () => {
      const capped = await openCaseStore(url, { calendar, countCap: 100 });
      try {
        const today = '2025-03-01';
        const overdue = rows.filter((r) => isOverdue(r, today)).length;
        expect(overdue).toBeGreaterThan(100);
        expect(await capped.listCases({ filter: 'overdue', today, limit: 10 })).toMatchObject({ total: expect.any(Number), totalExact: false });
        expect((await capped.listCases({ filter: 'overdue', today, limit: 10 })).total).toBeGreaterThanOrEqual(100);
        const few = await capped.listCases({ filter: 'at-risk', today: '2024-06-14', limit: 10 });
        expect(few).toMatchObject({ totalExact: true, total: rows.filter((r) => r.status === 'open' && r.dueDate !== null && r.dueDate >= '2024-06-14' && r.dueDate <= calendar.addWorkdays('2024-06-14', 2)).length });
      } finally {
        await capped.disconnect();
      }
    });

    it('counts by department agree with the rows', async () => {
      const today = '2024-06-15';
      const stats = await store.stats(today);
      expect(stats.totals.open + stats.totals.paused + stats.totals.closed).toBe(3000);
      expect(stats.totals.overdue).toBe(rows.filter((r) => isOverdue(r, today)).length);
      const closed = rows.filter((r) => r.closedOn !== null);
      expect(stats.months.reduce((n, m) => n + m.closed, 0)).toBe(closed.length);
      expect(stats.months.reduce((n, m) => n + m.onTime, 0)).toBe(closed.filter((r) => r.onTime === true).length);
    });
  });
}

querySuite('overdue queries on SQLite', async () => ({ url: tempSqlite(), cleanup: async () => {} }));
describe.skipIf(skipPg)('PostgreSQL', () => {
  querySuite('overdue queries on PostgreSQL', async () => {
    const db = await createTestDatabase('wfq');
    return { url: db.url, cleanup: () => db.drop() };
  });
});
