import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addDays, type Calendar } from '../../src/workflow/calendar/index.js';
import { type CaseStore, openCaseStore, seedSyntheticCases } from '../../src/workflow/cases/index.js';

export interface QueryTimes {
  database: string;
  cases: number;
  seedSeconds: number;
  /** Milliseconds per query, sorted. */
  overdue: number[];
  atRisk: number[];
  stats: number[];
  /** Rows the overdue query matched, on average. */
  meanOverdue: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Queries on days spread over the seeded span (2024-01-01 plus two years), each with its own "today". */
async function runQueries(store: CaseStore, rounds: number): Promise<Omit<QueryTimes, 'database' | 'cases' | 'seedSeconds'>> {
  const overdue: number[] = [];
  const atRisk: number[] = [];
  const stats: number[] = [];
  let matched = 0;
  for (let i = 0; i < rounds; i++) {
    const today = addDays('2024-01-01', Math.floor(((i + 0.5) / rounds) * 760));
    overdue.push(
      await timed(async () => {
        matched += (await store.listCases({ filter: 'overdue', today, limit: 50 })).total;
      }),
    );
    atRisk.push(await timed(() => store.listCases({ filter: 'at-risk', today, limit: 50 })));
    if (i % 5 === 0) stats.push(await timed(() => store.stats(today)));
  }
  const sort = (xs: number[]) => xs.sort((a, b) => a - b);
  return { overdue: sort(overdue), atRisk: sort(atRisk), stats: sort(stats), meanOverdue: matched / rounds };
}

async function onDatabase(database: string, url: string, count: number, rounds: number, calendar: Calendar): Promise<QueryTimes> {
  const started = process.hrtime.bigint();
  // Batches keep one statement's memory bounded on both databases.
  const batch = 250_000;
  for (let first = 1; first <= count; first += batch) await seedSyntheticCases(url, Math.min(batch, count - first + 1), { firstNo: first });
  const seedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const store = await openCaseStore(url, { calendar, clock: () => '2025-06-01T09:00:00.000+08:00' });
  try {
    return { database, cases: count, seedSeconds, ...(await runQueries(store, rounds)) };
  } finally {
    await store.disconnect();
  }
}

export async function sqliteQueries(count: number, rounds: number, calendar: Calendar): Promise<QueryTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'quanze-bench-cases-'));
  try {
    return await onDatabase('SQLite', join(dir, 'cases.sqlite'), count, rounds, calendar);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** On a database created for the run and dropped after it; null when the server does not answer. */
export async function postgresQueries(adminUrl: string, count: number, rounds: number, calendar: Calendar): Promise<QueryTimes | null> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    await admin.end().catch(() => {});
    return null;
  }
  const name = `quanze_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database "${name}"`);
  try {
    return await onDatabase('PostgreSQL', adminUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`), count, rounds, calendar);
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
