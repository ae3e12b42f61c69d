import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCell, looksTruncated } from './cell-text.js';
import { CELL_FIXTURES } from './fixtures/values.js';
import { expectText } from './testing/expect-parse.js';
import { sampleCells } from './testing/sample-cells.js';

describe('cleanCell and looksTruncated on sample cells', () => {
  it.each(CELL_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const { text, flags } = cleanCell(f.input);
    expect(flags).toEqual(f.expected.flags);
    expectText(text, f.expected, 'text');
    if (f.expected.includes !== undefined) expect(text).toContain(f.expected.includes);
    expect(looksTruncated(text)).toBe(f.expected.truncated);
  });
});

describe('cleanCell', () => {
  it.each([
    ['<p>甲</p> <p>乙</p>', '甲\n乙', ['html']],
    ['甲<br>乙<br/>丙', '甲\n乙\n丙', ['html']],
    ['<P CLASS="x">甲</P>', '甲', ['html']],
    ['甲&nbsp;&nbsp;乙 &lt;丙&gt; &amp; &#20013;&#x6587;', '甲 乙 <丙> & 中文', ['html']],
    ['&lt;p&gt;甲&lt;/p&gt;', '甲', ['html']],
    ['<span style="a">甲</span>乙', '甲乙', ['html']],
    ['<!-- 注释 -->甲', '甲', ['html']],
    ['  甲   乙  \r\n\r\n\r\n 丙 ', '甲 乙\n丙', []],
    ['<p></p>', '', ['html', 'empty']],
    [' ', '', ['empty']],
    ['a < b 且 c > d', 'a < b 且 c > d', []],
    ['&unknown; &#0;', '&unknown; &#0;', []],
  ] as const)('%j', (raw, text, flags) => {
    expect(cleanCell(raw)).toEqual({ text, flags });
  });

  it('never lets markup through', () => {
    const tag = fc.constantFrom('<p>', '</p>', '<br>', '<br/>', '<div class="x">', '</span>', '&lt;p&gt;', '&nbsp;', '&amp;lt;b&amp;gt;');
    const piece = fc.oneof(fc.string(), tag, fc.constantFrom('【法律】', '第一条', '\n', ' '));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const { text } = cleanCell(parts.join(''));
        expect(text).not.toMatch(/<\/?(?:p|br|div|span)\b[^<>]*>/i);
        expect(text).not.toMatch(/^\s|\s$|[ \t]{2}|\n\n/);
      }),
    );
  });
});

describe('looksTruncated', () => {
  it.each([
    ['行政处罚', false],
    ['因不履行或不正确履行职责，有下列情形的：\n1.没有法定的依据的；', false],
    ['1.立案责任：对案件进行审查，提出处理意见（主要证据不足时，以适当', true],
    ['【法律】《中华人民共和国行政处罚法》第三十六条：“行政机关发现', true],
    ['1.【法律】《甲法》第一条 甲。\n2.', true],
    ['', false],
  ] as const)('%j → %s', (text, truncated) => {
    expect(looksTruncated(text)).toBe(truncated);
  });
});

/**
 * Read by hand: the 003 cells that stop mid-text (most at about 250 characters, an export
 * limit of the source), by their last characters. Every other cell of the samples ends
 * properly, except 001's "…中明确的免责" which the heuristic cannot tell from a short label.
 */
const CUT_003 = [
  '《中华人民共和国公务',
  '《中华人民共和国公务',
  '违法实施行政强制情形的。',
  '投入使用许可证，并',
  '（主要证据不足时，以适当',
  '保守国家秘密法实施',
  '单位进行调查处理。涉嫌犯罪',
  '2. 【法律】《中华人',
  '当事人或者有关人员',
  '查阅有关保密工作材料、',
  '（二）保密制度建',
  '不协助其他机关行政执法工作的',
  '相关材料进行审查。第十六条',
  '3. 【法规】',
];

describe('looksTruncated on every cell of the samples', () => {
  it('flags exactly the 003 cells read as cut off', () => {
    const flagged = sampleCells('003')
      .map((c) => cleanCell(c.raw).text)
      .filter(looksTruncated);
    expect(flagged).toHaveLength(CUT_003.length);
    for (const ending of CUT_003) expect(flagged.some((t) => t.endsWith(ending)), ending).toBe(true);
  });

  it.each(['000', '001', '004'] as const)('flags no cell of %s', (id) => {
    const flagged = sampleCells(id)
      .map((c) => cleanCell(c.raw).text)
      .filter(looksTruncated);
    expect(flagged).toEqual([]);
  });
});
