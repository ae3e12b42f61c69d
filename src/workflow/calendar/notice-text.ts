import {
  dayNumberOf,
  daysInMonth,
  formatCivilDate,
  fromDayNumber,
  type IsoDate,
  weekdayOfDayNumber,
} from './civil-date.js';

/**
 * Reads the dates out of one item of a State Council holiday notice, e.g.
 * "1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。"
 * A year file keeps that sentence verbatim beside its typed dates; reading it back
 * catches a mistyped day, and the weekday the notice prints beside a date is checked too.
 */
export interface NoticeTextReading {
  readonly off: readonly IsoDate[];
  readonly work: readonly IsoDate[];
  /** "共7天" / "放假1天" when the text states a count. */
  readonly statedDays: number | null;
  /** Weekday printed in the text that does not match the date. */
  readonly issues: readonly string[];
  /** Sentences that carry no dates we know how to read (kept, never guessed at). */
  readonly unrecognized: readonly string[];
}

const DATE = String.raw`(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日`;
const PAREN = '(?:[（(]([^）)]*)[）)])?';
const OFF_SENTENCE = new RegExp(`^${DATE}${PAREN}(?:至${DATE}${PAREN})?放假`, 'u');
const DATE_TOKEN = new RegExp(`${DATE}${PAREN}`, 'gu');
const WORK_SENTENCE = new RegExp(`^(?:${DATE}${PAREN}[、，,]?)+上班$`, 'u');
const MAKEUP_REST = new RegExp(`${DATE}${PAREN}补休`, 'gu');
const WEEKDAY_IN_PAREN = /(?:星期|周)([一二三四五六日天])/u;
const STATED_DAYS = /(?:共|放假)(\d+)天/u;
const WEEKDAY_NUMBER: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

interface Cursor {
  year: number;
  month: number | null;
}

interface DateToken {
  readonly date: IsoDate | null;
  readonly dayNumber: number;
  readonly paren: string | undefined;
  readonly text: string;
}

function readDate(
  cursor: Cursor,
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
  paren: string | undefined,
): DateToken {
  const text = `${yearText ? `${yearText}年` : ''}${monthText ? `${monthText}月` : ''}${dayText}日${paren === undefined ? '' : `（${paren}）`}`;
  if (yearText) cursor.year = Number(yearText);
  if (monthText) cursor.month = Number(monthText);
  const day = Number(dayText);
  const month = cursor.month;
  if (month === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(cursor.year, month)) {
    return { date: null, dayNumber: Number.NaN, paren, text };
  }
  const civil = { year: cursor.year, month, day };
  return { date: formatCivilDate(civil), dayNumber: dayNumberOf(civil), paren, text };
}

function checkWeekday(token: DateToken, issues: string[]): void {
  if (token.date === null) {
    issues.push(`“${token.text}”不是有效日期`);
    return;
  }
  const printed = token.paren ? WEEKDAY_IN_PAREN.exec(token.paren) : null;
  if (!printed?.[1]) return;
  const expected = WEEKDAY_NUMBER[printed[1]];
  if (expected !== weekdayOfDayNumber(token.dayNumber)) {
    issues.push(`“${token.text}”标注的星期与${token.date}的实际星期不符`);
  }
}

function tokens(sentence: string, pattern: RegExp, cursor: Cursor): DateToken[] {
  return [...sentence.matchAll(pattern)].map((m) => readDate(cursor, m[1], m[2], m[3], m[4]));
}

/** `year` is the notice's year: the year of every date that does not spell its own. */
export function readNoticeText(text: string, year: number): NoticeTextReading {
  const off: IsoDate[] = [];
  const work: IsoDate[] = [];
  const issues: string[] = [];
  const unrecognized: string[] = [];
  let statedDays: number | null = null;
  const cursor: Cursor = { year, month: null };

  for (const raw of text.split('。')) {
    const sentence = raw.trim();
    if (!sentence) continue;
    const offMatch = OFF_SENTENCE.exec(sentence);
    if (offMatch) {
      const start = readDate(cursor, offMatch[1], offMatch[2], offMatch[3], offMatch[4]);
      const end = offMatch[7]
        ? readDate(cursor, offMatch[5], offMatch[6], offMatch[7], offMatch[8])
        : start;
      checkWeekday(start, issues);
      if (end !== start) checkWeekday(end, issues);
      if (start.date !== null && end.date !== null) {
        for (let d = start.dayNumber; d <= end.dayNumber; d++) off.push(fromDayNumber(d));
      }
      for (const rest of tokens(sentence, MAKEUP_REST, cursor)) {
        checkWeekday(rest, issues);
        if (rest.date) off.push(rest.date);
      }
      const stated = STATED_DAYS.exec(sentence);
      if (stated?.[1]) statedDays = Number(stated[1]);
      continue;
    }
    if (WORK_SENTENCE.test(sentence)) {
      for (const token of tokens(sentence, DATE_TOKEN, cursor)) {
        checkWeekday(token, issues);
        if (token.date) work.push(token.date);
      }
      continue;
    }
    unrecognized.push(sentence);
  }
  return { off, work, statedDays, issues, unrecognized };
}
