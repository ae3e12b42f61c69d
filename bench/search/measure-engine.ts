import { type Engine, PAGE_SIZE, type PageResult } from './peers/engine.js';
import type { Truth } from './queries.js';

/** One engine's numbers over the query set. */
export interface EngineReport {
  name: string;
  note: string;
  /** Documents the engine holds. */
  docs: number;
  /** Seconds to build the index in this run (null: built before and reused). */
  buildSeconds: number | null;
  /** Heap the index takes, for in-process engines. */
  heapMb: number | null;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /**
   * The same quantiles of this process's CPU time (user + system) per query, which a busy
   * machine skews far less than wall time; null when the work runs in another process
   * (PostgreSQL).
   */
  cpuP50Ms: number | null;
  cpuP95Ms: number | null;
  /** Found true hits over all true hits, summed over the queries. */
  recall: number;
  /** The lowest recall of a single query. */
  minRecall: number;
  /** True hits over returned hits, summed over the queries. */
  precision: number;
  /** Queries whose hit set equals the exhaustive answer. */
  exactSets: number;
  /** Queries whose total is right (or, where the engine caps counting, a right lower bound). */
  rightTotals: number;
  /** Queries whose first page is exactly the expected one, for engines with a defined order. */
  rightPages: number | null;
  queries: number;
  /** Timed passes over the query set after the warm-up (fewer when one pass is slow; 0: the warm-up pass only). */
  rounds: number;
  /** The slowest queries by median time: "query (hits) ms". */
  slowest: string[];
}

/** The value at quantile `p` of ascending `sorted` (nearest rank). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export interface MeasureOptions {
  rounds: number;
  /** Timed passes stop being added once they would take longer than this, in seconds. */
  budgetSeconds?: number;
  /** What an engine's total may be for a query: quanze stops counting at a cap. */
  totalIsRight?: (page: PageResult, truth: Truth) => boolean;
  /** The first page the engine must return, when its order is defined. */
  expectedPage?: (truth: Truth) => number[];
}

/**
 * Latency of the first page (with its total), timed over `rounds` passes of the whole query
 * set after one warm-up pass, the queries taken in turn so noise spreads over all of them;
 * then every hit of every query against the exhaustive answer.
 */
export async function measureEngine(engine: Engine, truths: readonly Truth[], options: MeasureOptions): Promise<Omit<EngineReport, 'docs' | 'buildSeconds' | 'heapMb'>> {
  const times: number[] = [];
  const cpu: number[] = [];
  const byQuery = new Map<string, number[]>();
  const pages = new Map<string, PageResult>();
  let rounds = options.rounds;
  for (let round = -1; round < rounds; round++) {
    const passStarted = performance.now();
    const pass: { query: string; ms: number; cpu: number }[] = [];
    for (const t of truths) {
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      const page = await engine.page(t.query);
      const ms = performance.now() - started;
      const spent = process.cpuUsage(cpuStarted);
      pass.push({ query: t.query, ms, cpu: (spent.user + spent.system) / 1000 });
      pages.set(t.query, page);
      if (page.ids.length > PAGE_SIZE) throw new Error(`${engine.name} 返回的首页超过 ${PAGE_SIZE} 条`);
    }
    const passSeconds = (performance.now() - passStarted) / 1000;
    // The warm-up pass sets how many timed passes fit in the budget; when not even one does,
    // the warm-up pass is all the timing there is (rounds 0).
    const warmUp = round === -1;
    if (warmUp && options.budgetSeconds !== undefined) {
      rounds = Math.min(rounds, Math.floor(options.budgetSeconds / passSeconds));
    }
    if (warmUp && rounds > 0) continue;
    for (const { query, ms, cpu: spent } of pass) {
      times.push(ms);
      cpu.push(spent);
      byQuery.set(query, [...(byQuery.get(query) ?? []), ms]);
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const medians = truths.map((t) => ({ t, ms: quantile([...(byQuery.get(t.query) ?? [])].sort((a, b) => a - b), 0.5) }));
  const slowest = medians
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ t, ms }) => `${t.query}（${t.hits.length}）${ms.toFixed(1)} ms`);
  let found = 0;
  let wanted = 0;
  let returned = 0;
  let minRecall = 1;
  let exactSets = 0;
  let rightTotals = 0;
  let rightPages = 0;
  const totalIsRight = options.totalIsRight ?? ((page, t) => page.total === t.hits.length);
  for (const t of truths) {
    const got = new Set(await engine.all(t.query));
    let hit = 0;
    for (const d of t.hits) if (got.has(d)) hit++;
    found += hit;
    wanted += t.hits.length;
    returned += got.size;
    if (t.hits.length > 0) minRecall = Math.min(minRecall, hit / t.hits.length);
    if (hit === t.hits.length && got.size === t.hits.length) exactSets++;
    const page = pages.get(t.query)!;
    if (totalIsRight(page, t)) rightTotals++;
    if (options.expectedPage && sameList(page.ids, options.expectedPage(t))) rightPages++;
  }
  return {
    name: engine.name,
    note: engine.note,
    p50Ms: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    maxMs: times.at(-1) ?? Number.NaN,
    cpuP50Ms: engine.outOfProcess ? null : quantile(cpu, 0.5),
    cpuP95Ms: engine.outOfProcess ? null : quantile(cpu, 0.95),
    recall: wanted === 0 ? 1 : found / wanted,
    minRecall,
    precision: returned === 0 ? 1 : found / returned,
    exactSets,
    rightTotals,
    rightPages: options.expectedPage ? rightPages : null,
    queries: truths.length,
    rounds,
    slowest,
  };
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
