import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/index.js';
import { loadRegistry, type Registry } from '../registry/index.js';
import { citationsOfItem, extractCitations, lineAt, titleLexicon } from './index.js';
import type { Citation } from './types.js';

/**
 * The hand-labelled citations of the samples (labels/*.tsv, written by reading the lists)
 * against what the extractor finds, line by line over the ranges each file covers.
 */

const LABELS_DIR = fileURLToPath(new URL('./labels/', import.meta.url));
const SAMPLES_DIR = fileURLToPath(new URL('../../../data/samples/', import.meta.url));

interface Found {
  line: number;
  written: string;
  law: string;
  article: string;
  paragraph: string;
  item: string;
}

interface LabelFile {
  sample: string;
  ranges: Array<[number, number]>;
  labels: Found[];
}

function readLabels(name: string): LabelFile {
  const prefix = name.slice(0, 3);
  const sample = readdirSync(SAMPLES_DIR).find((f) => f.startsWith(prefix)) as string;
  const ranges: Array<[number, number]> = [];
  const labels: Found[] = [];
  for (const row of readFileSync(LABELS_DIR + name, 'utf8').split('\n')) {
    if (row.trim() === '' || row.startsWith('#')) continue;
    const cols = row.split('\t');
    if (cols[0] === '@lines') {
      const [a, b] = (cols[1] ?? '').split('-').map(Number);
      ranges.push([a as number, b as number]);
      continue;
    }
    const [line, written, law, article = '', paragraph = '', item = ''] = cols;
    labels.push({ line: Number(line), written: written ?? '', law: law ?? '', article, paragraph, item });
  }
  return { sample, ranges, labels };
}

const key = (f: Found) => [f.line, f.written, f.law, f.article, f.paragraph, f.item].join('|');

/** One row per reference (or per title, when a law is named without an article). */
function rows(c: Citation, raw: string, line: (offset: number) => number, registry: Registry): Found[] {
  if (c.titleKind === 'document') return [];
  const law = c.title === undefined ? '?' : (registry.findLaw(c.title)?.id ?? `?${c.title}`);
  if (c.refs.length === 0) {
    if (c.via === 'continuation' || c.via === 'bare' || c.via === 'context') return [];
    return [{ line: line(c.span[0]), written: raw.slice(c.span[0], c.span[1]), law, article: '', paragraph: '', item: '' }];
  }
  return c.refs.map((r) => ({
    line: line(r.span[0]),
    written: r.raw,
    law,
    article: String(r.article),
    paragraph: r.paragraph === undefined ? '' : String(r.paragraph),
    item: r.item === undefined ? '' : String(r.item),
  }));
}

function score(expected: readonly Found[], found: readonly Found[]) {
  const left = new Map<string, number>();
  for (const e of expected) left.set(key(e), (left.get(key(e)) ?? 0) + 1);
  let hits = 0;
  const extra: string[] = [];
  for (const f of found) {
    const n = left.get(key(f)) ?? 0;
    if (n > 0) {
      hits++;
      left.set(key(f), n - 1);
    } else extra.push(key(f));
  }
  const missed = [...left].flatMap(([k, n]) => Array<string>(n).fill(k));
  return { hits, expected: expected.length, found: found.length, missed, extra };
}

const files = readdirSync(LABELS_DIR).filter((f) => f.endsWith('.tsv')).sort();
let registry: Registry;
let titles: string[];
const labelled = files.map(readLabels);
const within = (l: LabelFile, line: number) => l.ranges.some(([a, b]) => line >= a && line <= b);

beforeAll(async () => {
  registry = await loadRegistry();
  titles = titleLexicon(registry);
});

describe('labelled citations of the samples', () => {
  it('hold at least 200 references, every label naming a registry law', () => {
    const all = labelled.flatMap((l) => l.labels);
    expect(all.length).toBeGreaterThanOrEqual(200);
    for (const label of all) expect(registry.getLaw(label.law), label.law).toBeDefined();
  });

  it('are found per cell, as the audit reads them, with precision and recall of at least 0.98', async () => {
    const totals = { hits: 0, expected: 0, found: 0 };
    const report: string[] = [];
    for (const l of labelled) {
      const list = await importFile(SAMPLES_DIR + l.sample);
      const found: Found[] = [];
      for (const item of list.items) {
        for (const cell of citationsOfItem(item, list.columns, { titles })) {
          for (const c of cell.citations) found.push(...rows(c, cell.raw, (o) => lineAt(cell, o), registry));
        }
      }
      const s = score(l.labels, found.filter((f) => within(l, f.line)));
      totals.hits += s.hits;
      totals.expected += s.expected;
      totals.found += s.found;
      report.push(`${l.sample}: ${s.hits}/${s.expected} labelled, ${s.found} found; missed ${s.missed.join(' ; ')}; extra ${s.extra.join(' ; ')}`);
    }
    const precision = totals.hits / totals.found;
    const recall = totals.hits / totals.expected;
    console.log(`citations per cell: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)} (${totals.hits}/${totals.expected}, ${totals.found} found)`);
    expect({ precision, recall, report }).toMatchObject({ precision: expect.any(Number), recall: expect.any(Number) });
    expect(precision, report.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(recall, report.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('are found in the whole file as well, spans pointing at what is written', () => {
    const totals = { hits: 0, expected: 0, found: 0 };
    const report: string[] = [];
    for (const l of labelled) {
      const source = readFileSync(SAMPLES_DIR + l.sample, 'utf8');
      const starts = [0];
      for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
      const line = (offset: number) => starts.findLastIndex((s) => s <= offset) + 1;
      const citations = extractCitations(source, { titles });
      for (const c of citations) for (const r of c.refs) expect(source.slice(r.span[0], r.span[1])).toBe(r.raw);
      const found = citations.flatMap((c) => rows(c, source, line, registry)).filter((f) => within(l, f.line));
      const s = score(l.labels, found);
      totals.hits += s.hits;
      totals.expected += s.expected;
      totals.found += s.found;
      report.push(`${l.sample}: missed ${s.missed.join(' ; ')}; extra ${s.extra.join(' ; ')}`);
    }
    const precision = totals.hits / totals.found;
    const recall = totals.hits / totals.expected;
    console.log(`citations per file: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`);
    // A duty cell's 本条例 (000 line 188) needs the item's 实施依据, which a whole file does not tell apart.
    expect(precision, report.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(recall, report.join('\n')).toBeGreaterThanOrEqual(0.98);
  });
});
