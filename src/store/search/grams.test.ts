import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigramSequence, gramSet, queryGrams } from './grams.js';

describe('grams', () => {
  it.each([
    ['行政处罚', ['行政', '政处', '处罚', '罚']],
    ['法', ['法']],
    ['𠮷野', ['𠮷野', '野']],
    ['', []],
  ])('bigramSequence(%j)', (text, expected) => {
    expect(bigramSequence(text)).toEqual(expected);
  });

  it.each([
    ['法', ['法']],
    ['保密', ['保密']],
    ['行政处罚', ['行政', '政处', '处罚']],
    ['𠮷𠮷𠮷', ['𠮷𠮷', '𠮷𠮷']],
    ['', []],
  ])('queryGrams(%j)', (query, expected) => {
    expect(queryGrams(query)).toEqual(expected);
  });

  // The property search relies on: a substring's grams are always among the text's.
  it('a text holds every gram of each of its substrings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (text, a, b) => {
        const chars = [...text];
        const start = a % chars.length;
        const sub = chars.slice(start, start + 1 + (b % (chars.length - start))).join('');
        const grams = gramSet(text);
        for (const g of queryGrams(sub)) expect(grams.has(g)).toBe(true);
        const sequence = bigramSequence(text);
        const phrase = queryGrams(sub);
        if ([...sub].length >= 2) {
          const found = sequence.some((_, i) => phrase.every((g, k) => sequence[i + k] === g));
          expect(found).toBe(true);
        }
      }),
    );
  });
});
