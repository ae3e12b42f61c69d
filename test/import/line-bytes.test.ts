import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineBytes } from '../../src/ingest/parallel/line-bytes.js';

describe('LineBytes', () => {
  it('gives exactly the UTF-8 of the lines added, across growth and takes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 40 }), { maxLength: 5 }), (pieces) => {
        // A tiny first buffer forces growth on almost every piece.
        const lines = new LineBytes(8);
        for (const piece of pieces) {
          for (const line of piece) lines.add(`${line}\n`);
          const expected = Buffer.from(piece.map((line) => `${line}\n`).join(''));
          expect(lines.byteLength).toBe(expected.length);
          expect(Buffer.from(lines.take())).toEqual(expected);
        }
      }),
    );
  });

  it('hands out buffers of their own, untouched by later lines', () => {
    const lines = new LineBytes(16);
    lines.add('权责清单\n');
    const first = lines.take();
    lines.add('行政处罚\n');
    const second = lines.take();
    expect(new TextDecoder().decode(first)).toBe('权责清单\n');
    expect(new TextDecoder().decode(second)).toBe('行政处罚\n');
    expect(first.buffer).not.toBe(second.buffer);
    expect(first.byteOffset).toBe(0);
  });
});
