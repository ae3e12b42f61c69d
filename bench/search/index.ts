import { normalizeForSearch, SEARCH_TOTAL_CAP } from '../../src/store/index.js';
import { loadTemplates, type ProvinceSpec } from '../../src/store/testing/corpus.js';
import { OUT_DIR } from '../large-list.js';
import { fmt } from '../measure.js';
import { corpusDocs } from './corpus.js';
import { corpusKey, PG_SERVER, postgresCorpus, sqliteCorpus } from './databases.js';
import { type EngineReport, type MeasureOptions, measureEngine } from './measure-engine.js';
import { PAGE_SIZE, withNormalisedQueries } from './peers/engine.js';
import { fts5TrigramEngine } from './peers/fts5-trigram.js';
import { type QuanzeEngine, quanzeEngine } from './peers/quanze.js';
import { expectedPage, QUERIES, type Truth, truth } from './queries.js';
import { runPeer } from './spawn-peer.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const ENGINES = ['sqlite', 'postgres', 'trigram', 'flexsearch', 'minisearch'] as const;
type EngineName = (typeof ENGINES)[number];

/** QUANZE_BENCH_SEARCH_ENGINES=postgres,sqlite runs only those (default: all of them). */
function selectedEngines(): Set<EngineName> {
  const asked = process.env.QUANZE_BENCH_SEARCH_ENGINES?.trim();
  if (!asked) return new Set(ENGINES);
  const names = asked.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !(ENGINES as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`QUANZE_BENCH_SEARCH_ENGINES 里有未知的引擎：${unknown.join('、')}（可选 ${ENGINES.join('、')}）`);
  return new Set(names as EngineName[]);
}

type Timing = Required<Pick<MeasureOptions, 'rounds' | 'budgetSeconds'>>;

/** quanze counts up to a cap: below it the total is exact, above it a lower bound saying so. */
const cappedTotalIsRight = (page: { total: number; totalExact?: boolean }, t: Truth) =>
  t.hits.length <= SEARCH_TOTAL_CAP ? page.total === t.hits.length && page.totalExact === true : page.total === SEARCH_TOTAL_CAP && page.totalExact === false;

function progress(label: string): (done: number, total: number) => void {
  let shown = -1;
  const started = performance.now();
  return (done, total) => {
    const tenth = Math.floor((done / total) * 10);
    if (tenth === shown) return;
    shown = tenth;
    console.log(`  ${label}：${done}/${total} 个事项，${fmt((performance.now() - started) / 1000, 0)} 秒`);
  };
}

/** Through search() itself, page after page, for the queries small enough to walk: nothing lost on the way. */
async function walkCheck(engine: QuanzeEngine, truths: readonly Truth[], walkMax: number): Promise<string> {
  const small = truths.filter((t) => t.hits.length <= walkMax);
  let same = 0;
  let hits = 0;
  for (const t of small) {
    const got = await engine.walk(t.query);
    hits += got.length;
    const want = new Set(t.hits);
    if (got.length === want.size && got.every((d) => want.has(d))) same++;
  }
  return `${same}/${small.length} 个查询（命中 ≤ ${walkMax}，共 ${hits} 条）逐页取回的结果与穷举一致`;
}

async function measureQuanze(url: string, lists: Parameters<typeof quanzeEngine>[1], truths: readonly Truth[], timing: Timing, walkMax: number) {
  const engine = await quanzeEngine(url, lists);
  try {
    const report = await measureEngine(engine, truths, { ...timing, totalIsRight: cappedTotalIsRight, expectedPage: (t) => expectedPage(t, PAGE_SIZE) });
    const walked = await walkCheck(engine, truths, walkMax);
    return { report, walked };
  } finally {
    await engine.close();
  }
}

