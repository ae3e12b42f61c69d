import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffIds, type EditRun } from './myers.js';

/** Length of the longest common subsequence, by dynamic programming: the oracle. */
function lcsLength(a: readonly number[], b: readonly number[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, row[j - 1] as number);
    }
    prev = row;
  }
  return prev[b.length] as number;
}

function replay(a: readonly number[], b: readonly number[], runs: readonly EditRun[]): { before: number[]; after: number[] } {
  const before: number[] = [];
  const after: number[] = [];
  for (const run of runs) {
    if (run.op !== 'insert') before.push(...a.slice(run.aStart, run.aEnd));
    if (run.op !== 'delete') after.push(...b.slice(run.bStart, run.bEnd));
    if (run.op === 'equal') expect(a.slice(run.aStart, run.aEnd)).toEqual(b.slice(run.bStart, run.bEnd));
  }
  return { before, after };
}

const seq = (alphabet: number, max: number) => fc.array(fc.integer({ min: 0, max: alphabet - 1 }), { maxLength: max });

describe('diffIds', () => {
  it.each([
    { a: [], b: [], ops: [] },
    { a: [1, 2, 3], b: [1, 2, 3], ops: ['equal'] },
    { a: [], b: [1], ops: ['insert'] },
    { a: [1], b: [], ops: ['delete'] },
    { a: [1, 2, 3], b: [1, 3, 4], ops: ['equal', 'delete', 'equal', 'insert'] },
    { a: [1, 2], b: [3, 4], ops: ['delete', 'insert'] },
  ])('$a → $b', ({ a, b, ops }) => {
    expect(diffIds(a, b).map((r) => r.op)).toEqual(ops);
  });

  it('covers both sequences in order, with equal runs really equal', () => {
    fc.assert(
      fc.property(seq(4, 60), seq(4, 60), (a, b) => {
        const runs = diffIds(a, b);
        expect(replay(a, b, runs)).toEqual({ before: a, after: b });
      }),
      { numRuns: 500 },
    );
  });

  it('is a shortest edit script (keeps a longest common subsequence)', () => {
    fc.assert(
      fc.property(seq(3, 40), seq(3, 40), (a, b) => {
        const kept = diffIds(a, b).reduce((n, r) => n + (r.op === 'equal' ? r.aEnd - r.aStart : 0), 0);
        expect(kept).toBe(lcsLength(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('alternates equal runs with at most one deletion then one insertion', () => {
    fc.assert(
      fc.property(seq(5, 50), seq(5, 50), (a, b) => {
        const ops = diffIds(a, b).map((r) => r.op).join(' ');
        expect(ops).not.toMatch(/equal equal|delete delete|insert insert|insert delete/);
      }),
      { numRuns: 300 },
    );
  });

  it('stays correct and quick on long, mostly different sequences (past the work budget)', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? 1 : i + 10));
    const b = Array.from({ length: 20_000 }, (_, i) => (i % 5 === 0 ? 1 : i + 30_000));
    const started = performance.now();
    const runs = diffIds(a, b);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(replay(a, b, runs)).toEqual({ before: a, after: b });
  });
});
