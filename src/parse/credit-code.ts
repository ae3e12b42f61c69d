/**
 * 统一社会信用代码, GB 32100-2015: 18 characters from the 31-character set below; the 18th is
 * a check character over the first 17 with the weights below; characters 3–8 are the
 * GB/T 2260 行政区划代码.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export interface CreditCodeCheck {
  valid: boolean;
  /** The check character the first 17 characters call for, when they are well formed. */
  expected?: string;
  /** Why the code is not valid (Chinese, for reports). */
  reason?: string;
  /** Characters 3–8: the 行政区划代码, when the code has them. */
  region?: string;
}

/** The check character for the first 17 characters, or null if one is outside the charset. */
export function creditCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET[check] ?? null;
}

/**
 * @example checkCreditCode('11620602MB19807920') // { valid: true, expected: '0', region: '620602' }
 */
export function checkCreditCode(code: string): CreditCodeCheck {
  const region = code.length >= 8 ? code.slice(2, 8) : undefined;
  const base = region !== undefined ? { region } : {};
  if (code.length !== 18) return { ...base, valid: false, reason: `长度应为18位，实为${code.length}位` };
  const bad = [...code].findIndex((c) => !CREDIT_CODE_CHARSET.includes(c));
  if (bad >= 0) return { ...base, valid: false, reason: `第${bad + 1}位“${code[bad]}”不在代码字符集内` };
  const expected = creditCheckChar(code.slice(0, 17)) ?? undefined;
  if (expected !== code[17]) return { ...base, valid: false, expected, reason: `校验码应为“${expected}”，实为“${code[17]}”` };
  return { ...base, valid: true, expected };
}
