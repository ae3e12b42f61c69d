import { describe, expect, it } from 'vitest';
import { parseAccountability } from './accountability.js';
import { cleanCell } from './cell-text.js';
import { ACCOUNTABILITY_FIXTURES } from './fixtures/accountability.js';
import { expectAccountability } from './testing/expect-parse.js';

describe('parseAccountability on sample fragments', () => {
  it.each(ACCOUNTABILITY_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const text = f.html ? cleanCell(f.input).text : f.input;
    const a = parseAccountability(text);
    expectAccountability(a, f.expected);
    for (const s of a.situations) expect(text.slice(s.span[0], s.span[1])).toBe(s.raw);
  });
});

describe('parseAccountability', () => {
  it('numbers situations in the style of the first line-start label, keeping other styles in the text', () => {
    const a = parseAccountability('有下列情形的：\n1.违反程序的：\n（一）未告知的；\n（二）未听证的；\n2.其他情形（机关纪委）。');
    expect(a.situations.map((s) => s.label)).toEqual(['1.', '2.']);
    expect(a.situations[0]?.text).toBe('违反程序的：\n（一）未告知的；\n（二）未听证的；');
    expect(a.situations[1]?.pursuer).toBe('机关纪委');
  });

  it('does not take a closing remark for a pursuer', () => {
    const a = parseAccountability('1.对符合法定条件的申请不予受理的（不予受理应当告知理由）；');
    expect(a.situations[0]?.pursuer).toBeUndefined();
  });

  it('ignores a mid-line number that breaks the sequence', () => {
    const a = parseAccountability('1.处罚款5 8.万元的； 2.违反程序的。');
    expect(a.situations.map((s) => s.label)).toEqual(['1.', '2.']);
    expect(a.situations[0]?.text).toBe('处罚款5 8.万元的；');
  });
});
