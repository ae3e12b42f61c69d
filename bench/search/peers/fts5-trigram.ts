import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { DocumentFields } from '../queries.js';
import { type Engine, PAGE_SIZE } from './engine.js';

const ROWS_PER_TRANSACTION = 5000;

/** Builds the table once per corpus key: one row per document, its fields joined by a newline. */
function build(path: string, docs: readonly DocumentFields[]): void {
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(building + suffix, { force: true });
  const db = new Database(building);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(`create virtual table docs using fts5(body, tokenize='trigram')`);
  const insert = db.prepare('insert into docs (rowid, body) values (?, ?)');
  const chunk = db.transaction((from: number, to: number) => {
    for (let d = from; d < to; d++) insert.run(d, docs[d]!.fields.join('\n'));
  });
  for (let from = 0; from < docs.length; from += ROWS_PER_TRANSACTION) chunk(from, Math.min(docs.length, from + ROWS_PER_TRANSACTION));
  db.exec(`insert into docs (docs) values ('optimize')`);
  db.close();
  renameSync(building, path);
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const phrase = (q: string) => `"${q.replace(/"/g, '""')}"`;

/**
 * A plain FTS5 table with SQLite's trigram tokenizer, over the same normalised text: a
 * query of three or more characters is a phrase of trigrams (exact substring); shorter
 * ones cannot use the index and fall back to LIKE, which scans every row.
 */
export function fts5TrigramEngine(path: string, docs: readonly DocumentFields[]): Engine & { built: boolean } {
  const built = !existsSync(path);
  if (built) build(path, docs);
  const db = new Database(path, { readonly: true });
  const statements = {
    matchPage: db.prepare<[string, number]>('select rowid from docs where docs match ? order by rowid limit ?').pluck(),
    matchCount: db.prepare<[string]>('select count(*) from docs where docs match ?').pluck(),
    matchAll: db.prepare<[string]>('select rowid from docs where docs match ? order by rowid').pluck(),
    likePage: db.prepare<[string, number]>(`select rowid from docs where body like ? escape '\\' order by rowid limit ?`).pluck(),
    likeCount: db.prepare<[string]>(`select count(*) from docs where body like ? escape '\\'`).pluck(),
    likeAll: db.prepare<[string]>(`select rowid from docs where body like ? escape '\\' order by rowid`).pluck(),
  };
  const short = (q: string) => Array.from(q).length < 3;
  return {
    name: 'SQLite FTS5 trigram',
    note: 'tokenize=trigram；不足 3 个字的查询用不上索引，退回 LIKE 全表扫描',
    built,
    page(q) {
      if (q === '') return { ids: [], total: 0 };
      if (short(q)) {
        const pattern = likePattern(q);
        return { ids: statements.likePage.all(pattern, PAGE_SIZE) as number[], total: statements.likeCount.get(pattern) as number };
      }
      return { ids: statements.matchPage.all(phrase(q), PAGE_SIZE) as number[], total: statements.matchCount.get(phrase(q)) as number };
    },
    all(q) {
      if (q === '') return [];
      return (short(q) ? statements.likeAll.all(likePattern(q)) : statements.matchAll.all(phrase(q))) as number[];
    },
    close() {
      db.close();
    },
  };
}
