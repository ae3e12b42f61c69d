import {
  dayNumberOf,
  fromDayNumber,
  type IsoDate,
  type IsoWeekday,
  isWeekendDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  yearOf,
} from './civil-date.js';
import { CalendarError } from './errors.js';
import type { CalendarYear, NoticeSource } from './schema.js';
import { firstWithWeekdaysAtLeast, weekdaysBefore } from './weekday-count.js';

/** workday: an ordinary Monday–Friday; makeup-workday: a weekend day turned workday (调休上班). */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface DayInfo {
  readonly date: IsoDate;
  readonly weekday: IsoWeekday;
  readonly workday: boolean;
  readonly kind: DayKind;
  /** The holiday's name as the notice gives it (春节, 国庆节、中秋节 …). */
  readonly holiday?: string;
  /** The notice that made this day a holiday or a makeup workday. */
  readonly source?: NoticeSource;
  /** The day's year has no holiday data: only weekends are known. */
  readonly provisional: boolean;
}

/**
 * Working days by the State Council's yearly holiday notices. Dates are ISO "YYYY-MM-DD"
 * civil dates; every operation is O(1) or O(log n) whatever the distance.
 */
export interface Calendar {
  /** Years with holiday data, ascending. */
  readonly years: readonly number[];
  isWorkday(date: IsoDate): boolean;
  dayInfo(date: IsoDate): DayInfo;
  /**
   * The n-th workday after `date` (n > 0) or before it (n < 0); `date` itself is never
   * counted. n = 0 returns `date`.
   * @example calendar.addWorkdays('2025-09-30', 1) // '2025-10-09'
   */
  addWorkdays(date: IsoDate, n: number): IsoDate;
  /**
   * Workdays in (a, b]: after a, up to and including b; negative when b is before a.
   * @example calendar.workdaysBetween('2025-09-30', '2025-10-10') // 2
   */
  workdaysBetween(a: IsoDate, b: IsoDate): number;
  /** The first workday strictly after `date`. */
  nextWorkday(date: IsoDate): IsoDate;
  /** The last workday strictly before `date`. */
  previousWorkday(date: IsoDate): IsoDate;
  /** `date` if it is a workday, else the next workday. */
  workdayOnOrAfter(date: IsoDate): IsoDate;
  /** Years between the two dates (or years), inclusive, that have no holiday data. */
  provisionalYears(from: IsoDate | number, to: IsoDate | number): number[];
  /** Years in range whose file says verified: false. */
  unverifiedYears(from: IsoDate | number, to: IsoDate | number): number[];
  /** Holidays and makeup workdays in [from, to], ascending. */
  specialDaysBetween(from: IsoDate, to: IsoDate): DayInfo[];
  /** The year file as loaded, when there is one. */
  yearData(year: number): CalendarYear | undefined;
}

interface Mark {
  readonly off: boolean;
  readonly name: string;
  readonly source: NoticeSource;
  readonly year: number;
}

/**
 * Builds the calendar's indexes: workday flags and a prefix count over the span the data
 * covers; outside it a workday is a weekday, counted in closed form.
 * @example createCalendar([year2025]).isWorkday('2025-10-11') // true (调休上班)
 */
