import type { LocalCode } from '../model/index.js';

/**
 * Type segments seen in 004's 地方权力编码 (凉州区委网信办): 02 on its 行政处罚 items, 10 on
 * its 其他行政权力 item. Observed, not documented; other values are kept but not named.
 */
export const LOCAL_CODE_TYPE_SEGMENTS: Readonly<Record<string, string>> = {
  '02': '行政处罚',
  '10': '其他行政权力',
};

/** 18-character credit code, then 3 undocumented digits, type (2), 2 undocumented, item (3), sub-item (3). */
const SHAPE = /^([0-9A-HJ-NPQRTUWXY]{18})(\d{3})(\d{2})(\d{2})(\d{3})(\d{3})$/;

/**
 * 地方权力编码 as in 004: "11620602MB198079204620246001000" → creditCode
 * "11620602MB19807920", typeSegment "02", itemNo "001", subNo "000", undocumented
 * ["462", "46"]. Any other shape keeps raw, with the whole (trimmed) text undocumented.
 */
export function parseLocalCode(raw: string): LocalCode {
  const m = SHAPE.exec(raw.trim());
  if (!m) {
    const t = raw.trim();
    return { raw, undocumented: t === '' ? [] : [t] };
  }
  return {
    raw,
    creditCode: m[1] ?? '',
    typeSegment: m[3] ?? '',
    itemNo: m[5] ?? '',
    subNo: m[6] ?? '',
    undocumented: [m[2] ?? '', m[4] ?? ''],
  };
}
