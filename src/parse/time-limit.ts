import type { TimeLimit, TimeUnit } from '../model/index.js';
import { parseChineseNumber } from './chinese-number.js';

/** Unit words as lists write them, longest first, mapped to the model's units. */
const UNITS: readonly (readonly [string, TimeUnit])[] = [
  ['个工作日', '工作日'],
  ['工作日', '工作日'],
  ['个小时', '小时'],
  ['小时', '小时'],
  ['个自然日', '日'],
  ['自然日', '日'],
  ['个月', '月'],
  ['日', '日'],
  ['天', '日'],
  ['月', '月'],
  ['年', '年'],
];

const NUMBER = '([0-9０-９]+(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千半]+)';
const PATTERN = new RegExp(`${NUMBER}\\s*(${UNITS.map(([w]) => w).join('|')})`, 'g');
/** A date's parts (2014年1月17日) are not time limits: what follows a year or a month. */
const DATE_TAIL = /^[0-9０-９一二三四五六七八九十]{1,2}[月日]/;
/** "1-2个工作日", "3至5日": a range has no single value. */
const RANGE = new RegExp(`${NUMBER}\\s*(?:[-－~～—]|至|到)\\s*${NUMBER}\\s*(${UNITS.map(([w]) => w).join('|')})`);

function value(s: string): number | undefined {
  if (s === '半') return 0.5;
  if (/^[0-9]+\.[0-9]+$/.test(s)) return Number(s);
  return parseChineseNumber(s) ?? undefined;
}

function unitOf(word: string): TimeUnit | undefined {
  return UNITS.find(([w]) => w === word)?.[1];
}

/**
 * 法定时限 / 承诺时限: "45个工作日" → { value: 45, unit: '工作日' }. "20 个工作日", "30日",
 * "3个月", "十五个工作日" are read too; "即办" and anything else keep only raw. A range
 * ("1-2个工作日") keeps its unit and no value.
 */
export function parseTimeLimit(text: string): TimeLimit {
  const out: TimeLimit = { raw: text };
  const range = RANGE.exec(text);
  if (range) {
    const unit = unitOf(range[3] ?? '');
    if (unit) out.unit = unit;
    return out;
  }
  const inDate = (x: RegExpExecArray) =>
    /[年月]/.test(text[x.index - 1] ?? '') || DATE_TAIL.test(text.slice(x.index + x[0].length, x.index + x[0].length + 3));
  const m = [...text.matchAll(PATTERN)].find((x) => !inDate(x));
  if (!m) return out;
  const v = value(m[1] ?? '');
  const unit = unitOf(m[2] ?? '');
  if (unit === undefined) return out;
  out.unit = unit;
  // "一年半": the value is not the number before the unit; leave it to the reader.
  const after = text[m.index + m[0].length];
  if (v !== undefined && after !== '半') out.value = v;
  return out;
}
