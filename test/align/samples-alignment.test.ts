import { beforeAll, describe, expect, it } from 'vitest';
import { alignLists, listEntries, registryResolver, scorePair } from '../../src/align/index.js';
import { quickScore } from '../../src/align/score.js';
import { loadRegistry } from '../../src/law/registry/index.js';
import { importFile } from '../../src/ingest/index.js';
import type { PowerList } from '../../src/model/index.js';
import { SAMPLES, type SampleName, samplePath } from '../helpers/samples.js';

const names = Object.keys(SAMPLES) as SampleName[];

describe('alignment of the samples', () => {
  const lists = new Map<SampleName, PowerList>();
  beforeAll(async () => {
    for (const name of names) lists.set(name, await importFile(samplePath(name)));
  });

  it.each(names)('pairs every entry of %s with itself at the top score', (name) => {
    const list = lists.get(name) as PowerList;
    const [comparison] = alignLists([list, list]).comparisons;
    const entries = list.items.length + list.processSheets.length;
    expect(entries).toBeGreaterThan(0);
    expect(comparison?.pairs).toHaveLength(entries);
    for (const pair of comparison?.pairs ?? []) {
      expect(pair.right.ref).toEqual({ ...pair.left.ref, list: 1 });
      expect(pair.score).toBe(1);
      expect(pair.inconsistencies).toEqual([]);
    }
    expect(comparison?.unmatchedLeft).toEqual([]);
    expect(comparison?.unmatchedRight).toEqual([]);
  });

  it('finds with blocking the same pairs as scoring every pair, for every two samples', () => {
    for (const [i, a] of names.entries()) {
      for (const b of names.slice(i + 1)) {
        const both = [lists.get(a) as PowerList, lists.get(b) as PowerList];
        const blocked = alignLists(both).comparisons[0];
        const all = alignLists(both, { allPairs: true }).comparisons[0];
        const refs = (c: typeof blocked) => c?.pairs.map((p) => `${p.left.ref.kind}${p.left.ref.index}-${p.right.ref.kind}${p.right.ref.index}`);
        expect(refs(blocked), `${a} ↔ ${b}`).toEqual(refs(all));
        expect(blocked?.candidates).toBeLessThanOrEqual(all?.candidates ?? 0);
      }
    }
  });

  it('scores every pair the same way with and without explanations, with and without the registry', async () => {
    const resolvers = [undefined, registryResolver(await loadRegistry())];
    let compared = 0;
    for (const resolver of resolvers) {
      const entries = names.map((name, i) => listEntries(lists.get(name) as PowerList, i, resolver));
      for (const left of entries) {
        for (const right of entries) {
          for (const a of left) {
            for (const b of right) {
              expect(quickScore(a, b)).toBe(scorePair(a, b).score);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('reports the type, basis and duty differences of the 自治区 and 柳州 保密局 lists', () => {
    const alignment = alignLists([lists.get('baomi') as PowerList, lists.get('liuzhou') as PowerList]);
    const [comparison] = alignment.comparisons;
    expect(comparison?.pairs).toHaveLength(6);
    const carrier = comparison?.pairs.find((p) => p.right.label === '对非法获取、持有国家秘密载体的处罚');
    expect(carrier?.left.label).toBe('对非法获取、持有国家秘密载体的行政强制');
    expect(carrier?.inconsistencies.map((i) => i.kind)).toContain('type');
    const network = comparison?.pairs.find((p) => p.left.label.startsWith('要求互联网'));
    const version = network?.inconsistencies.find((i) => i.kind === 'version');
    expect(version?.message).toBe('《中华人民共和国保守国家秘密法》所据版本不同：2024年版本／2010年版本，柳州市国家保密局引用的版本较旧');
    expect(comparison?.unmatchedRight.map((e) => e.label)).toEqual(['对政府拟公开信息的保密确定']);
  });
});
