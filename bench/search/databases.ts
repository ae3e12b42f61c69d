import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../../src/store/index.js';
import { OUT_DIR } from '../large-list.js';
import { CORPUS_VERSION, generateLists, type ProvinceSpec, type Templates } from '../../src/store/testing/corpus.js';

/**
 * The store's migrations decide what a built database holds: a change to the stored tables or
 * index (including what the index is fed) needs a migration for real databases too, so a
 * database built by the same migrations is what a deployment would be searching. Changes to
 * the query side take effect on a cached database. QUANZE_BENCH_SEARCH_REBUILD=1 rebuilds anyway.
 */
const STORE_FILES = ['migrations/'];
const STORE = fileURLToPath(new URL('../../src/store/', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));

const PG_DATABASE = 'quanze_bench';

/**
 * The server's administrative database and the corpus's database beside it. QUANZE_BENCH_PG_URL
 * names a database on the server, as bench/deadlines reads it (…/postgres); a URL without
 * one names the server alone.
 */
export function benchDatabases(env: NodeJS.ProcessEnv = process.env): { admin: string; corpus: string } {
  const given = env.QUANZE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const on = (database: string) => {
    const url = new URL(given);
    url.pathname = `/${database}`;
    return url.href;
  };
  return { admin: new URL(given).pathname.length > 1 ? given : on('postgres'), corpus: on(PG_DATABASE) };
}

export const PG_SERVER = benchDatabases().admin;

function filesUnder(path: string): string[] {
  if (!path.endsWith('/')) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => path + f);
}

/**
 * Names a built corpus: generator version, size, seed, and a hash of the samples and of the
 * store's migrations, so a cached database is never measured after either changes.
 */
export function corpusKey(spec: ProvinceSpec): string {
  const hash = createHash('sha256');
  for (const file of STORE_FILES.flatMap((f) => filesUnder(STORE + f))) hash.update(readFileSync(file));
  for (const file of readdirSync(SAMPLES).sort()) if (file.endsWith('.txt')) hash.update(readFileSync(SAMPLES + file));
  return `v${CORPUS_VERSION}-${spec.items}-s${spec.seed}-${hash.digest('hex').slice(0, 10)}`;
}

type Progress = (done: number, total: number) => void;

async function fill(url: string, templates: Templates, spec: ProvinceSpec, progress: Progress): Promise<void> {
  const store = await openStore(url);
  try {
    await store.migrate();
    let done = 0;
    for (const list of generateLists(templates, spec)) {
      const outcome = await store.importList(list);
      if (outcome.status !== 'created') throw new Error(`清单 ${list.department} 导入结果为 ${outcome.status}，应为新建`);
      done += list.items.length;
      progress(done, spec.items);
    }
  } finally {
    await store.close();
  }
}

/** The SQLite file holding the corpus, built once per corpus key under bench/.out/. */
export async function sqliteCorpus(templates: Templates, spec: ProvinceSpec, progress: Progress): Promise<{ path: string; built: boolean }> {
  await mkdir(OUT_DIR, { recursive: true });
  const path = `${OUT_DIR}search-${corpusKey(spec)}.sqlite`;
  if (existsSync(path) && process.env.QUANZE_BENCH_SEARCH_REBUILD !== '1') return { path, built: false };
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  await fill(building, templates, spec, progress);
  // Closing checkpointed the WAL, so the main file is the whole database.
  renameSync(building, path);
  return { path, built: true };
}

/** Whether the PostgreSQL server answers; a bench without it skips the column instead of failing. */
async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The corpus in the dedicated database quanze_bench (created when missing), rebuilt when it
 * holds another corpus key. Null with the reason when the server does not answer.
 */
export async function postgresCorpus(
  templates: Templates,
  spec: ProvinceSpec,
  progress: Progress,
): Promise<{ url: string; built: boolean } | { url: null; reason: string }> {
  const { admin, corpus: url } = benchDatabases();
  const unreachable = await reachable(admin);
  if (unreachable !== null) return { url: null, reason: unreachable };
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [PG_DATABASE]);
    if (exists.rowCount === 0) await client.query(`create database ${PG_DATABASE}`);
  } finally {
    await client.end();
  }
  const key = corpusKey(spec);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('create table if not exists quanze_bench_meta (corpus_key text not null)');
    const held = await db.query<{ corpus_key: string }>('select corpus_key from quanze_bench_meta');
    if (held.rows[0]?.corpus_key === key && process.env.QUANZE_BENCH_SEARCH_REBUILD !== '1') return { url, built: false };
    await db.query('drop schema public cascade');
    await db.query('create schema public');
  } finally {
    await db.end();
  }
  await fill(url, templates, spec, progress);
  const done = new pg.Client({ connectionString: url });
  await done.connect();
  try {
    await done.query('create table quanze_bench_meta (corpus_key text not null)');
    await done.query('insert into quanze_bench_meta values ($1)', [key]);
    await done.query('analyze');
  } finally {
    await done.end();
  }
  return { url, built: true };
}
