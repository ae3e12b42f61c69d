/**
 * Just enough of PDF's object syntax to read stream dictionaries, trailers and the
 * encryption dictionary. It reads as pdf.js's Lexer and Parser do, leniencies included
 * (a value that is a stray keyword, a key that is not a name), so that a dictionary ends
 * where pdf.js finds its end.
 */
export class Name {
  constructor(readonly name: string) {}
}

export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A keyword that is not a value (obj, stream, R …) or a stray delimiter pdf.js keeps as one (">>" as a value). */
export class Keyword {
  constructor(readonly word: string) {}
}

export type Dict = Map<string, PdfObject>;
/** Strings are their bytes. */
export type PdfObject = number | boolean | null | Name | Ref | Keyword | Uint8Array | PdfObject[] | Dict;

const WHITE = 1;
const DELIMITER = 2;
/** PDF's character classes: whitespace, delimiters, everything else regular. */
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = WHITE;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = DELIMITER;

/** A hex digit's value, -1 for any other byte. */
export function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)) return (c & 0x0f) + 9;
  return -1;
}

/** Thrown inside the parser only (ObjectReader answers null): one value, as a stack trace for each of thousands of bad objects would cost more than reading them. */
const MALFORMED = Symbol('malformed');

/**
 * How deep arrays and dictionaries may nest: a real file's go a few levels, and the parser
 * recurses, so a file of nothing but "[" would end it in a RangeError instead of a refusal.
 */
const MAX_NESTING = 1000;
/** Thrown when objects nest deeper than MAX_NESTING: the file is refused as tangled, not read as if the object were not there. */
const TOO_DEEP = Symbol('too deep');

type Token = PdfObject | typeof END | typeof BAD;
const END = Symbol('end');
/** A ")" outside a string: an error once the parser gets to it, not while it only looks ahead. */
const BAD = Symbol('bad');

/** Reads tokens from `bytes`, never past `limit`. */
class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
    readonly limit = bytes.length,
  ) {}

  /** Skips whitespace and comments. */
  skipSpace(): void {
    const { bytes, limit } = this;
    while (this.pos < limit) {
      const c = bytes[this.pos]!;
      if (c === 0x25) {
        while (this.pos < limit && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos++;
      } else if (CLASS[c] === WHITE) this.pos++;
      else return;
    }
  }

  next(): Token {
    this.skipSpace();
    const { bytes, limit } = this;
    if (this.pos >= limit) return END;
    const c = bytes[this.pos]!;
    switch (c) {
      case 0x28:
        return this.literal();
      case 0x2f:
        return this.name();
      case 0x3c:
        if (bytes[this.pos + 1] === 0x3c && this.pos + 1 < limit) {
          this.pos += 2;
          return new Keyword('<<');
        }
        return this.hex();
      case 0x3e:
        this.pos++;
        if (bytes[this.pos] === 0x3e && this.pos < limit) {
          this.pos++;
          return new Keyword('>>');
        }
        return new Keyword('>');
      case 0x5b:
      case 0x5d:
      case 0x7b:
      case 0x7d:
        this.pos++;
        return new Keyword(String.fromCharCode(c));
      case 0x29:
        this.pos++;
        return BAD;
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      const number = this.number();
      if (number !== null) return number;
    }
    const start = this.pos;
    while (this.pos < limit && CLASS[bytes[this.pos]!] === 0) this.pos++;
    const word = latin1(bytes, start, this.pos);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return new Keyword(word);
  }

  private number(): number | null {
    const { bytes, limit } = this;
    const start = this.pos;
    let at = this.pos;
    if (bytes[at] === 0x2b || bytes[at] === 0x2d) at++;
    let digits = 0;
    let dot = false;
    for (; at < limit; at++) {
      const c = bytes[at]!;
      if (c >= 0x30 && c <= 0x39) digits++;
      else if (c === 0x2e && !dot) dot = true;
      else break;
    }
    if (digits === 0) return null;
    this.pos = at;
    return Number(latin1(bytes, start, at));
  }

  private name(): Name {
    const { bytes, limit } = this;
    let name = '';
    this.pos++;
    while (this.pos < limit && CLASS[bytes[this.pos]!] === 0) {
      const c = bytes[this.pos++]!;
      if (c === 0x23 && this.pos + 1 < limit) {
        const high = hexDigit(bytes[this.pos]!);
        const low = hexDigit(bytes[this.pos + 1]!);
        if (high >= 0 && low >= 0) {
          name += String.fromCharCode((high << 4) | low);
          this.pos += 2;
          continue;
        }
      }
      name += String.fromCharCode(c);
    }
    return new Name(name);
  }

  /** A (string): nested parentheses, backslash escapes and octal codes as pdf.js reads them. */
  private literal(): Uint8Array {
    const { bytes, limit } = this;
    const out = new Bytes();
    let depth = 1;
    this.pos++;
    while (this.pos < limit) {
      const c = bytes[this.pos++]!;
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
      if (c !== 0x5c) {
        out.push(c);
        continue;
      }
      if (this.pos >= limit) break;
      const e = bytes[this.pos++]!;
      const escaped = ESCAPES.get(e);
      if (escaped !== undefined) out.push(escaped);
      else if (e >= 0x30 && e <= 0x37) {
        let code = e & 7;
        for (let n = 0; n < 2 && this.pos < limit && bytes[this.pos]! >= 0x30 && bytes[this.pos]! <= 0x37; n++) code = (code << 3) | (bytes[this.pos++]! & 7);
        out.push(code & 0xff);
      } else if (e === 0x0d) {
        if (bytes[this.pos] === 0x0a) this.pos++;
      } else if (e !== 0x0a) out.push(e);
    }
    return out.take();
  }

  /** A <hex string>: whitespace and stray characters skipped, an odd last digit padded with 0. */
  private hex(): Uint8Array {
    const { bytes, limit } = this;
    const out = new Bytes();
    let first = -1;
    this.pos++;
    while (this.pos < limit) {
      const c = bytes[this.pos++]!;
      if (c === 0x3e) break;
      const digit = hexDigit(c);
      if (digit < 0) continue;
      if (first < 0) first = digit;
      else {
        out.push((first << 4) | digit);
        first = -1;
      }
    }
    if (first >= 0) out.push(first << 4);
    return out.take();
  }
}

