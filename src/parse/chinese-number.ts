import { isSpaceCode } from './chars.js';

/**
 * Numerals as lists write them: Chinese (二十三, 一百零五, 两千), Chinese digit strings
 * (二〇二四), Arabic and full-width digits (２３), optionally after 第.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** Characters that can appear in a numeral: used by other grammars to find numerals. */
export const NUMERAL_CHARS = '0-9０-９零〇一二两三四五六七八九十百千万亿';

const DIGIT_OF = codeTable(DIGITS);
const SMALL_UNIT_OF = codeTable(SMALL_UNITS);
const BIG_UNIT_OF = codeTable(BIG_UNITS);
/** Up to this many digits a number is summed exactly; longer ones go through Number() as before. */
const EXACT_DIGITS = 15;
const DI = 0x7b2c; // 第

function codeTable(table: Readonly<Record<string, number>>): ReadonlyMap<number, number> {
  return new Map(Object.entries(table).map(([c, v]) => [c.charCodeAt(0), v]));
}

/** ASCII 0-9 → 0-9, full-width ０-９ → 0-9, anything else → -1. */
function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/** Full-width digits ０-９ to ASCII; other characters unchanged. */
export function toHalfWidthDigits(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  }
  return s;
}

function parseChinese(s: string): number | null {
  // A run of digits without units reads positionally: 二〇二四 → 2024.
  if (s.length > 1 && allDigits(s)) {
    if (s.length > EXACT_DIGITS) return Number([...s].map((c) => DIGITS[c]).join(''));
    let n = 0;
    for (let i = 0; i < s.length; i++) n = n * 10 + (DIGIT_OF.get(s.charCodeAt(i)) ?? 0);
    return n;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastBig = Number.POSITIVE_INFINITY;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = DIGIT_OF.get(c);
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // 二三: two digits in a row
      digit = d;
      continue;
    }
    const small = SMALL_UNIT_OF.get(c);
    if (small !== undefined) {
      if (small >= lastSmall) return null; // 十百, 百百: units must fall
      section += (digit ?? 1) * small; // a bare 十 means 一十
      digit = null;
      lastSmall = small;
      continue;
    }
    const big = BIG_UNIT_OF.get(c);
    if (big === undefined) return null;
    if (big >= lastBig) return null;
    section += digit ?? 0;
    if (section === 0) return null;
    total += section * big;
    section = 0;
    digit = null;
    lastSmall = Number.POSITIVE_INFINITY;
    lastBig = big;
  }
  return total + section + (digit ?? 0);
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!DIGIT_OF.has(s.charCodeAt(i))) return false;
  return true;
}

/** Arabic digits (ASCII or full-width) only, at least one. */
function isArabic(s: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) if (digitValue(s.charCodeAt(i)) < 0) return false;
  return true;
}

function isNumeral(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!DIGIT_OF.has(c) && !SMALL_UNIT_OF.has(c) && !BIG_UNIT_OF.has(c)) return false;
  }
  return true;
}

/**
 * Parses a numeral; null when the string is not one. Scans by index: it runs on every
 * enumerator and article number, so it makes no trimmed or converted copies on the way.
 *
 * @example parseChineseNumber('第二十三') // 23
 * @example parseChineseNumber('一百零五') // 105
 * @example parseChineseNumber('１２') // 12
 */
export function parseChineseNumber(s: string): number | null {
  // s.trim(), then one leading 第, then trim again.
  let start = 0;
  let end = s.length;
  while (start < end && isSpaceCode(s.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(s.charCodeAt(end - 1))) end--;
  if (start < end && s.charCodeAt(start) === DI) {
    start++;
    while (start < end && isSpaceCode(s.charCodeAt(start))) start++;
  }
  if (start === end) return null;
  if (isArabic(s, start, end)) {
    if (end - start > EXACT_DIGITS) return Number(toHalfWidthDigits(s.slice(start, end)));
    let n = 0;
    for (let i = start; i < end; i++) n = n * 10 + digitValue(s.charCodeAt(i));
    return n;
  }
  if (!isNumeral(s, start, end)) return null;
  return parseChinese(start === 0 && end === s.length ? s : s.slice(start, end));
}
