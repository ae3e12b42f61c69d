import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';

/**
 * A process killed with SIGKILL in the middle of a large import leaves a SQLite database
 * that passes integrity checks, with the list either whole or absent (and an earlier
 * version, if any, whole and still the latest).
 */
const dir = mkdtempSync(join(tmpdir(), 'quanze-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHILD = new URL('./crash-child.ts', import.meta.url).pathname;

/**
 * Runs the child and kills it once the import of `killDuring` has written `walBytes` to the
 * write-ahead log: an uncommitted transaction spills there, so the kill lands mid-write.
 * Resolves with what the child printed.
 */
function runAndKill(file: string, kinds: string[], killDuring: string, walBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, ...kinds], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let watching = false;
    const watch = () => {
      const size = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
      if (size >= walBytes) child.kill('SIGKILL');
      else if (child.exitCode === null) setTimeout(watch, 5);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!watching && out.includes(`start ${killDuring}\n`)) {
        watching = true;
        watch();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed (code ${code}): ${out}${err}`));
      else resolve(out);
    });
  });
}

function integrity(file: string): string[] {
  const db = new Database(file);
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const fk = db.pragma('foreign_key_check') as unknown[];
    for (const table of ['search_fts_title_bi', 'search_fts_title_uni', 'search_fts_all_bi', 'search_fts_all_uni']) {
      db.prepare(`insert into ${table}(${table}) values ('integrity-check')`).run();
    }
    return [...rows.map((r) => r.integrity_check), ...fk.map((r) => JSON.stringify(r))];
  } finally {
    db.close();
  }
}

async function state(file: string) {
  const store = await openStore(file);
  try {
    const lists = await store.listLists();
    const found = await store.search({ q: '对违反保守国家秘密法规定', pageSize: 1 });
    const large = await store.search({ q: 'large清单', pageSize: 1 });
    return { lists, found: found.total, large: large.total, largeExact: large.totalExact };
  } finally {
    await store.close();
  }
}

describe('a SQLite import killed with SIGKILL', () => {
  const MB = 1024 * 1024;
  it.each([2, 30, 80])('leaves a new list whole or absent (killed after %i MB of log)', async (mb) => {
    const file = join(dir, `new-${mb}.sqlite`);
    const out = await runAndKill(file, ['large'], 'large', mb * MB);
    expect(out, 'the kill must land before the import finished').not.toContain('done large');
    expect(integrity(file)).toEqual(['ok']);
    const { lists, found } = await state(file);
    // Killed mid-transaction, the list cannot have committed; were it there, it would have to be whole.
    expect(lists.map((l) => l.itemCount)).toEqual([]);
    expect(found).toBe(0);
  });

  it('keeps the previous version whole when a new version is killed halfway', async () => {
    const file = join(dir, 'update.sqlite');
    const out = await runAndKill(file, ['small', 'large'], 'large', 30 * MB);
    expect(out).toContain('done small created 5');
    expect(out).not.toContain('done large');
    expect(integrity(file)).toEqual(['ok']);
    const { lists, found, large } = await state(file);
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({ key: '崩溃测试局', versionCount: 1, itemCount: 5 });
    expect([found, large]).toEqual([5, 0]);
  });
});
