const DIGITS = '零一二三四五六七八九';
const UNITS = ['', '十', '百', '千'];

/**
 * Writes 1–9999 the way article numbers are written in laws; other values stay Arabic.
 *
 * @example chineseNumeral(44) // '四十四'
 * @example chineseNumeral(105) // '一百零五'
 */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999) return String(value);
  const digits = String(value).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, i) => {
    const unit = UNITS[digits.length - 1 - i] ?? '';
    if (digit === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 十二, not 一十二, when ten is the leading unit.
    out += digit === 1 && unit === '十' && out === '' ? unit : `${DIGITS[digit]}${unit}`;
  });
  return out;
}

/** "第四十四条". */
export function articleLabel(article: number): string {
  return `第${chineseNumeral(article)}条`;
}

const DIGIT_VALUES: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads Arabic (also full-width) or Chinese numerals below ten thousand; undefined otherwise.
 *
 * @example parseNumeral('二十八') // 28
 * @example parseNumeral('６４６') // 646
 */
export function parseNumeral(text: string): number | undefined {
  const ascii = text.normalize('NFKC');
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    const unit = UNIT_VALUES[ch];
    if (unit !== undefined) {
      total += (digit === 0 && unit === 10 ? 1 : digit) * unit;
      digit = 0;
    } else {
      const value = DIGIT_VALUES[ch] as number;
      // Digits written without units ("二〇一〇") read positionally.
      digit = digit > 0 && value >= 0 && !/[十百千]/.test(text) ? digit * 10 + value : value;
    }
  }
  return total + digit;
}
