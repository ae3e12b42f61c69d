import { CalendarError } from './errors.js';

/**
 * Civil dates as ISO "YYYY-MM-DD" strings (Asia/Shanghai calendar days) and integer day
 * numbers (days since 1970-01-01). No Date objects: a day is a day, whatever the host's
 * time zone.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEKDAY_NAMES: Readonly<Record<IsoWeekday, string>> = {
  1: '星期一',
  2: '星期二',
  3: '星期三',
  4: '星期四',
  5: '星期五',
  6: '星期六',
  7: '星期日',
};

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses without throwing: null when the text is not a real calendar date. */
export function tryParseIsoDate(text: string): CivilDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return tryParseIsoDate(text) !== null;
}

export function parseIsoDate(text: string): CivilDate {
  const parsed = tryParseIsoDate(text);
  if (!parsed) throw new CalendarError('bad-date', `“${text}”不是有效日期，应为 YYYY-MM-DD 格式的公历日期`);
  return parsed;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function dayNumberOf({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of dayNumberOf (civil_from_days). */
export function civilDateOf(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day number of 0001-01-01 and 9999-12-31: the years ISO dates can spell. */
export const MIN_DAY_NUMBER = dayNumberOf({ year: 1, month: 1, day: 1 });
export const MAX_DAY_NUMBER = dayNumberOf({ year: 9999, month: 12, day: 31 });

export function toDayNumber(date: IsoDate): number {
  return dayNumberOf(parseIsoDate(date));
}

export function formatCivilDate({ year, month, day }: CivilDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber) || dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER) {
    throw new CalendarError('out-of-range', '计算结果超出公元1年至9999年的日期范围');
  }
  return formatCivilDate(civilDateOf(dayNumber));
}

export function weekdayOfDayNumber(dayNumber: number): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1 as IsoWeekday;
}

export function weekdayOf(date: IsoDate): IsoWeekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function isWeekendDayNumber(dayNumber: number): boolean {
  return weekdayOfDayNumber(dayNumber) >= 6;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Signed number of days from a to b. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * The corresponding day `months` months later; when the final month has no such day
 * (31 January + 1 month), its last day, and `clamped` says so.
 */
export function addMonths(date: IsoDate, months: number): { date: IsoDate; clamped: boolean } {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999) {
    throw new CalendarError('out-of-range', '计算结果超出公元1年至9999年的日期范围');
  }
  const last = daysInMonth(targetYear, targetMonth);
  return {
    date: formatCivilDate({ year: targetYear, month: targetMonth, day: Math.min(day, last) }),
    clamped: day > last,
  };
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

/** "2025年10月1日" for Chinese explanations. */
export function formatChineseDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${year}年${month}月${day}日`;
}

/** "2025年10月1日（星期三）". */
export function formatChineseDateWithWeekday(date: IsoDate): string {
  return `${formatChineseDate(date)}（${WEEKDAY_NAMES[weekdayOf(date)]}）`;
}
