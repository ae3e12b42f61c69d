import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickEncoding, precompress } from './encoding.js';

describe('pickEncoding', () => {
  it('answers what browsers and tools send', () => {
    expect(pickEncoding(undefined)).toBe('identity');
    expect(pickEncoding('')).toBe('identity');
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(pickEncoding('br;q=0, *')).toBe('gzip');
    expect(pickEncoding('*;q=0')).toBe('identity');
    expect(pickEncoding('BR ; Q=1')).toBe('br');
    expect(pickEncoding('x-gzip')).toBe('gzip');
    expect(pickEncoding('br;q=2, gzip;q=abc')).toBe('identity');
  });

  it('never picks a coding the header refuses or does not name', () => {
    const coding = fc.constantFrom('br', 'gzip', 'deflate', 'identity', '*', 'zstd');
    const weight = fc.constantFrom('', ';q=0', ';q=0.000', ';q=0.5', ';q=1', ';q=1.0');
    const entry = fc.tuple(coding, weight).map(([c, w]) => `${c}${w}`);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const picked = pickEncoding(entries.join(', '));
        if (picked === 'identity') return;
        const last = (name: string) => entries.filter((e) => e.split(';')[0] === name).at(-1);
        const named = last(picked) ?? last('*');
        expect(named).toBeDefined();
        expect(named).not.toMatch(/;q=0(\.0*)?$/);
      }),
    );
  });
});

describe('precompress', () => {
  it('gives bodies that decompress to the original', async () => {
    const body = new TextEncoder().encode('<p>权责清单</p>'.repeat(500));
    const { br, gzip } = await precompress(body);
    expect(new Uint8Array(brotliDecompressSync(br))).toEqual(body);
    expect(new Uint8Array(gunzipSync(gzip))).toEqual(body);
    expect(br.byteLength).toBeLessThan(body.byteLength / 10);
  });
});