export function createCalendar(files: readonly CalendarYear[]): Calendar {
  const byYear = new Map<number, CalendarYear>();
  for (const file of files) {
    if (byYear.has(file.year)) throw new CalendarError('conflict', `${file.year}年的节假日安排重复提供`);
    byYear.set(file.year, file);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const marks = collectMarks(years.map((year) => byYear.get(year) as CalendarYear));
  const markedDays = [...marks.keys()].sort((a, b) => a - b);

  const firstYear = years[0];
  const lastYear = years[years.length - 1];
  let start = firstYear === undefined ? 0 : dayNumberOf({ year: firstYear, month: 1, day: 1 });
  let end = lastYear === undefined ? 0 : dayNumberOf({ year: lastYear + 1, month: 1, day: 1 });
  if (markedDays.length > 0) {
    start = Math.min(start, markedDays[0] as number);
    end = Math.max(end, (markedDays[markedDays.length - 1] as number) + 1);
  }
  const length = end - start;
  const prefix = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) {
    const mark = marks.get(start + i);
    const workday = mark ? !mark.off : !isWeekendDayNumber(start + i);
    prefix[i + 1] = (prefix[i] as number) + (workday ? 1 : 0);
  }
  const total = prefix[length] as number;

  const isWorkdayN = (x: number): boolean => {
    const mark = marks.get(x);
    return mark ? !mark.off : !isWeekendDayNumber(x);
  };
  /** Workdays in [start, x); negative for x before the span. */
  const cumulative = (x: number): number => {
    if (x <= start) return weekdaysBefore(x) - weekdaysBefore(start);
    if (x >= end) return total + weekdaysBefore(x) - weekdaysBefore(end);
    return prefix[x - start] as number;
  };
  /** The smallest x with cumulative(x) ≥ t. */
  const firstAtLeast = (t: number): number => {
    if (t <= 0) return firstWithWeekdaysAtLeast(t + weekdaysBefore(start));
    if (t > total) return firstWithWeekdaysAtLeast(t - total + weekdaysBefore(end));
    let lo = 1;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((prefix[mid] as number) >= t) hi = mid;
      else lo = mid + 1;
    }
    return start + lo;
  };
  /** The workday preceded by exactly k workdays counted from `start`. */
  const workdayWithOrdinal = (k: number): number => firstAtLeast(k + 1) - 1;

  const info = (x: number): DayInfo => {
    const date = fromDayNumber(x);
    const weekday = weekdayOfDayNumber(x);
    const provisional = !byYear.has(yearOf(date));
    const mark = marks.get(x);
    if (mark) {
      const kind: DayKind = mark.off ? 'holiday' : 'makeup-workday';
      return { date, weekday, workday: !mark.off, kind, holiday: mark.name, source: mark.source, provisional };
    }
    const weekend = weekday >= 6;
    return { date, weekday, workday: !weekend, kind: weekend ? 'weekend' : 'workday', provisional };
  };

  const yearsBetween = (from: IsoDate | number, to: IsoDate | number, keep: (year: number) => boolean) => {
    const a = typeof from === 'number' ? from : yearOf(from);
    const b = typeof to === 'number' ? to : yearOf(to);
    const out: number[] = [];
    for (let year = Math.min(a, b); year <= Math.max(a, b); year++) if (keep(year)) out.push(year);
    return out;
  };

  return {
    years,
    isWorkday: (date) => isWorkdayN(toDayNumber(date)),
    dayInfo: (date) => info(toDayNumber(date)),
    addWorkdays(date, n) {
      const x = toDayNumber(date);
      const steps = checkedCount(n);
      if (steps === 0) return date;
      if (steps > 0) return fromDayNumber(workdayWithOrdinal(cumulative(x + 1) + steps - 1));
      return fromDayNumber(workdayWithOrdinal(cumulative(x) + steps));
    },
    workdaysBetween: (a, b) => cumulative(toDayNumber(b) + 1) - cumulative(toDayNumber(a) + 1),
    nextWorkday: (date) => fromDayNumber(workdayWithOrdinal(cumulative(toDayNumber(date) + 1))),
    previousWorkday: (date) => fromDayNumber(workdayWithOrdinal(cumulative(toDayNumber(date)) - 1)),
    workdayOnOrAfter: (date) => fromDayNumber(workdayWithOrdinal(cumulative(toDayNumber(date)))),
    provisionalYears: (from, to) => yearsBetween(from, to, (year) => !byYear.has(year)),
    unverifiedYears: (from, to) => yearsBetween(from, to, (year) => byYear.get(year)?.verified === false),
    specialDaysBetween(from, to) {
      const a = toDayNumber(from);
      const b = toDayNumber(to);
      return markedDays.slice(lowerBound(markedDays, a), lowerBound(markedDays, b + 1)).map(info);
    },
    yearData: (year) => byYear.get(year),
  };
}

/**
 * Day marks from every file: within a file a later notice overrides an earlier one (the
 * 2020 extension of the Spring Festival); across files the same day must agree.
 */
function collectMarks(files: readonly CalendarYear[]): Map<number, Mark> {
  const marks = new Map<number, Mark>();
  for (const file of files) {
    const order = new Map(file.sources.map((source, index) => [source.id, index]));
    const sourceOf = new Map(file.sources.map((source) => [source.id, source]));
    const entries = [...file.holidays].sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0));
    const own = new Map<number, Mark>();
    for (const entry of entries) {
      const source = sourceOf.get(entry.source) as NoticeSource;
      for (const date of entry.off) own.set(toDayNumber(date), { off: true, name: entry.name, source, year: file.year });
      for (const date of entry.work) own.set(toDayNumber(date), { off: false, name: entry.name, source, year: file.year });
    }
    for (const [day, mark] of own) {
      const earlier = marks.get(day);
      if (earlier && earlier.off !== mark.off) {
        throw new CalendarError(
          'conflict',
          `${fromDayNumber(day)}在${earlier.year}年与${mark.year}年的节假日安排中相互矛盾（一处放假，一处上班）`,
        );
      }
      if (!earlier) marks.set(day, mark);
    }
  }
  return marks;
}

function checkedCount(n: number): number {
  if (!Number.isSafeInteger(n)) throw new CalendarError('bad-argument', `工作日数“${n}”应为整数`);
  return n;
}

/** First index whose value is ≥ x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
