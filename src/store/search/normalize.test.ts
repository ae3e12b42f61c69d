import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForSearch, normalizeWithMap, storableText } from './normalize.js';

describe('normalizeForSearch', () => {
  it.each([
    ['行政处罚', '行政处罚'],
    ['行政\n处罚', '行政处罚'],
    [' 保\u3000密\t', '保密'],
    ['ＡＢＣ１２３', 'abc123'],
    ['GB 32100', 'gb32100'],
    ['（一）', '(一)'],
    ['NUL\u0000x', 'nulx'],
    ['孤\ud800立', '孤\ufffd立'],
    ['𠮷野家', '𠮷野家'],
    ['㈱', '(株)'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('maps every normalised unit back to the code point it came from', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (source) => {
        const { text, starts, ends } = normalizeWithMap(source);
        expect(text).toBe(normalizeForSearch(source));
        expect(starts).toHaveLength(text.length);
        for (let i = 0; i < text.length; i++) {
          expect(normalizeForSearch(source.slice(starts[i], ends[i]))).toContain(text[i]);
        }
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(normalizeForSearch(normalizeForSearch(s))).toBe(normalizeForSearch(s));
      }),
    );
  });
});

describe('storableText', () => {
  it.each([
    ['普通文本', '普通文本'],
    ['a\u0000b', 'a\ufffdb'],
    ['\udc00尾', '\ufffd尾'],
    ['首\ud83d', '首\ufffd'],
    ['😀', '😀'],
  ])('%j → %j', (input, expected) => {
    expect(storableText(input)).toBe(expected);
  });
});
