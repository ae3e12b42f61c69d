import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from '../dialects/adapter.js';

/**
 * Databases for the store suite: a temporary SQLite file, or a PostgreSQL database created
 * for this test file run (one schema per suite part inside it) and dropped afterwards.
 */
export const PG_ADMIN_URL = process.env.QUANZE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const PG_UNREACHABLE = `PostgreSQL 不可达（${PG_ADMIN_URL}），跳过 PostgreSQL 部分：请 apt-get install postgresql 并启动，或设置 QUANZE_TEST_PG_URL`;

export async function postgresReachable(adminUrl = PG_ADMIN_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestDatabases {
  readonly dialect: DialectName;
  /** The URL of a new, empty database (or schema). */
  fresh(): Promise<string>;
  /** Removes everything fresh() made. */
  dispose(): Promise<void>;
}

export function sqliteDatabases(): TestDatabases {
  const dir = mkdtempSync(join(tmpdir(), 'quanze-store-'));
  let n = 0;
  return {
    dialect: 'sqlite',
    async fresh() {
      n++;
      return join(dir, `db-${n}.sqlite`);
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function postgresDatabases(adminUrl = PG_ADMIN_URL): TestDatabases {
  const database = `quanze_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  let created = false;
  let n = 0;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>, url = adminUrl): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    dialect: 'postgres',
    async fresh() {
      if (!created) {
        await admin((c) => c.query(`create database ${database}`));
        created = true;
      }
      n++;
      const schema = `suite_${n}`;
      await admin((c) => c.query(`create schema ${schema}`), withDatabase(adminUrl, database));
      const url = new URL(withDatabase(adminUrl, database));
      url.searchParams.set('options', `-c search_path=${schema}`);
      return url.toString();
    },
    async dispose() {
      if (created) await admin((c) => c.query(`drop database if exists ${database} with (force)`));
    },
  };
}