function row(r: EngineReport, quanze: EngineReport): Record<string, string> {
  return {
    引擎: r.name,
    文档数: String(r.docs),
    轮数: r.rounds === 0 ? '1（无预热）' : String(r.rounds),
    构建秒: r.buildSeconds === null ? '（缓存）' : fmt(r.buildSeconds),
    '堆 MB': r.heapMb === null ? '—' : fmt(r.heapMb, 0),
    'p50 ms': fmt(r.p50Ms, 2),
    'p95 ms': fmt(r.p95Ms, 2),
    'max ms': fmt(r.maxMs, 1),
    'CPU p50': r.cpuP50Ms === null ? '—' : fmt(r.cpuP50Ms, 2),
    'CPU p95': r.cpuP95Ms === null ? '—' : fmt(r.cpuP95Ms, 2),
    召回率: fmt(r.recall, 4),
    最低召回: fmt(r.minRecall, 4),
    精确率: fmt(r.precision, 4),
    结果集一致: `${r.exactSets}/${r.queries}`,
    总数正确: `${r.rightTotals}/${r.queries}`,
    首页一致: r.rightPages === null ? '—' : `${r.rightPages}/${r.queries}`,
    'quanze p95 / 本行 p95': fmt(quanze.p95Ms / r.p95Ms, 2),
    'CPU p95 之比': r.cpuP95Ms === null || quanze.cpuP95Ms === null ? '—' : fmt(quanze.cpuP95Ms / r.cpuP95Ms, 2),
  };
}

/**
 * bench/search: a generated province of lists (QUANZE_BENCH_SEARCH_ITEMS items, 200,000 by
 * default) and a fixed query set; p50/p95 latency of a first page with its total, and
 * recall against the exhaustive substring match, for quanze on SQLite and PostgreSQL,
 * SQLite FTS5's trigram tokenizer, FlexSearch and MiniSearch. Target: p95 ≤ 20 ms on SQLite
 * with recall 1.0. Built databases are kept in bench/.out/ and reused.
 */
