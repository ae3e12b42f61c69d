import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyOfToken, agencyToken, encodeGram, quoted, typeToken } from './tokens.js';

describe('FTS5 tokens', () => {
  it.each([
    ['法', '0lhx'],
    ['a', '002p'],
    ['𠮷', '2vg7'],
    ['保密', `${(0x4fdd).toString(36).padStart(4, '0')}${(0x5bc6).toString(36).padStart(4, '0')}`],
  ])('encodeGram(%j) = %s', (gram, token) => {
    expect(encodeGram(gram)).toBe(token);
    expect(token).toMatch(/^[0-9a-z]+$/);
    expect(token.length % 4).toBe(0);
  });

  it('keeps filter tokens apart from gram tokens', () => {
    for (const token of [typeToken('行政许可'), typeToken(null), agencyToken('保密办')]) expect(token).toContain('_');
  });

  it('reads the agency back from its token, and nothing from other tokens', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (agency) => agencyOfToken(agencyToken(agency)) === agency));
    expect(agencyOfToken(agencyToken('柳州市国家保密局'))).toBe('柳州市国家保密局');
    for (const token of [typeToken('行政许可'), encodeGram('保密'), 'ag_0lh']) expect(agencyOfToken(token)).toBeNull();
  });

  it('quotes a phrase', () => {
    expect(quoted(['0ce1', '002p'])).toBe('"0ce1 002p"');
  });
});
