/**
 * Character tests on UTF-16 codes. Scanners read `charCodeAt` and test it here instead of
 * running a regex on a one-character string, which costs an allocation per character.
 */

/**
 * Exactly the code units `/\s/` matches (and `String.prototype.trim` removes): ECMAScript's
 * WhiteSpace and LineTerminator. A test compares it with `/\s/` over every code unit.
 */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  // Han characters, the bulk of every cell, are decided here.
  if (c > 0x3000) return c === 0xfeff;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** `/\s/.test(text[pos] ?? '')` without the one-character string: false outside the text. */
export function isSpaceAt(text: string, pos: number): boolean {
  return isSpaceCode(text.charCodeAt(pos));
}

/** 0-9 or full-width ０-９. */
export function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** The UTF-16 codes of the characters of `chars`, for membership tests by code. */
export function codeSet(chars: Iterable<string>): ReadonlySet<number> {
  const out = new Set<number>();
  for (const c of chars) out.add(c.charCodeAt(0));
  return out;
}
