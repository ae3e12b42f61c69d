import { fileURLToPath } from 'node:url';
import { loadCalendar } from '../../src/workflow/calendar/index.js';
import { COUNT_CAP } from '../../src/workflow/cases/index.js';
import { fmt, printTable } from '../measure.js';
import { contenders, deadlineInputs, disagreements, measure } from './compute.js';
import { percentile, postgresQueries, type QueryTimes, sqliteQueries } from './queries.js';

const CALENDAR_DIR = fileURLToPath(new URL('../../data/calendar/', import.meta.url));

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

function queryRow(t: QueryTimes): Record<string, string | number> {
  return {
    数据库: t.database,
    案件数: t.cases,
    '写入(秒)': fmt(t.seedSeconds),
    '超期查询 p50(ms)': fmt(percentile(t.overdue, 50), 2),
    '超期查询 p95(ms)': fmt(percentile(t.overdue, 95), 2),
    '临期查询 p95(ms)': fmt(percentile(t.atRisk, 95), 2),
    '统计 p95(ms)': fmt(percentile(t.stats, 95), 2),
    '平均超期件数(封顶)': Math.round(t.meanOverdue),
  };
}

/**
 * bench/deadlines: working-day deadlines per second beside chinese-days doing the same
 * computations on the same inputs in the same process, and the overdue query over stored
 * cases on SQLite and PostgreSQL.
 *
 * QUANZE_BENCH_DEADLINE_INPUTS (default 5000), QUANZE_BENCH_SECONDS per contender (default 2),
 * QUANZE_BENCH_CASES (default 1000000), QUANZE_BENCH_QUERIES (default 40),
 * QUANZE_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
export async function run(): Promise<void> {
  const calendar = await loadCalendar(CALENDAR_DIR);
  const inputs = deadlineInputs(envInt('QUANZE_BENCH_DEADLINE_INPUTS', 5000));
  const seconds = envInt('QUANZE_BENCH_SECONDS', 2);

  const diff = disagreements(calendar, inputs);
  const results = contenders(calendar).map((c) => measure(c, inputs, seconds));
  const baseline = results[0]?.opsPerSecond ?? 1;
  printTable(
    `bench/deadlines：N 个工作日后的日期（${inputs.length} 组输入，2020–2026 年起算，1–60 个工作日）`,
    results.map((r) => ({ 实现: r.name, 说明: r.note, '次/秒': Math.round(r.opsPerSecond), '相对 chinese-days': `${fmt(r.opsPerSecond / baseline, 1)}×` })),
  );
  console.log(`两者结果不一致：${diff.count} / ${inputs.length}${diff.examples.length > 0 ? `\n  ${diff.examples.join('\n  ')}` : ''}`);

  const cases = envInt('QUANZE_BENCH_CASES', 1_000_000);
  const rounds = envInt('QUANZE_BENCH_QUERIES', 40);
  const rows: Record<string, string | number>[] = [queryRow(await sqliteQueries(cases, rounds, calendar))];
  const pgUrl = process.env.QUANZE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const pgTimes = await postgresQueries(pgUrl, cases, rounds, calendar);
  if (pgTimes) rows.push(queryRow(pgTimes));
  else console.log(`PostgreSQL 不可达（${pgUrl}），跳过；可用 QUANZE_BENCH_PG_URL 指定。`);
  printTable(`bench/deadlines：超期/临期查询（${rounds} 次，每次不同的“今天”；返回前 50 件并计数，计数至多 ${COUNT_CAP} 件；统计为全部门精确计数）`, rows);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