export async function run(): Promise<void> {
  const spec: ProvinceSpec = { items: env('QUANZE_BENCH_SEARCH_ITEMS', 200_000), seed: 1 };
  const rounds = env('QUANZE_BENCH_SEARCH_ROUNDS', 5);
  const timing: Timing = { rounds, budgetSeconds: env('QUANZE_BENCH_SEARCH_ENGINE_SECONDS', 60) };
  const walkMax = env('QUANZE_BENCH_SEARCH_WALK_MAX', 5_000);
  const heapLimitMb = env('QUANZE_BENCH_SEARCH_HEAP_MB', 8_192);
  // In-process indexes of every item take minutes to build (FlexSearch, 2.4 GB at 200,000) or
  // do not fit (MiniSearch, about 50 KB per item): by default they index a prefix of the corpus.
  const flexItems = Math.min(spec.items, env('QUANZE_BENCH_SEARCH_FLEXSEARCH_ITEMS', 50_000));
  const miniItems = Math.min(spec.items, env('QUANZE_BENCH_SEARCH_MINISEARCH_ITEMS', 10_000));
  const engines = selectedEngines();
  console.log(`\n== bench/search：语料 ${corpusKey(spec)}`);

  const templates = await loadTemplates();
  const { docs, lists } = corpusDocs(templates, spec);
  let chars = 0;
  for (const d of docs) for (const f of d.fields) chars += f.length;
  let started = performance.now();
  const truths = QUERIES.map((q) => truth(docs, q));
  const sizes = truths.map((t) => t.hits.length).sort((a, b) => a - b);
  console.log(
    `${lists.length} 个清单，${docs.length} 个事项，可搜索文本 ${fmt(chars / 1e6)} M 字；${QUERIES.length} 个查询，` +
      `穷举用时 ${fmt((performance.now() - started) / 1000)} 秒；命中数 最少 ${sizes[0]}、中位 ${sizes[Math.floor(sizes.length / 2)]}、最多 ${sizes.at(-1)}`,
  );

  const reports: EngineReport[] = [];
  const notes: string[] = [];

  if (engines.has('sqlite')) {
    started = performance.now();
    const sqlite = await sqliteCorpus(templates, spec, progress('建 SQLite 库'));
    const sqliteBuild = sqlite.built ? (performance.now() - started) / 1000 : null;
    const onSqlite = await measureQuanze(sqlite.path, lists, truths, timing, walkMax);
    reports.push({ ...onSqlite.report, docs: docs.length, buildSeconds: sqliteBuild, heapMb: null });
    notes.push(`quanze（SQLite）：${onSqlite.walked}`);
  }

  if (!engines.has('postgres')) notes.push('PostgreSQL：QUANZE_BENCH_SEARCH_ENGINES 未选，跳过');
  else {
    started = performance.now();
    const pg = await postgresCorpus(templates, spec, progress('建 PostgreSQL 库'));
    if (pg.url === null) console.log(`PostgreSQL（${PG_SERVER}）连不上，跳过这一列：${pg.reason}`);
    else {
      const onPg = await measureQuanze(pg.url, lists, truths, timing, walkMax);
      reports.push({ ...onPg.report, docs: docs.length, buildSeconds: pg.built ? (performance.now() - started) / 1000 : null, heapMb: null });
      notes.push(`quanze（PostgreSQL）：${onPg.walked}`);
    }
  }

  if (engines.has('trigram')) {
    started = performance.now();
    const trigram = fts5TrigramEngine(`${OUT_DIR}search-trigram-${corpusKey(spec)}.sqlite`, docs);
    const trigramBuild = trigram.built ? (performance.now() - started) / 1000 : null;
    try {
      const measured = await measureEngine(withNormalisedQueries(trigram, normalizeForSearch), truths, timing);
      reports.push({ ...measured, docs: docs.length, buildSeconds: trigramBuild, heapMb: null });
    } finally {
      trigram.close();
    }
    const short = QUERIES.filter((q) => Array.from(normalizeForSearch(q)).length < 3).length;
    notes.push(`SQLite FTS5 trigram：${short} 个不足 3 个字的查询用不上三字索引，退回 LIKE 全表扫描`);
  }

  for (const [engine, items] of [
    ['flexsearch', flexItems],
    ['minisearch', miniItems],
  ] as const) {
    if (!engines.has(engine)) continue;
    const result = await runPeer({ engine, items, seed: spec.seed, ...timing, heapLimitMb });
    if ('failed' in result) notes.push(`${engine}（${items} 个事项）未能完成：${result.failed}`);
    else {
      reports.push(result);
      if (items < spec.items) notes.push(`${result.name} 只建了前 ${items} 个事项的索引（全量太慢或内存不够），与 quanze 的全量相比偏向它`);
    }
  }

  console.log(`\n每个查询：首页 ${PAGE_SIZE} 条及总数；每个引擎预热一轮后计时 ${rounds} 轮（一轮太慢的引擎在 ${timing.budgetSeconds} 秒内能跑几轮算几轮）`);
  if (reports.length === 0) return;
  // The first row is the yardstick of the ratio columns: quanze on SQLite unless it was not selected.
  console.table(reports.map((r) => row(r, reports[0]!)));
  for (const note of [...reports.map((r) => `${r.name}：${r.note}`), ...notes]) console.log(`- ${note}`);
  for (const r of reports) console.log(`- ${r.name} 最慢的查询（命中数）中位用时：${r.slowest.join('，')}`);
  if (!engines.has('sqlite')) return;
  const q = reports[0]!;
  const exact = q.minRecall === 1 && q.exactSets === q.queries;
  const met = q.p95Ms <= 20 && exact;
  console.log(
    `目标：SQLite 上 p95 ≤ 20 ms 且召回率 1.0 —— p95 ${fmt(q.p95Ms, 2)} ms（CPU 时间 p95 ${fmt(q.cpuP95Ms ?? Number.NaN, 2)} ms），` +
      `最低召回 ${fmt(q.minRecall, 4)}：${met ? '达标' : '未达标'}${!met && exact && (q.cpuP95Ms ?? Infinity) <= 20 ? '（按 CPU 时间达标：机器繁忙时墙钟时间偏高）' : ''}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
