import { brotliCompressSync, constants, deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Output, type Stage, decode, measure } from './decode.js';

/** Everything a stage gives out, with no budget. */
function decoded(stage: Stage, input: Uint8Array): Buffer {
  const parts: Buffer[] = [];
  const out: Output = {
    push: (chunk) => parts.push(Buffer.from(chunk)) > 0,
    room: Number.MAX_SAFE_INTEGER,
    overflow: () => {},
  };
  decode(stage, input, out);
  return Buffer.concat(parts);
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** Deflate bits, least significant first, as a block header and fixed-Huffman codes are written. */
function bits(...fields: [value: number, width: number, huffman?: boolean][]): Buffer {
  const out: number[] = [];
  let acc = 0;
  let n = 0;
  for (const [value, width, huffman] of fields) {
    for (let i = 0; i < width; i++) {
      // Huffman codes go most significant bit first; everything else least significant first.
      const bit = huffman ? (value >> (width - 1 - i)) & 1 : (value >> i) & 1;
      acc |= bit << n;
      if (++n === 8) {
        out.push(acc);
        acc = 0;
        n = 0;
      }
    }
  }
  if (n > 0) out.push(acc);
  return Buffer.from(out);
}

describe('FlateDecode, decoded as pdf.js decodes it', () => {
  const data = fc.oneof(
    fc.uint8Array({ maxLength: 70_000 }),
    fc.array(fc.constantFrom(...'BT /F1 12 Tf (权责) Tj ET\n'), { maxLength: 20_000 }).map((cs) => Buffer.from(cs.join(''))),
    fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 300_000 })).map(([byte, n]) => new Uint8Array(n).fill(byte)),
  );
  const options = fc.record({
    level: fc.integer({ min: 0, max: 9 }),
    strategy: fc.constantFrom(constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FILTERED),
  });

  it('gives what zlib gives for streams zlib writes (stored, fixed and dynamic blocks)', () => {
    fc.assert(
      fc.property(data, options, (input, option) => {
        expect(decoded({ filter: 'flate' }, deflateSync(input, option)).equals(input)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reads on where zlib stops: a distance before the start reads zeros, then the data after it', () => {
    // A fixed block: a 3-byte match 1 back at the very start (zlib: "invalid distance too far back"), then "A", end of block.
    const stream = Buffer.concat([Buffer.from([0x78, 0x9c]), bits([1, 1], [1, 2], [0b0000001, 7, true], [0, 5, true], [0x30 + 0x41, 8, true], [0, 7, true])]);
    expect(() => inflateSync(stream)).toThrow(/distance too far back/);
    expect([...decoded({ filter: 'flate' }, stream)]).toEqual([0, 0, 0, 0x41]);
  });

  it('decodes nothing after a header pdf.js refuses (method not 8, bad check, preset dictionary)', () => {
    for (const header of [[0x79, 0x9c], [0x78, 0x9d], [0x78, 0xbb]]) {
      const stream = Buffer.concat([Buffer.from(header), deflateSync('text').subarray(2)]);
      expect(decoded({ filter: 'flate' }, stream).length).toBe(0);
    }
  });
});

describe('the other filters pdf.js decodes', () => {
  it.each([
    // ISO 32000-1, 7.4.4.2's example.
    { stage: { filter: 'lzw', earlyChange: 1 }, input: Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]), output: latin1('-----A---B') },
    { stage: { filter: 'ascii85' }, input: latin1('87cURD]i,"Ebo7~>'), output: latin1('Hello World') },
    { stage: { filter: 'ascii85' }, input: latin1(' z 87cUR\n~>'), output: Buffer.concat([Buffer.alloc(4), latin1('Hell')]) },
    { stage: { filter: 'asciihex' }, input: latin1('48 65 6c\n6C 6f 2>trailing'), output: latin1('Hello ') },
    { stage: { filter: 'runlength' }, input: Buffer.from([2, 0x61, 0x62, 0x63, 254, 0x64, 128, 0x65]), output: latin1('abcddd') },
    { stage: { filter: 'brotli' }, input: brotliCompressSync(latin1('brotli '.repeat(100))), output: latin1('brotli '.repeat(100)) },
  ] as { stage: Stage; input: Buffer; output: Buffer }[])('$stage.filter', ({ stage, input, output }) => {
    expect(decoded(stage, input).toString('latin1')).toBe(output.toString('latin1'));
  });
});

describe('measure', () => {
  const megabyte = deflateSync(new Uint8Array(1 << 20));

  it('counts what every stage gives out: the inner stream of Flate twice over counts too', () => {
    const twice = deflateSync(megabyte);
    expect(measure(twice, [{ filter: 'flate' }, { filter: 'flate' }], 1 << 30)).toBe(megabyte.length + (1 << 20));
  });

  it('stops past the room it is given and says so by answering more than it', () => {
    const used = measure(megabyte, [{ filter: 'flate' }], 1000);
    expect(used).toBeGreaterThan(1000);
    expect(used).toBeLessThan(200_000);
    expect(measure(brotliCompressSync(new Uint8Array(1 << 20)), [{ filter: 'brotli' }], 1000)).toBeGreaterThan(1000);
  });
});
