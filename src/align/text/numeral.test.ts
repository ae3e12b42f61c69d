import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, parseNumeral } from './numeral.js';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [44, '四十四'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1001, '一千零一'],
    [0, '0'],
  ])('%i → %s', (value, text) => {
    expect(chineseNumeral(value)).toBe(text);
  });

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        expect(parseNumeral(chineseNumeral(n))).toBe(n);
      }),
    );
  });
});

describe('parseNumeral', () => {
  it.each([
    ['二十八', 28],
    ['６４６', 646],
    ['646', 646],
    ['七百六十', 760],
    ['二〇一〇', 2010],
    ['第三', undefined],
  ])('%s → %s', (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });
});
