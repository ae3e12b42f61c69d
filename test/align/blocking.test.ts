import { describe, expect, it } from 'vitest';
import { generatePair } from '../../bench/align/generate.js';
import { alignEntries, listEntries } from '../../src/align/index.js';

/**
 * Blocking must not cost accuracy: on generated lists (the benchmark's generator) it finds
 * the pairs that scoring every pair finds, while scoring a small fraction of the pairs.
 */
describe('blocking on generated lists', () => {
  it.each([
    { size: 300, seed: 1 },
    { size: 500, seed: 2 },
  ])('keeps the all-pairs result for $size items a side', ({ size, seed }) => {
    const { left, right, truth } = generatePair(size, seed);
    const l = listEntries(left, 0);
    const r = listEntries(right, 1);
    const blocked = alignEntries(l, r);
    const all = alignEntries(l, r, { allPairs: true });
    const key = (p: { left: number; right: number }) => `${p.left}-${p.right}`;
    const allKeys = new Set(all.pairs.map(key));
    const kept = blocked.pairs.filter((p) => allKeys.has(key(p))).length;
    expect(kept / all.pairs.length).toBeGreaterThanOrEqual(0.95);
    expect(blocked.candidates).toBeLessThan((size * size) / 5);
    const correct = (pairs: { left: number; right: number }[]) => pairs.filter((p) => truth.get(p.right) === p.left).length;
    expect(correct(blocked.pairs)).toBeGreaterThanOrEqual(correct(all.pairs) * 0.99);
    expect(correct(blocked.pairs) / truth.size).toBeGreaterThanOrEqual(0.95);
  });
});
