import { describe, expect, it } from 'vitest';
import { benchDatabases } from '../../bench/search/databases.js';

describe('QUANZE_BENCH_PG_URL', () => {
  it('is read by bench/search as bench/deadlines reads it: a database on the server, the corpus beside it', () => {
    // The form bench/deadlines takes (and its default): bench/search made …/postgres/quanze_bench of it.
    expect(benchDatabases({ QUANZE_BENCH_PG_URL: 'postgres://bench:secret@db.example:6432/postgres?sslmode=disable' })).toEqual({
      admin: 'postgres://bench:secret@db.example:6432/postgres?sslmode=disable',
      corpus: 'postgres://bench:secret@db.example:6432/quanze_bench?sslmode=disable',
    });
    expect(benchDatabases({})).toEqual({ admin: 'postgres://postgres@127.0.0.1:5432/postgres', corpus: 'postgres://postgres@127.0.0.1:5432/quanze_bench' });
    // The server alone, as bench/search used to take it, still works.
    expect(benchDatabases({ QUANZE_BENCH_PG_URL: 'postgres://postgres@127.0.0.1:5432' })).toEqual({
      admin: 'postgres://postgres@127.0.0.1:5432/postgres',
      corpus: 'postgres://postgres@127.0.0.1:5432/quanze_bench',
    });
  });
});
