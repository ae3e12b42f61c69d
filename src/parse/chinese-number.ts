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

/** Full-width digits ０-９ to ASCII; other characters unchanged. */
export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function parseChinese(s: string): number | null {
  // A run of digits without units reads positionally: 二〇二四 → 2024.
  if (s.length > 1 && [...s].every((c) => c in DIGITS)) {
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastBig = Number.POSITIVE_INFINITY;
  for (const c of s) {
    if (c in DIGITS) {
      if (digit !== null && digit !== 0 && DIGITS[c] !== 0) return null; // 二三: two digits in a row
      digit = DIGITS[c] ?? 0;
    } else if (c in SMALL_UNITS) {
      const unit = SMALL_UNITS[c] ?? 1;
      if (unit >= lastSmall) return null; // 十百, 百百: units must fall
      section += (digit ?? 1) * unit; // a bare 十 means 一十
      digit = null;
      lastSmall = unit;
    } else if (c in BIG_UNITS) {
      const unit = BIG_UNITS[c] ?? 1;
      if (unit >= lastBig) return null;
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * unit;
      section = 0;
      digit = null;
      lastSmall = Number.POSITIVE_INFINITY;
      lastBig = unit;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * Parses a numeral; null when the string is not one.
 *
 * @example parseChineseNumber('第二十三') // 23
 * @example parseChineseNumber('一百零五') // 105
 * @example parseChineseNumber('１２') // 12
 */
export function parseChineseNumber(s: string): number | null {
  const body = s.trim().replace(/^第/, '').trim();
  if (body === '') return null;
  const half = toHalfWidthDigits(body);
  if (/^\d+$/.test(half)) return Number(half);
  if (!/^[零〇一二两三四五六七八九十百千万亿]+$/.test(body)) return null;
  return parseChinese(body);
}
