import { constants as buffer } from 'node:buffer';
import { brotliDecompressSync } from 'node:zlib';
import { inflate } from './inflate.js';
import { hexDigit } from './syntax.js';

/** Where a decoder puts what it decodes. */
export interface Output {
  /** Takes decoded bytes (valid only during the call); false when the budget is spent and decoding must stop. */
  push(chunk: Uint8Array): boolean;
  /** How many more bytes the budget allows. */
  readonly room: number;
  /** Marks the budget spent, for a decoder that cannot give its output piece by piece. */
  overflow(): void;
}

/** The filters pdf.js decodes that can make more bytes than they are given. */
export type Stage =
  | { filter: 'flate' }
  | { filter: 'lzw'; earlyChange: number }
  | { filter: 'runlength' }
  | { filter: 'ascii85' }
  | { filter: 'asciihex' }
  | { filter: 'brotli' };

/**
 * Decodes `input` through `stages` (the first filter first), counting what every stage
 * gives out (pdf.js keeps each stage's output), and answers the total; more than `room`
 * when decoding stopped because the budget was spent. Only the last stage is not kept.
 */
export function measure(input: Uint8Array, stages: readonly Stage[], room: number): number {
  let used = 0;
  const run = (data: Uint8Array, index: number): void => {
    const stage = stages[index];
    if (!stage) return;
    const kept: Uint8Array[] | null = index < stages.length - 1 ? [] : null;
    const out: Output = {
      push(chunk) {
        used += chunk.length;
        if (used > room) return false;
        kept?.push(chunk.slice());
        return true;
      },
      get room() {
        return room - used;
      },
      overflow() {
        used = room + 1;
      },
    };
    decode(stage, data, out);
    if (kept && used <= room) run(Buffer.concat(kept), index + 1);
  };
  run(input, 0);
  return used;
}

/** Runs one stage over `input`. */
export function decode(stage: Stage, input: Uint8Array, out: Output): void {
  if (stage.filter === 'lzw') lzw(input, out, stage.earlyChange);
  else DECODERS[stage.filter](input, out);
}

const DECODERS: Record<Exclude<Stage['filter'], 'lzw'>, (input: Uint8Array, out: Output) => void> = {
  flate: inflate,
  runlength: runLength,
  ascii85,
  asciihex: asciiHex,
  brotli,
};

const CHUNK = 64 * 1024;

/** The one buffer Writers collect in (decoding is never nested, so one is enough for a file of many streams). */
const writerBuffer = new Uint8Array(CHUNK);

/** Collects a byte-at-a-time decoder's output into chunks. */
class Writer {
  private readonly buffer = writerBuffer;
  private length = 0;
  constructor(private readonly out: Output) {}

  byte(value: number): boolean {
    this.buffer[this.length++] = value;
    return this.length < CHUNK || this.flush();
  }

  bytes(bytes: Uint8Array): boolean {
    for (let done = 0; done < bytes.length; ) {
      const n = Math.min(bytes.length - done, CHUNK - this.length);
      this.buffer.set(bytes.subarray(done, done + n), this.length);
      this.length += n;
      done += n;
      if (this.length === CHUNK && !this.flush()) return false;
    }
    return true;
  }

  fill(value: number, count: number): boolean {
    for (let done = 0; done < count; ) {
      const n = Math.min(count - done, CHUNK - this.length);
      this.buffer.fill(value, this.length, this.length + n);
      this.length += n;
      done += n;
      if (this.length === CHUNK && !this.flush()) return false;
    }
    return true;
  }

  flush(): boolean {
    const ok = this.length === 0 || this.out.push(this.buffer.subarray(0, this.length));
    this.length = 0;
    return ok;
  }
}

/** LZW's table, shared as the Writer's buffer is: the 256 single bytes never change, and every later entry is written before it is read. */
const lzwTables = (() => {
  const size = 4096;
  const tables = { values: new Uint8Array(size), lengths: new Uint16Array(size), previous: new Uint16Array(size), sequence: new Uint8Array(size) };
  for (let i = 0; i < 256; i++) {
    tables.values[i] = i;
    tables.lengths[i] = 1;
  }
  return tables;
})();

/**
 * LZWDecode as pdf.js decodes it, quirks included: a code past the table repeats the
 * sequence with its first byte added, so a run of such codes makes each sequence one byte
 * longer than the last (without bound: bytes past the 4096 pdf.js keeps come out as zeros).
 * A few kilobytes of such codes decode to gigabytes, so LZW is counted as Flate is.
 */
