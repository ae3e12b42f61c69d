import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumeral, parseNumeral, toAsciiDigits } from './numerals.js';

describe('parseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百一十三', 113],
    ['二百九十一', 291],
    ['三百零六', 306],
    ['一千零一十', 1010],
    ['两百', 200],
    ['二〇一三', 2013],
    ['23', 23],
    ['２３', 23],
  ])('%s → %i', (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });

  // src/parse reads 第五, 五万, 百 and 两〇 too; law headings and order numbers never write them so.
  it.each(['', '条', '十十', '百十', '一二十', 'abc', '一百十', '第五', '五万', '百', '两〇'])('rejects %j', (text) => {
    expect(parseNumeral(text)).toBeUndefined();
  });

  it('reads back every number it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        expect(parseNumeral(formatNumeral(n))).toBe(n);
      }),
    );
  });
});

describe('formatNumeral', () => {
  it.each([
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [65, '六十五'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1000, '一千'],
    [1005, '一千零五'],
  ])('%i → %s', (value, text) => {
    expect(formatNumeral(value)).toBe(text);
  });

  it('refuses what law texts never number', () => {
    expect(() => formatNumeral(1.5)).toThrow(RangeError);
    expect(() => formatNumeral(10000)).toThrow(RangeError);
  });
});

it('toAsciiDigits keeps length', () => {
  expect(toAsciiDigits('第１２条')).toBe('第12条');
});
