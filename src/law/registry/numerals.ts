import { parseChineseNumber, toHalfWidthDigits } from '../../parse/index.js';

/**
 * Chinese numerals as law texts and order numbers write them (第二十三条, 主席令第六十三号),
 * plus Arabic and full-width digits. Reading is src/parse's; the registry narrows it to the
 * forms law texts use.
 */

/** Characters that may make up a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/**
 * Turns full-width digits into ASCII ones.
 *
 * @example toAsciiDigits('第１２条') // '第12条'
 */
export const toAsciiDigits: (text: string) => string = toHalfWidthDigits;

/**
 * The forms law texts number with: digits; a Chinese digit string (二〇一三); or a numeral
 * below 万 whose units each follow a digit, save a leading 十 (十二). src/parse also reads
 * 第五, 一百十, 百 and 两〇, which in a heading or an order number would be misreadings.
 */
const LAW_NUMERAL = /^(?:[0-9０-９]+|[零〇一二两三四五六七八九]|[零〇一二三四五六七八九]{2,}|(?=.*[十百千])十?(?:[零〇一二两三四五六七八九][十百千]?)*)$/;

/**
 * Parses "二十三", "十二", "一百零五", "23", "２３" into an integer; undefined when the
 * text is not a numeral.
 *
 * @example parseNumeral('一百零五') // 105
 */
export function parseNumeral(text: string): number | undefined {
  if (!LAW_NUMERAL.test(text.trim())) return undefined;
  return parseChineseNumber(text) ?? undefined;
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
