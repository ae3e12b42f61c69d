import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterText, beforeText, diffText, editSize, tokenize } from './text-diff.js';

describe('tokenize', () => {
  it.each([
    { text: '第28号', tokens: ['第', '28', '号'] },
    { text: '主席令第２８号', tokens: ['主', '席', '令', '第', '２８', '号'] },
    { text: 'GB 32100-2015', tokens: ['GB', ' ', '32100', '-', '2015'] },
    { text: '𠀀字', tokens: ['𠀀', '字'] },
  ])('$text', ({ text, tokens }) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('diffText', () => {
  it.each([
    {
      before: '对泄密案件的调查处理',
      after: '对泄密案件的处理',
      segments: [
        { op: 'equal', text: '对泄密案件的' },
        { op: 'delete', text: '调查' },
        { op: 'equal', text: '处理' },
      ],
    },
    {
      before: '《中华人民共和国保守国家秘密法》（主席令第28号）',
      after: '《中华人民共和国保守国家秘密法》（主席令第20号）',
      segments: [
        { op: 'equal', text: '《中华人民共和国保守国家秘密法》（主席令第' },
        { op: 'delete', text: '28' },
        { op: 'insert', text: '20' },
        { op: 'equal', text: '号）' },
      ],
    },
    {
      // The lone shared 的 between two replaced phrases is folded into one change.
      before: '审查申请的材料并决定',
      after: '接收举报的线索并决定',
      segments: [
        { op: 'delete', text: '审查申请的材料' },
        { op: 'insert', text: '接收举报的线索' },
        { op: 'equal', text: '并决定' },
      ],
    },
    { before: '', after: '', segments: [] },
    { before: '同1', after: '同1', segments: [{ op: 'equal', text: '同1' }] },
  ])('$before → $after', ({ before, after, segments }) => {
    expect(diffText(before, after)).toEqual(segments);
  });

  const chinese = fc.array(fc.constantFrom(...'对的处罚检查保密法第二十八条1230号，。《》 \n𠀀'), { maxLength: 80 }).map((cs) => cs.join(''));

  it('rebuilds both texts exactly from its segments', () => {
    fc.assert(
      fc.property(chinese, chinese, (before, after) => {
        const segments = diffText(before, after);
        expect(beforeText(segments)).toBe(before);
        expect(afterText(segments)).toBe(after);
        expect(segments.every((s) => s.text !== '')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('changes nothing between equal texts and something between different ones', () => {
    fc.assert(
      fc.property(chinese, chinese, (before, after) => {
        expect(editSize(diffText(before, after)) === 0).toBe(before === after);
      }),
      { numRuns: 300 },
    );
  });
});
