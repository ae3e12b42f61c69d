import { describe, expect, it } from 'vitest';
import { codeSet, isDigitCode, isSpaceAt, isSpaceCode } from './chars.js';

const EVERY_CODE_UNIT = Array.from({ length: 0x10000 }, (_, c) => c);

describe('isSpaceCode', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const differ = EVERY_CODE_UNIT.filter((c) => isSpaceCode(c) !== /\s/.test(String.fromCharCode(c)));
    expect(differ).toEqual([]);
  });

  it('agrees with what String.prototype.trim removes', () => {
    const differ = EVERY_CODE_UNIT.filter((c) => isSpaceCode(c) !== (`a${String.fromCharCode(c)}`.trim() === 'a'));
    expect(differ).toEqual([]);
  });

  it('is false outside a string, as /\\s/ is on the empty string', () => {
    expect(isSpaceAt('甲 ', -1)).toBe(false);
    expect(isSpaceAt('甲 ', 1)).toBe(true);
    expect(isSpaceAt('甲 ', 2)).toBe(false);
  });
});

describe('isDigitCode', () => {
  it('agrees with [0-9０-９] on every UTF-16 code unit', () => {
    const differ = EVERY_CODE_UNIT.filter((c) => isDigitCode(c) !== /[0-9０-９]/.test(String.fromCharCode(c)));
    expect(differ).toEqual([]);
  });
});

describe('codeSet', () => {
  it('holds the codes of the characters given', () => {
    const set = codeSet('【《');
    expect([...set]).toEqual([0x3010, 0x300a]);
  });
});
