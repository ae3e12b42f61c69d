/**
 * Chinese numerals as law texts and order numbers write them (第二十三条, 主席令第六十三号),
 * plus Arabic and full-width digits. Kept local to the registry so that it depends on
 * nothing else in src.
 */

const DIGITS: Record<string, number> = {
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
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may make up a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/** Turns full-width digits into ASCII ones. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Parses "二十三", "十二", "一百零五", "23", "２３" into an integer; undefined when the
 * text is not a numeral.
 *
 * @example parseNumeral('一百零五') // 105
 */
export function parseNumeral(text: string): number | undefined {
  const trimmed = toAsciiDigits(text.trim());
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Digit-by-digit form used in years and some order numbers: 二〇一三.
  if (/^[零〇一二三四五六七八九]{2,}$/.test(trimmed) && !/[十百千]/.test(trimmed)) {
    return Number([...trimmed].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const char of trimmed) {
    const digit = DIGITS[char];
    if (digit !== undefined) {
      if (pending !== undefined && pending !== 0 && digit !== 0) return undefined;
      pending = digit;
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return undefined;
    // "十二" omits the leading 一.
    total += (pending ?? (total === 0 && unit === 10 ? 1 : Number.NaN)) * unit;
    if (Number.isNaN(total)) return undefined;
    pending = undefined;
    lastUnit = unit;
  }
  total += pending ?? 0;
  return total;
}

/**
 * Writes an integer (1–9999) the way law texts number articles.
 *
 * @example formatNumeral(110) // '一百一十'
 */
export function formatNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 9999) {
    throw new RangeError(`无法写成中文数字：${value}`);
  }
  if (value === 0) return '零';
  const names = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const units: Array<[number, string]> = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let rest = value;
  let zeroPending = false;
  for (const [size, unit] of units) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit === 0) {
      if (out !== '') zeroPending = true;
      continue;
    }
    if (zeroPending) out += '零';
    zeroPending = false;
    // 10–19 is written 十, 十一 … only when it leads the number.
    out += size === 10 && digit === 1 && out === '' ? unit : `${names[digit]}${unit}`;
  }
  return out;
}
