import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Alignment, type AlignOptions, alignLists, registryResolver } from '../../src/align/index.js';
import { importFile } from '../../src/ingest/index.js';
import { loadRegistry } from '../../src/law/registry/index.js';
import type { PowerList } from '../../src/model/index.js';
import { SAMPLES, type SampleName, samplePath } from '../helpers/samples.js';

/**
 * Precision and recall of alignment on hand-labeled pairs from the samples (see
 * fixtures/labeled-pairs.json for each label's reason). A pair is predicted "same" when
 * aligning its two lists pairs exactly those two entries.
 */

const SampleKey = z.enum(Object.keys(SAMPLES) as [SampleName, ...SampleName[]]);
const EntrySpec = z.union([z.object({ sample: SampleKey, name: z.string() }), z.object({ sample: SampleKey, sheet: z.string() })]);
const Labeled = z.object({
  about: z.string(),
  pairs: z.array(z.object({ left: EntrySpec, right: EntrySpec, same: z.boolean(), reason: z.string().min(10) })),
});
type EntrySpec = z.infer<typeof EntrySpec>;

const labeled = Labeled.parse(JSON.parse(readFileSync(new URL('./fixtures/labeled-pairs.json', import.meta.url), 'utf8')));

describe.each([
  { resolution: '按标题比较法规（不加载法规库）', registry: false },
  { resolution: '经法规库解析法规、版本和条文对应', registry: true },
])('alignment on labeled sample pairs, $resolution', ({ resolution, registry }) => {
  const lists = new Map<SampleName, PowerList>();
  let options: AlignOptions = {};
  beforeAll(async () => {
    for (const name of Object.keys(SAMPLES) as SampleName[]) lists.set(name, await importFile(samplePath(name)));
    if (registry) options = { resolver: registryResolver(await loadRegistry()) };
  });

  /** The entry a spec names: its kind and index in its list. */
  function locate(spec: EntrySpec): { kind: 'item' | 'sheet'; index: number } {
    const list = lists.get(spec.sample) as PowerList;
    const index = 'name' in spec ? list.items.findIndex((i) => i.name.text.trim() === spec.name) : list.processSheets.findIndex((s) => s.title === spec.sheet);
    expect(index, `${spec.sample} 中找不到 ${JSON.stringify(spec)}`).toBeGreaterThanOrEqual(0);
    return { kind: 'name' in spec ? 'item' : 'sheet', index };
  }

  it('has at least 30 labeled pairs, positives and hard negatives, every entry found in its sample', () => {
    expect(labeled.pairs.length).toBeGreaterThanOrEqual(30);
    expect(labeled.pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(5);
    expect(labeled.pairs.filter((p) => !p.same && p.reason.startsWith('难例')).length).toBeGreaterThanOrEqual(5);
    for (const pair of labeled.pairs) {
      locate(pair.left);
      locate(pair.right);
      expect(pair.left.sample).not.toBe(pair.right.sample);
    }
  });

  it('reaches precision and recall of at least 0.9', () => {
    const alignments = new Map<string, Alignment>();
    const alignmentOf = (a: SampleName, b: SampleName) => {
      const key = `${a}|${b}`;
      let alignment = alignments.get(key);
      if (!alignment) alignments.set(key, (alignment = alignLists([lists.get(a) as PowerList, lists.get(b) as PowerList], options)));
      return alignment;
    };
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    const wrong: string[] = [];
    for (const pair of labeled.pairs) {
      const left = locate(pair.left);
      const right = locate(pair.right);
      const pairs = alignmentOf(pair.left.sample, pair.right.sample).comparisons[0]?.pairs ?? [];
      const paired = pairs.find((p) => p.left.ref.kind === left.kind && p.left.ref.index === left.index);
      const predicted = paired !== undefined && paired.right.ref.kind === right.kind && paired.right.ref.index === right.index;
      if (predicted && pair.same) tp++;
      else if (predicted) fp++;
      else if (pair.same) fn++;
      else tn++;
      if (predicted !== pair.same) wrong.push(`${pair.same ? '漏配' : '误配'}：${JSON.stringify(pair.left)} ↔ ${JSON.stringify(pair.right)}${paired ? `（得分 ${paired.score.toFixed(3)}）` : ''}`);
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    console.info(`对齐标注集（${resolution}）：${labeled.pairs.length} 对（同一权力 ${tp + fn}，不同 ${fp + tn}）；TP ${tp} FP ${fp} FN ${fn} TN ${tn}；精确率 ${precision.toFixed(3)}，召回率 ${recall.toFixed(3)}`);
    for (const line of wrong) console.info(`  ${line}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
