import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adminTokenOf, bearerToken, sameSecret } from './auth.js';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.DEF-123_~+/=', 'abc.DEF-123_~+/='],
    ['bearer  tok', 'tok'],
    ['BEARER tok ', 'tok'],
    ['Bearer', null],
    ['Bearer ', null],
    ['Basic dXNlcjpwdw==', null],
    ['Bearer two words', null],
    ['Bearer 令牌', null],
    ['Bearer pass!word"#', 'pass!word"#'],
    ['Bearertok', null],
  ] as const)('%j → %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it('is null without a header', () => {
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe('sameSecret', () => {
  it('is true exactly for equal strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(sameSecret(a, b)).toBe(a === b);
        expect(sameSecret(a, a)).toBe(true);
      }),
    );
  });
});

describe('adminTokenOf', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['   ', undefined],
    [' s3cret\n', 's3cret'],
  ] as const)('%j → %j', (value, token) => {
    expect(adminTokenOf(value)).toBe(token);
  });
});