function lzw(input: Uint8Array, out: Output, earlyChange: number): void {
  const { values, lengths, previous, sequence } = lzwTables;
  const size = values.length;
  let sequenceLength = 0;
  let codeLength = 9;
  let nextCode = 258;
  let previousCode = 0;
  let cached = 0;
  let cachedBits = 0;
  let at = 0;
  const writer = new Writer(out);
  for (;;) {
    while (cachedBits < codeLength) {
      if (at >= input.length) {
        writer.flush();
        return;
      }
      cached = (cached << 8) | input[at++]!;
      cachedBits += 8;
    }
    cachedBits -= codeLength;
    const code = (cached >>> cachedBits) & ((1 << codeLength) - 1);
    const hadSequence = sequenceLength > 0;
    if (code < 256) {
      sequence[0] = code;
      sequenceLength = 1;
    } else if (code >= 258) {
      if (code < nextCode) {
        sequenceLength = lengths[code]!;
        for (let j = sequenceLength - 1, q = code; j >= 0; j--) {
          if (j < size) sequence[j] = values[q]!;
          q = previous[q]!;
        }
      } else {
        if (sequenceLength < size) sequence[sequenceLength] = sequence[0]!;
        sequenceLength++;
      }
    } else if (code === 256) {
      codeLength = 9;
      nextCode = 258;
      sequenceLength = 0;
      continue;
    } else break;
    if (hadSequence) {
      if (nextCode < size) {
        previous[nextCode] = previousCode;
        lengths[nextCode] = lengths[previousCode]! + 1;
        values[nextCode] = sequence[0]!;
      }
      nextCode++;
      const next = nextCode + earlyChange;
      codeLength = next & (next - 1) ? codeLength : Math.min(Math.log(next) / Math.LN2 + 1, 12) | 0;
      // An /EarlyChange that is not a number makes codes of no bits: pdf.js then decodes
      // code 0 for ever, without reading on. That has no end, so it is past any budget.
      if (codeLength < 1) {
        writer.flush();
        out.overflow();
        return;
      }
    }
    previousCode = code;
    const kept = Math.min(size, sequenceLength);
    if (!writer.bytes(sequence.subarray(0, kept)) || !writer.fill(0, sequenceLength - kept)) return;
  }
  writer.flush();
}

/** RunLengthDecode: a length byte, then that many + 1 bytes, or one byte repeated 257 − length times; 128 ends. */
function runLength(input: Uint8Array, out: Output): void {
  const writer = new Writer(out);
  for (let at = 0; at + 1 < input.length && input[at] !== 128; ) {
    const n = input[at]!;
    if (n < 128) {
      const literal = input.subarray(at + 1, Math.min(input.length, at + 2 + n));
      at += 2 + n;
      if (!writer.bytes(literal)) return;
    } else {
      if (!writer.fill(input[at + 1]!, 257 - n)) return;
      at += 2;
    }
  }
  writer.flush();
}

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/** ASCII85Decode as pdf.js reads it: groups of five, "z" for four zeros, "~" ends. */
function ascii85(input: Uint8Array, out: Output): void {
  const writer = new Writer(out);
  const group = new Uint8Array(5);
  let at = 0;
  const next = () => {
    while (at < input.length && isWhite(input[at]!)) at++;
    return at < input.length ? input[at++]! : -1;
  };
  for (;;) {
    const c = next();
    if (c === -1 || c === 0x7e) break;
    if (c === 0x7a) {
      if (!writer.fill(0, 4)) return;
      continue;
    }
    group[0] = c;
    let i = 1;
    for (; i < 5; i++) {
      const d = next();
      if (d === -1 || d === 0x7e) break;
      group[i] = d;
    }
    const last = i < 5;
    group.fill(0x21 + 84, i);
    let t = 0;
    for (const d of group) t = t * 85 + (d - 0x21);
    for (let k = 0; k < (last ? i - 1 : 4); k++) if (!writer.byte((t >>> (24 - 8 * k)) & 0xff)) return;
    if (last) break;
  }
  writer.flush();
}

/** ASCIIHexDecode: hex digits, anything else skipped, ">" ends. */
function asciiHex(input: Uint8Array, out: Output): void {
  const writer = new Writer(out);
  let first = -1;
  for (const c of input) {
    if (c === 0x3e) break;
    const digit = hexDigit(c);
    if (digit < 0) continue;
    if (first < 0) first = digit;
    else {
      if (!writer.byte((first << 4) | digit)) return;
      first = -1;
    }
  }
  if (first >= 0 && !writer.byte(first << 4)) return;
  writer.flush();
}

/** BrotliDecode (pdf.js decodes a whole stream at once, and so does zlib here, up to the room left). */
function brotli(input: Uint8Array, out: Output): void {
  let decoded: Buffer;
  try {
    decoded = brotliDecompressSync(input, { maxOutputLength: Math.min(out.room + 1, buffer.MAX_LENGTH) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') out.overflow();
    // Otherwise the stream is damaged: pdf.js fails on it and keeps nothing.
    return;
  }
  out.push(decoded);
}
