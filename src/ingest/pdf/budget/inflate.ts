import type { Output } from './decode.js';

/**
 * FlateDecode as pdf.js decodes it, which is not as zlib does: pdf.js takes Huffman tables
 * that are over-subscribed or incomplete, distances that reach before the start (zeros),
 * length codes 286 and 287, and never reads the Adler-32 checksum, where zlib stops with an
 * error. Counting with zlib would let a bomb hide behind a defect that stops zlib but not
 * pdf.js; this decoder gives up exactly where pdf.js does, keeping only a 32 KiB window.
 */

/** Length codes 257–287: extra bits << 16 | base. */
const LENGTHS = [
  3, 4, 5, 6, 7, 8, 9, 10, 0x1000b, 0x1000d, 0x1000f, 0x10011, 0x20013, 0x20017, 0x2001b, 0x2001f, 0x30023, 0x3002b, 0x30033, 0x3003b, 0x40043, 0x40053, 0x40063,
  0x40073, 0x50083, 0x500a3, 0x500c3, 0x500e3, 258, 258, 258,
];
/** Distance codes 0–29 (30 and 31 decode to 0, as the missing entries do in pdf.js). */
const DISTANCES = [
  1, 2, 3, 4, 0x10005, 0x10007, 0x20009, 0x2000d, 0x30011, 0x30019, 0x40021, 0x40031, 0x50041, 0x50061, 0x60081, 0x600c1, 0x70101, 0x70181, 0x80201, 0x80301,
  0x90401, 0x90601, 0xa0801, 0xa0c01, 0xb1001, 0xb1801, 0xc2001, 0xc3001, 0xd4001, 0xd6001,
];
/** The order in which a dynamic block gives the code-length code's lengths. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

interface Table {
  /** By the next maxLen bits (least significant first): code length << 16 | symbol, 0 for no code. */
  codes: Int32Array;
  maxLen: number;
}

/** Canonical Huffman codes for `lengths`, assigned as pdf.js does (later codes overwrite earlier ones when over-subscribed). */
function huffman(lengths: ArrayLike<number>): Table {
  let maxLen = 0;
  for (let i = 0; i < lengths.length; i++) maxLen = Math.max(maxLen, lengths[i]!);
  const size = 1 << maxLen;
  const codes = new Int32Array(size);
  for (let len = 1, code = 0, skip = 2; len <= maxLen; ++len, code <<= 1, skip <<= 1) {
    for (let symbol = 0; symbol < lengths.length; symbol++) {
      if (lengths[symbol] !== len) continue;
      let reversed = 0;
      for (let i = 0, t = code; i < len; i++, t >>= 1) reversed = (reversed << 1) | (t & 1);
      for (let i = reversed; i < size; i += skip) codes[i] = (len << 16) | symbol;
      code++;
    }
  }
  return { codes, maxLen };
}

const FIXED_LITERALS = huffman(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
const FIXED_DISTANCES = huffman(new Array(30).fill(5));

const WINDOW = 32 * 1024;
const CHUNK = 64 * 1024;
/** The longest a single symbol writes. */
const MAX_MATCH = 258;

/** Where decoding stops: the data ran out or is bad where pdf.js gives up, or the budget is spent. */
const STOP = Symbol('stop');

/** True when the two bytes start a zlib stream pdf.js accepts: method 8, a good check, no preset dictionary. */
export function zlibHeader(data: Uint8Array): boolean {
  const cmf = data[0];
  const flg = data[1];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) + flg) % 31 === 0 && (flg & 0x20) === 0;
}

/** Inflates a FlateDecode stream (with its zlib header) into `out`. */
export function inflate(input: Uint8Array, out: Output): void {
  if (zlibHeader(input)) new Inflater(input, out).run();
}

/**
 * One window for every stream, since decoding is never nested (a chain runs its stages one
 * after another): a file of thousands of small streams should not allocate 100 KB for each.
 * Its first WINDOW bytes are zeroed again only once a stream has written there.
 */
let window: Uint8Array | null = null;
let windowUsed = false;
function sharedWindow(): Uint8Array {
  window ??= new Uint8Array(WINDOW + CHUNK + MAX_MATCH);
  if (windowUsed) window.fill(0, 0, WINDOW);
  windowUsed = false;
  return window;
}

class Inflater {
  private at = 2;
  private bits = 0;
  private count = 0;
  /** Output: the last WINDOW bytes already given out, then the bytes not yet given. Zeros before the start, as pdf.js reads there. */
  private readonly window = sharedWindow();
  private pos = WINDOW;

  constructor(
    private readonly input: Uint8Array,
    private readonly out: Output,
  ) {}

