import { normalizeForSearch } from '../../src/store/index.js';
import { loadTemplates } from '../../src/store/testing/corpus.js';
import { corpusDocs } from './corpus.js';
import { type EngineReport, measureEngine } from './measure-engine.js';
import { type Engine, withNormalisedQueries } from './peers/engine.js';
import { flexSearchEngine } from './peers/flexsearch.js';
import { miniSearchEngine } from './peers/minisearch.js';
import { QUERIES, truth } from './queries.js';

/**
 * Measures one in-process engine in a process of its own (run with --expose-gc and a heap
 * limit to fit its index), over the first `items` items of the corpus; prints one JSON line.
 * Usage: peer-child.ts <minisearch|flexsearch> <items> <seed> <rounds> <budget seconds>
 */
const [name, items, seed, rounds, budget] = process.argv.slice(2);
const makers: Record<string, (docs: readonly (readonly string[])[]) => Engine> = { minisearch: miniSearchEngine, flexsearch: flexSearchEngine };
const make = makers[name ?? ''];
if (!make) throw new Error(`未知的引擎：${name}`);
const { docs } = corpusDocs(await loadTemplates(), { items: Number(items), seed: Number(seed) });
const truths = QUERIES.map((q) => truth(docs, q));
const fields = docs.map((d) => d.fields);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
gc();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
const engine = withNormalisedQueries(make(fields), normalizeForSearch);
const buildSeconds = (performance.now() - started) / 1000;
gc();
const heapMb = (process.memoryUsage().heapUsed - before) / 1e6;
const measured = await measureEngine(engine, truths, { rounds: Number(rounds), budgetSeconds: Number(budget) });
const report: EngineReport = { ...measured, docs: docs.length, buildSeconds, heapMb };
console.log(JSON.stringify(report));