/** A string's bytes as they are read (an array of numbers is slow to fill byte by byte). */
class Bytes {
  private buffer = new Uint8Array(64);
  private length = 0;

  push(byte: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = byte;
  }

  take(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** What a backslash and the letter after it stand for: \n \r \t \b \f \\ \( \). */
const ESCAPES = new Map([
  [0x6e, 0x0a],
  [0x72, 0x0d],
  [0x74, 0x09],
  [0x62, 0x08],
  [0x66, 0x0c],
  [0x5c, 0x5c],
  [0x28, 0x28],
  [0x29, 0x29],
]);

export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}

const isInteger = (token: Token): token is number => typeof token === 'number' && Number.isInteger(token);
const isKeyword = (token: Token, word: string): boolean => token instanceof Keyword && token.word === word;

/** pdf.js's Parser: the current token and one of lookahead (for "num gen R" and "stream"). */
class Parser {
  private buf1: Token;
  private buf2: Token;
  /** Where buf2 starts. */
  private at2 = 0;
  private depth = 0;
  constructor(private readonly lexer: Lexer) {
    this.buf1 = lexer.next();
    this.buf2 = this.read();
  }

  private read(): Token {
    this.lexer.skipSpace();
    this.at2 = this.lexer.pos;
    return this.lexer.next();
  }

  private shift(): void {
    this.buf1 = this.buf2;
    this.buf2 = this.read();
  }

  /** One object; for a dictionary, also where the token after its ">>" starts (the "stream" of a stream). */
  object(): { value: PdfObject; next: number } {
    const token = this.buf1;
    this.shift();
    if (token === END || token === BAD) throw MALFORMED;
    if (token instanceof Keyword) {
      if ((token.word === '[' || token.word === '<<') && this.depth >= MAX_NESTING) throw TOO_DEEP;
      if (token.word === '[') {
        const array: PdfObject[] = [];
        while (!isKeyword(this.buf1, ']')) {
          if (this.buf1 === END) throw MALFORMED;
          array.push(this.nested());
        }
        this.shift();
        return { value: array, next: -1 };
      }
      if (token.word === '<<') {
        const dict: Dict = new Map();
        while (!isKeyword(this.buf1, '>>')) {
          if (this.buf1 === END || this.buf1 === BAD) throw MALFORMED;
          // pdf.js skips what is not a name where a key should be.
          if (!(this.buf1 instanceof Name)) {
            this.shift();
            continue;
          }
          const key = this.buf1.name;
          this.shift();
          if ((this.buf1 as Token) === END) throw MALFORMED;
          dict.set(key, this.nested());
        }
        const next = this.buf2 === END ? -1 : this.at2;
        // A stream's data follows: nothing there is a token.
        if (!isKeyword(this.buf2, 'stream')) this.shift();
        return { value: dict, next };
      }
      return { value: token, next: -1 };
    }
    if (isInteger(token) && isInteger(this.buf1) && isKeyword(this.buf2, 'R')) {
      const ref = new Ref(token, this.buf1);
      this.shift();
      this.shift();
      return { value: ref, next: -1 };
    }
    return { value: token, next: -1 };
  }

  /** A member of an array or dictionary, one level deeper. */
  private nested(): PdfObject {
    this.depth++;
    const { value } = this.object();
    this.depth--;
    return value;
  }
}

/**
 * Reads objects out of one file, all reads together going over at most `allowance` bytes.
 * Each dictionary is read once, but a crafted file can make objects overlap (a string that
 * never ends, opened again and again) so that reading them costs the square of its size; a
 * file that spends the allowance is `tangled`, and is refused rather than read for hours.
 */
export class ObjectReader {
  tangled = false;
  private left: number;
  constructor(
    readonly bytes: Uint8Array,
    allowance: number,
  ) {
    this.left = allowance;
  }

  /**
   * The object at `pos`; for a dictionary also where the token after it starts (-1 for
   * none), which is "stream" when it is a stream's. Null when the bytes are not an object.
   */
  object(pos: number): { value: PdfObject; next: number } | null {
    return this.read(pos, (lexer) => {
      try {
        return new Parser(lexer).object();
      } catch (error) {
        if (error === MALFORMED) return null;
        if (error !== TOO_DEEP) throw error;
        this.tangled = true;
        return null;
      }
    });
  }

  /** The keyword that starts at `pos` after whitespace and comments, if a keyword does. */
  keywordAt(pos: number): string | null {
    return this.read(pos, (lexer) => {
      const token = lexer.next();
      return token instanceof Keyword ? token.word : null;
    });
  }

  private read<T>(pos: number, what: (lexer: Lexer) => T | null): T | null {
    if (this.tangled) return null;
    const limit = Math.min(this.bytes.length, pos + this.left);
    const lexer = new Lexer(this.bytes, pos, limit);
    const result = what(lexer);
    this.left -= lexer.pos - pos;
    if (lexer.pos >= limit && limit < this.bytes.length) this.tangled = true;
    return this.tangled ? null : result;
  }
}