  run(): void {
    try {
      for (let final = false; !final; ) {
        // pdf.js ends the stream quietly where no block header can be read.
        if (!this.has(3)) break;
        const header = this.take(3);
        final = (header & 1) === 1;
        const type = header >> 1;
        if (type === 0) final = this.stored() || final;
        else if (type === 1) this.codes(FIXED_LITERALS, FIXED_DISTANCES);
        else if (type === 2) this.dynamic();
        else break;
      }
    } catch (error) {
      if (error !== STOP) throw error;
    }
    if (this.pos > WINDOW) this.out.push(this.window.subarray(WINDOW, this.pos));
  }

  private has(n: number): boolean {
    return this.count >= n || (this.input.length - this.at) * 8 + this.count >= n;
  }

  private take(n: number): number {
    while (this.count < n) {
      if (this.at >= this.input.length) throw STOP;
      this.bits |= this.input[this.at++]! << this.count;
      this.count += 8;
    }
    const value = this.bits & ((1 << n) - 1);
    this.bits >>= n;
    this.count -= n;
    return value;
  }

  private code(table: Table): number {
    // pdf.js reads ahead up to the longest code, which matters to a stored block after this one.
    while (this.count < table.maxLen && this.at < this.input.length) {
      this.bits |= this.input[this.at++]! << this.count;
      this.count += 8;
    }
    const code = table.codes[this.bits & ((1 << table.maxLen) - 1)]!;
    const length = code >> 16;
    if (length < 1 || this.count < length) throw STOP;
    this.bits >>= length;
    this.count -= length;
    return code & 0xffff;
  }

  /** A stored block; true when the data ran out in it (pdf.js then ends the stream). */
  private stored(): boolean {
    const { input } = this;
    if (this.at + 4 > input.length) throw STOP;
    const length = input[this.at]! | (input[this.at + 1]! << 8);
    const check = input[this.at + 2]! | (input[this.at + 3]! << 8);
    this.at += 4;
    if (check !== (~length & 0xffff) && (length !== 0 || check !== 0)) throw STOP;
    // pdf.js drops the bits it holds, even a whole byte read ahead, and reads on from the input.
    this.bits = 0;
    this.count = 0;
    let left = Math.min(length, input.length - this.at);
    const short = left < length || (length === 0 && this.at >= input.length);
    while (left > 0) {
      const n = Math.min(left, this.window.length - this.pos);
      this.window.set(input.subarray(this.at, this.at + n), this.pos);
      this.at += n;
      this.pos += n;
      left -= n;
      if (this.pos === this.window.length) this.flush();
    }
    return short;
  }

  private dynamic(): void {
    const literals = this.take(5) + 257;
    const distances = this.take(5) + 1;
    const lengthCodes = this.take(4) + 4;
    const codeLengths = new Uint8Array(CODE_LENGTH_ORDER.length);
    for (let i = 0; i < lengthCodes; i++) codeLengths[CODE_LENGTH_ORDER[i]!] = this.take(3);
    const lengthTable = huffman(codeLengths);
    const lengths = new Uint8Array(literals + distances);
    for (let i = 0, previous = 0; i < lengths.length; ) {
      const code = this.code(lengthTable);
      if (code < 16) {
        lengths[i++] = previous = code;
        continue;
      }
      let repeat: number;
      let what: number;
      if (code === 16) {
        repeat = this.take(2) + 3;
        what = previous;
      } else {
        repeat = code === 17 ? this.take(3) + 3 : this.take(7) + 11;
        what = previous = 0;
      }
      // A repeat past the end is cut off, as writing past a typed array is.
      for (; repeat > 0; repeat--) lengths[i++] = what;
    }
    this.codes(huffman(lengths.subarray(0, literals)), huffman(lengths.subarray(literals)));
  }

  private codes(literals: Table, distances: Table): void {
    const { window } = this;
    const full = window.length - MAX_MATCH;
    for (;;) {
      if (this.pos > full) this.flush();
      let symbol = this.code(literals);
      if (symbol < 256) {
        window[this.pos++] = symbol;
        continue;
      }
      if (symbol === 256) return;
      symbol = LENGTHS[symbol - 257]!;
      const length = (symbol & 0xffff) + (symbol >> 16 ? this.take(symbol >> 16) : 0);
      const d = DISTANCES[this.code(distances)] ?? 0;
      const distance = (d & 0xffff) + (d >> 16 ? this.take(d >> 16) : 0);
      if (distance === 0) {
        window.fill(0, this.pos, this.pos + length);
        this.pos += length;
      } else for (let k = 0; k < length; k++, this.pos++) window[this.pos] = window[this.pos - distance]!;
    }
  }

  private flush(): void {
    const { window } = this;
    windowUsed = true;
    const room = this.out.push(window.subarray(WINDOW, this.pos));
    window.copyWithin(0, this.pos - WINDOW, this.pos);
    this.pos = WINDOW;
    if (!room) throw STOP;
  }
}
