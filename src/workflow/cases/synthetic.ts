import { sql } from 'kysely';
import { connect } from './db/connect.js';
import { migrateWorkflow } from './db/migrations.js';

export interface SyntheticOptions {
  /** Ids are `S-<n>` from this number on, so several batches can be added. */
  firstNo?: number;
  /** Opening dates are spread over this many days from 2024-01-01. */
  spanDays?: number;
  departments?: number;
}

/**
 * Inserts `count` synthetic case rows in one statement (a recursive CTE on SQLite,
 * generate_series on PostgreSQL) for benchmarks and query tests: a spread of statuses,
 * departments, opening and due dates, pauses and closings, deterministic in the row number.
 * They have no events, so `verify` reports them: never use this on a real database.
 */
export async function seedSyntheticCases(url: string, count: number, options: SyntheticOptions = {}): Promise<void> {
  const { db, dialect } = await connect(url);
  try {
    await migrateWorkflow(db as never, dialect);
    const first = options.firstNo ?? 1;
    const last = first + count - 1;
    const span = options.spanDays ?? 730;
    const departments = options.departments ?? 20;
    // h is a cheap hash of the row number; each column takes different digits of it.
    const columns = `id, item_ref, process_id, process_version, department, title, status, opened_on, opened_at, current_step, current_step_name, due_date, due_kind, statutory_due, promised_due, paused_since, closed_on, on_time, last_seq, updated_at, state, snapshot`;
    // The dialects differ in how they number rows, write a date and a cast; the rows are the same.
    const sqlite = dialect === 'sqlite';
    const rows = sqlite
      ? `with recursive n(i) as (select ${first} union all select i + 1 from n where i < ${last}),
r as (select i, (i * 2654435761) % 4294967296 as h from n),`
      : `with r as (select i, (i::bigint * 2654435761) % 4294967296 as h from generate_series(${first}, ${last}) as i),`;
    const day = sqlite ? (expr: string) => `date('2024-01-01', '+' || (${expr}) || ' days')` : (expr: string) => `(date '2024-01-01' + (${expr})::int)::text`;
    const itemRef = sqlite ? 'cast(i % 5000 as text)' : '(i % 5000)::text';
    await sql
      .raw(`
${rows}
c as (select i, h, h % 100 as kind, (h / 100) % ${span} as opened, 1 + (h / 100000) % 120 as len from r)
insert into "case" (${columns})
select 'S-' || i, ${itemRef}, 'P1', 1, '部门' || (h % ${departments}), '合成案件' || i,
  case when kind < 70 then 'open' when kind < 75 then 'paused' else 'closed' end,
  ${day('opened')}, ${day('opened')} || 'T09:00:00.000+08:00', 's1', '受理',
  case when kind < 75 then ${day('opened + len')} else null end, 'statutory',
  ${day('opened + len')}, ${day('opened + len - 5')},
  case when kind >= 70 and kind < 75 then ${day('opened + (h / 7) % (len + 20)')} else null end,
  case when kind >= 75 then ${day('opened + (h / 11) % (len + 30)')} else null end,
  case when kind >= 75 then case when (h / 11) % (len + 30) <= len then 1 else 0 end else null end,
  0, ${day('opened')} || 'T09:00:00.000+08:00', '{}', '{"name":"合成案件","duties":[],"situations":[]}'
from c`)
      .execute(db);
    await sql.raw(sqlite ? 'analyze' : 'vacuum analyze "case"').execute(db);
  } finally {
    await db.destroy();
  }
}
