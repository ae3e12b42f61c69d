import { parseNumeral, toAsciiDigits } from './numerals.js';

/**
 * An order or document number a law was promulgated under, as lists write it:
 * 主席令第二十八号, 主席令第28号, 国务院令646号, 国家保密局令2017年第2号,
 * 国家互联网信息办公室1号令, 国保发〔2013〕14号.
 */
export interface OrderNumber {
  /** 'order' for 令 (主席令, 国务院令, 部门令); 'document' for 文号 (国保发〔2013〕14号). */
  kind: 'order' | 'document';
  /** 主席令, 国务院令, 国家保密局令, 国保发 … without the 中华人民共和国 prefix. */
  issuer: string;
  /** The year inside the number (国家保密局令2017年第2号, 〔2013〕), when it has one. */
  year?: number;
  number: number;
  /** One spelling per number: 主席令第28号, 国家保密局令2017年第2号, 国保发〔2013〕14号. */
  normalized: string;
  /** The text it was read from. */
  raw: string;
}

const NUM = '[零〇一二两三四五六七八九十百千0-9]+';
const CJK = '\\u4e00-\\u9fff';
const OPEN = '[〔\\[【（(［]';
const CLOSE = '[〕\\]】）)］]';

/** Patterns tried in order; each turns a match into issuer, year and number. */
const PATTERNS: Array<{
  kind: OrderNumber['kind'];
  pattern: RegExp;
  read: (m: RegExpExecArray) => { issuer: string; year?: string; number: string };
}> = [
  {
    // 国保发〔2013〕14号, 国办发[2019]3号
    kind: 'document',
    pattern: new RegExp(`([${CJK}]{1,12})${OPEN}\\s*(\\d{4})\\s*${CLOSE}\\s*第?\\s*(\\d+)\\s*号`, 'g'),
    read: (m) => ({ issuer: m[1] ?? '', year: m[2], number: m[3] ?? '' }),
  },
  {
    // 国家互联网信息办公室1号令
    kind: 'order',
    pattern: new RegExp(`([${CJK}]{2,30}?)\\s*第?\\s*(${NUM})\\s*号令`, 'g'),
    read: (m) => ({ issuer: `${m[1] ?? ''}令`, number: m[2] ?? '' }),
  },
  {
    // 主席令第二十八号, 国务院令646号, 国家保密局令2017年第2号
    kind: 'order',
    pattern: new RegExp(`([${CJK}]{1,30}?令)\\s*(?:(\\d{4})\\s*年)?\\s*第?\\s*(${NUM})\\s*号(?!令)`, 'g'),
    read: (m) => ({ issuer: m[1] ?? '', year: m[2], number: m[3] ?? '' }),
  },
];

/** The issuer without what precedes it in the same run of characters, and how many characters that was. */
function cleanIssuer(raw: string): { issuer: string; skipped: number } {
  // Date remnants (…29日国家保密局令) and verbs before the issuer are not part of the number.
  const noise = /^(?:.*[年月日号，、：；])?(?:根据|依据|经|由|以)?/.exec(raw)?.[0] ?? '';
  const issuer = raw.slice(noise.length).replace(/\s/g, '').replace(/^(?:中华人民共和国|中国人民共和国)/, '');
  return { issuer, skipped: noise.length };
}

function normalizedOf(kind: OrderNumber['kind'], issuer: string, year: number | undefined, number: number): string {
  if (kind === 'document') return `${issuer}〔${year}〕${number}号`;
  return `${issuer}${year !== undefined ? `${year}年` : ''}第${number}号`;
}

/**
 * Every order or document number in a text, in order of appearance.
 *
 * @example parseOrderNumbers('1996年主席令第六十三号公布，2009年主席令第十八号修改').map((o) => o.normalized)
 * // ['主席令第63号', '主席令第18号']
 */
export function parseOrderNumbers(text: string): OrderNumber[] {
  const input = toAsciiDigits(text);
  const found: Array<OrderNumber & { index: number; end: number }> = [];
  for (const { kind, pattern, read } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(input); m !== null; m = pattern.exec(input)) {
      const parts = read(m);
      const { issuer, skipped } = cleanIssuer(parts.issuer);
      const start = m.index + skipped;
      const end = m.index + m[0].length;
      if (found.some((f) => start < f.end && end > f.index)) continue;
      const number = parseNumeral(parts.number);
      if (issuer === '' || number === undefined) continue;
      const year = parts.year !== undefined ? Number(parts.year) : undefined;
      found.push({
        kind,
        issuer,
        ...(year !== undefined ? { year } : {}),
        number,
        normalized: normalizedOf(kind, issuer, year, number),
        raw: text.slice(start, end),
        index: start,
        end,
      });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ index: _i, end: _e, ...order }) => order);
}

/** The first order or document number in a text, or undefined. */
export function parseOrderNumber(text: string): OrderNumber | undefined {
  return parseOrderNumbers(text)[0];
}

/** The one spelling of an order number ('主席令第二十八号' → '主席令第28号'); undefined if none is found. */
export function normalizeOrderNumber(text: string): string | undefined {
  return parseOrderNumber(text)?.normalized;
}

/**
 * Whether two numbers name the same order. A year is compared only when both have one,
 * since lists often drop it (国家保密局令第2号 for 国家保密局令2017年第2号).
 */
export function sameOrder(a: OrderNumber, b: OrderNumber): boolean {
  if (a.kind !== b.kind || a.issuer !== b.issuer || a.number !== b.number) return false;
  return a.year === undefined || b.year === undefined || a.year === b.year;
}
