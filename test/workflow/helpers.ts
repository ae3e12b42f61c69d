import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { importFile } from '../../src/ingest/index.js';
import type { PowerList } from '../../src/model/index.js';
import { type Calendar, loadCalendar } from '../../src/workflow/calendar/index.js';
import type { Clock } from '../../src/workflow/cases/index.js';

export const CALENDAR_DIR = fileURLToPath(new URL('../../data/calendar/', import.meta.url));
export const SAMPLE = (file: string) => fileURLToPath(new URL(`../../data/samples/${file}`, import.meta.url));
export const FLOWCHART = SAMPLE('002_0a622c9ed900c315.txt');
export const MIMA = SAMPLE('000_02bf2a8e6665d46e.txt');
export const BAOMI = SAMPLE('001_7632346c82027c4f.txt');

export function testCalendar(): Promise<Calendar> {
  return loadCalendar(CALENDAR_DIR);
}

export function sample(path: string): Promise<PowerList> {
  return importFile(path);
}

/** A clock the test moves: `clock.set('2025-10-09')`. */
export function movableClock(start: string): Clock & { set(date: string): void } {
  let now = start;
  const clock = (() => `${now}T10:00:00.000+08:00`) as Clock & { set(date: string): void };
  clock.set = (date: string) => {
    now = date;
  };
  return clock;
}

export function tempSqlite(): string {
  return join(mkdtempSync(join(tmpdir(), 'quanze-wf-')), 'cases.sqlite');
}

export const PG_ADMIN_URL = process.env.QUANZE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether the test PostgreSQL answers; in CI an unreachable server fails the suite instead of skipping it. */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    await client.end().catch(() => {});
    return false;
  }
}

/** Skip PostgreSQL suites only outside CI, saying so once. */
export async function skipPostgres(): Promise<boolean> {
  if (process.env.CI === 'true') return false;
  const ok = await postgresReachable();
  if (!ok) console.log(`PostgreSQL 不可达（${PG_ADMIN_URL}），跳过 PostgreSQL 用例；可运行 docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16 后重试。`);
  return !ok;
}

/** Creates a uniquely named database for one test file; `drop` removes it. */
export async function createTestDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `quanze_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  return {
    url,
    async drop() {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

/** Runs raw SQL against a test database, as someone tampering with it would. */
export async function rawSql(url: string, statements: string[]): Promise<void> {
  if (url.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const s of statements) await client.query(s);
    await client.end();
    return;
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(url);
  for (const s of statements) db.exec(s);
  db.close();
}
