/**
 * A quick measurement of search: recall against the exhaustive substring match and latency,
 * on a generated corpus made from the samples' text. The full benchmark lives in bench/.
 *
 * Usage: node --import tsx src/store/testing/measure-search.ts [items=20000] [database url or file] [latency-only]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../open-store.js';
import { normalizeForSearch } from '../search/normalize.js';
import { fieldTexts } from '../search/fields.js';
import { corpus, querySet } from './corpus.js';

const items = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'quanze-measure-'));
const url = process.argv[3] ?? join(dir, 'measure.sqlite');
const perList = 500;

const lists = corpus({ lists: Math.ceil(items / perList), itemsPerList: perList, seed: 1 });
const store = await openStore(url);
await store.migrate();
let t = performance.now();
const entries: { item: (typeof lists)[number]['items'][number]; id: string; norm: string[] }[] = [];
for (const list of lists) {
  const outcome = await store.importList(list);
  for (const [position, item] of list.items.entries()) {
    // The reference match (referenceMatches) with each field normalised once, not once per query.
    entries.push({ item, id: `${outcome.listId}/${position}`, norm: fieldTexts(item).map((f) => normalizeForSearch(f.text)) });
  }
}
const importMs = performance.now() - t;
const chars = entries.reduce((n, e) => n + [e.item.name, e.item.subItem, e.item.basis, e.item.duties, e.item.dutyBasis, e.item.accountability, e.item.accountabilityBasis].reduce((m, c) => m + (c?.text.length ?? 0), 0), 0);

const queries = querySet(lists, 200, 3).filter((q) => normalizeForSearch(q) !== '');
const times: number[] = [];
// CPU time as well as wall time: on a shared machine the wall clock also counts waiting for a core.
const cpuTimes: number[] = [];
let recallSum = 0;
let exactSets = 0;
for (const q of queries) {
  t = performance.now();
  const cpu = process.cpuUsage();
  await store.search({ q });
  const used = process.cpuUsage(cpu);
  times.push(performance.now() - t);
  cpuTimes.push((used.user + used.system) / 1000);
}
for (const q of process.argv[4] === 'latency-only' ? [] : queries) {
  const nq = normalizeForSearch(q);
  const want = new Set(entries.filter((e) => e.norm.some((t) => t.includes(nq))).map((e) => e.id));
  const got = new Set<string>();
  for (let page = 1; ; page++) {
    const p = await store.search({ q, page, pageSize: 1000 });
    for (const hit of p.items) got.add(`${hit.listId}/${hit.position}`);
    if (p.items.length < 1000) break;
  }
  const found = [...want].filter((id) => got.has(id)).length;
  recallSum += want.size === 0 ? 1 : found / want.size;
  if (found === want.size && got.size === want.size) exactSets++;
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const pick = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(1);
const at = (p: number) => pick(times, p);
console.log(
  JSON.stringify({
    dialect: store.dialect,
    items: entries.length,
    searchableChars: chars,
    importSeconds: +(importMs / 1000).toFixed(1),
    queries: queries.length,
    ...(process.argv[4] === 'latency-only' ? {} : { recall: recallSum / queries.length, identicalSets: `${exactSets}/${queries.length}` }),
    latencyMs: { p50: at(0.5), p95: at(0.95), max: at(1) },
    cpuMs: { p50: pick(cpuTimes, 0.5), p95: pick(cpuTimes, 0.95), max: pick(cpuTimes, 1) },
  }),
);
await store.close();
rmSync(dir, { recursive: true, force: true });
