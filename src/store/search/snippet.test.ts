import { describe, expect, it } from 'vitest';
import { matchSpans, snippet } from './snippet.js';

const seg = (text: string, hit = false) => ({ text, hit });

describe('snippet', () => {
  it.each([
    ['对违反规定的处罚', '处罚', [seg('对违反规定的'), seg('处罚', true)]],
    ['处罚与处罚', '处罚', [seg('处罚', true), seg('与'), seg('处罚', true)]],
    ['行政\n处罚决定', '政处', [seg('行'), seg('政\n处', true), seg('罚决定')]],
    ['全角ＡＢＣ', 'abc', [seg('全角'), seg('ＡＢＣ', true)]],
    ['啊啊啊', '啊啊', [seg('啊啊啊', true)]],
    ['𠮷野家', '野', [seg('𠮷'), seg('野', true), seg('家')]],
  ])('%j / %j', (text, query, expected) => {
    expect(snippet(text, query)).toEqual(expected);
  });

  it('returns null when the query is not there', () => {
    expect(snippet('行政许可', '处罚')).toBeNull();
    expect(snippet('行政许可', '')).toBeNull();
  });

  it('cuts a window around the first hit and marks the cuts, never splitting a hit', () => {
    const text = `${'甲'.repeat(50)}目标${'乙'.repeat(30)}目标${'丙'.repeat(50)}`;
    const result = snippet(text, '目标', { before: 5, length: 33 })!;
    expect(result).toEqual([seg(`…${'甲'.repeat(5)}`), seg('目标', true), seg('乙'.repeat(30)), seg('目标', true), seg('…')]);
  });

  it('merges overlapping occurrences', () => {
    expect(matchSpans('啊啊啊啊', '啊啊')).toEqual([[0, 4]]);
  });
});
