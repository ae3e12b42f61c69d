/**
 * A quick measurement of search: recall against the exhaustive substring match and latency,
 * on a generated corpus made from the samples' text. The full benchmark lives in bench/.
 *
 * Usage: node --import tsx src/store/testing/measure-search.ts [items=20000] [database url or file]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../open-store.js';
import { normalizeForSearch } from '../search/normalize.js';
import { referenceMatches } from '../search/reference.js';
import { corpus, querySet } from './corpus.js';

const items = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'quanze-measure-'));
const url = process.argv[3] ?? join(dir, 'measure.sqlite');
const perList = 500;

const lists = corpus({ lists: Math.ceil(items / perList), itemsPerList: perList, seed: 1 });
const store = await openStore(url);
await store.migrate();
let t = performance.now();
const entries: { item: (typeof lists)[number]['items'][number]; id: string }[] = [];
for (const list of lists) {
  const outcome = await store.importList(list);
  for (const [position, item] of list.items.entries()) entries.push({ item, id: `${outcome.listId}/${position}` });
}
const importMs = performance.now() - t;
const chars = entries.reduce((n, e) => n + [e.item.name, e.item.subItem, e.item.basis, e.item.duties, e.item.dutyBasis, e.item.accountability, e.item.accountabilityBasis].reduce((m, c) => m + (c?.text.length ?? 0), 0), 0);

const queries = querySet(lists, 200, 3).filter((q) => normalizeForSearch(q) !== '');
const times: number[] = [];
let recallSum = 0;
let exactSets = 0;
for (const q of queries) {
  t = performance.now();
  await store.search({ q });
  times.push(performance.now() - t);
  const want = new Set(referenceMatches(entries, q).map((e) => e.id));
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
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
console.log(
  JSON.stringify({
    dialect: store.dialect,
    items: entries.length,
    searchableChars: chars,
    importSeconds: +(importMs / 1000).toFixed(1),
    queries: queries.length,
    recall: recallSum / queries.length,
    identicalSets: `${exactSets}/${queries.length}`,
    latencyMs: { p50: at(0.5), p95: at(0.95), max: at(1) },
  }),
);
await store.close();
rmSync(dir, { recursive: true, force: true });
