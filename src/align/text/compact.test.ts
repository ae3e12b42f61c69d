import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigrams, codeDice, compact, dice, gramCodes, gramSet, jaccard, setDice } from './compact.js';

describe('compact', () => {
  it.each([
    ['对非法获取、持有 国家秘密载体的处罚', '对非法获取持有国家秘密载体的处罚'],
    ['《中华人民共和国密码法》（２０１９）', '中华人民共和国密码法2019'],
  ])('%s', (text, key) => {
    expect(compact(text)).toBe(key);
  });
});

describe('similarities', () => {
  const text = fc.array(fc.constantFrom(...'保密检查工作泄露国家秘密载体𠀀'), { maxLength: 20 }).map((cs) => cs.join(''));

  it('codeDice equals dice on the bigrams themselves', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(codeDice(gramCodes(a), gramCodes(b))).toBeCloseTo(dice(bigrams(a), bigrams(b)), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('gives 1 for equal texts and stays within 0–1', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(codeDice(gramCodes(a), gramCodes(a))).toBe(1);
        const value = setDice(gramSet(a), gramSet(b));
        if (value !== undefined) expect(value).toBeGreaterThanOrEqual(0);
        if (value !== undefined) expect(value).toBeLessThanOrEqual(1);
      }),
    );
  });

  it.each([
    { a: ['x', 'y'], b: ['y', 'z'], value: 1 / 3 },
    { a: [], b: [], value: undefined },
    { a: ['x'], b: [], value: 0 },
  ])('jaccard $a $b', ({ a, b, value }) => {
    expect(jaccard(new Set(a), new Set(b))).toBe(value);
  });
});
