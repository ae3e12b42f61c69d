import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountability } from './accountability.js';
import { parseArticleRefs } from './article-refs.js';
import { cleanCell, looksTruncated } from './cell-text.js';
import { parseChineseNumber } from './chinese-number.js';
import { checkCreditCode } from './credit-code.js';
import { parseDuties } from './duties.js';
import { parseDutyBasis } from './duty-basis.js';
import { parseLocalCode } from './local-code.js';
import { parseProvisions } from './provisions.js';
import { parseTimeLimit } from './time-limit.js';
import { allProblems } from './testing/lossless.js';
import { sampleCells, TABLE_SAMPLES } from './testing/sample-cells.js';

/** Pieces the grammars react to, so random text often looks like a real cell. */
const TOKENS = [
  '1.', '2.', '2-1.', '1－1.', '3．', '4、', '（一）', '(二)', '一、', '１．',
  '【法律】', '【行政法规】', '行政法规】', '【规范性文件】', '【', '】',
  '《', '》', '《商用密码管理条例 》', '（', '）', '(', ')', '“', '”', '〔', '〕',
  '第', '第二十三条', '第五十四条第一款', '第（二）项', '第三章', '条', '款', '项', '至', '、',
  '：', ':', '。', '；', '，', '\n', ' ', '   ', '\t', '\u3000',
  '同1。', '同', '立案责任', '责任', '（商用密码管理处）', '（机关纪委）', '其他', '有下列情形的：',
  '。2.', '；3、', '；（2）', '（1）', '2-\n1.', '2\n-1.', '。4.同3。',
  '<p>', '</p>', '<br>', '&nbsp;', '&lt;', '45个工作日', '即办', '11620602MB19807920',
] as const;

const tokenText = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), tokenText);

const FRAGMENTS = TABLE_SAMPLES.flatMap((id) => sampleCells(id))
  .map((c) => c.raw)
  .filter((r) => r.trim().length > 20);

/** A real cell with a few random edits: cut, dropped slice, inserted token, duplicated slice. */
const mutated = fc
  .tuple(
    fc.constantFrom(...FRAGMENTS),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...TOKENS), fc.integer({ min: 0, max: 3 })), { maxLength: 6 }),
  )
  .map(([text, edits]) =>
    edits.reduce((t, [at, len, token, kind]) => {
      const i = t.length === 0 ? 0 : at % (t.length + 1);
      if (kind === 0) return t.slice(0, i);
      if (kind === 1) return t.slice(0, i) + t.slice(i + len);
      if (kind === 2) return t.slice(0, i) + token + t.slice(i);
      return t.slice(0, i) + t.slice(i, i + len) + t.slice(i);
    }, text),
  );

function noThrow(text: string): void {
  cleanCell(text);
  looksTruncated(text);
  parseChineseNumber(text);
  parseTimeLimit(text);
  parseLocalCode(text);
  checkCreditCode(text);
  parseArticleRefs(text);
  parseProvisions(text);
  parseDuties(text);
  parseDutyBasis(text);
  parseAccountability(text);
}

describe('every grammar, on any string', () => {
  it('never throws', () => {
    fc.assert(fc.property(anyText, (t) => noThrow(t)), { numRuns: 500 });
  });

  it('keeps spans in bounds, disjoint, and covering every non-blank character', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        expect(allProblems(t)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('stays lossless on mutated sample cells, raw and cleaned', () => {
    fc.assert(
      fc.property(mutated, (t) => {
        expect(allProblems(t)).toEqual([]);
        expect(allProblems(cleanCell(t).text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('every grammar, on pathological input', () => {
  const huge = [
    '1.'.repeat(20_000),
    '1. '.repeat(20_000),
    '【'.repeat(40_000),
    '【法律】'.repeat(10_000),
    `${'《'.repeat(40_000)}${'》'.repeat(40_000)}`,
    `${'《'.repeat(40_000)}${'）'.repeat(40_000)}`,
    `${'“'.repeat(20_000)}${'”'.repeat(20_000)}`,
    '第'.repeat(40_000),
    '第一条至第五十条、'.repeat(5_000),
    `${' '.repeat(100_000)}1.`,
    '（'.repeat(30_000),
    '1.立案责任：'.repeat(10_000),
    '<p'.repeat(30_000),
    '<!--'.repeat(30_000),
    '&#'.repeat(30_000),
    `${'\n'.repeat(30_000)}行政法规】`,
    '2-1.同1.\n'.repeat(10_000),
    // Many entries on one line: each entry's scan must stop at its own end, not the text's.
    '1.【法律】《甲法》第一条。'.repeat(20_000),
    // Steps run together after stops, all in sequence: each is checked against “…” and 《…》.
    Array.from({ length: 999 }, (_, i) => `${i + 1}.依照“第一项”制作《决定书》；`).join('').repeat(10),
    '2-\n1.同1。'.repeat(20_000),
  ];

  it.each(huge.map((t) => [JSON.stringify(t.slice(0, 12)), t.length, t] as const))('%s ×%i returns quickly and loses nothing', (_s, _n, t) => {
    const started = performance.now();
    noThrow(t);
    const problems = allProblems(t);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problems).toEqual([]);
  });
});
