import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  civilDateOf,
  dayNumberOf,
  formatChineseDateWithWeekday,
  fromDayNumber,
  isIsoDate,
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  toDayNumber,
  weekdayOf,
} from './civil-date.js';
import { CalendarError } from './errors.js';

describe('civil dates', () => {
  it('numbers days as Date.UTC does, in every era', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY_NUMBER, max: MAX_DAY_NUMBER }), (n) => {
        const { year, month, day } = civilDateOf(n);
        const utc = new Date(0);
        utc.setUTCFullYear(year, month - 1, day);
        expect(Math.round(utc.getTime() / 86_400_000)).toBe(n);
        expect(dayNumberOf({ year, month, day })).toBe(n);
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });

  it.each([
    ['1970-01-01', 4],
    ['2025-10-01', 3],
    ['2025-10-09', 4],
    ['2025-10-11', 6],
    ['2024-02-18', 7],
    ['2000-02-29', 2],
  ] as const)('%s falls on ISO weekday %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-1-01', '2025-00-10', '20250101', '', '2024-04-31'])(
    'rejects %j',
    (text) => {
      expect(isIsoDate(text)).toBe(false);
      expect(() => toDayNumber(text)).toThrow(CalendarError);
    },
  );

  it.each([
    ['2025-01-31', 1, '2025-02-28', true],
    ['2024-01-31', 1, '2024-02-29', true],
    ['2025-03-15', 1, '2025-04-15', false],
    ['2025-08-31', 1, '2025-09-30', true],
    ['2025-11-30', 3, '2026-02-28', true],
    ['2024-02-29', 12, '2025-02-28', true],
    ['2025-03-31', -1, '2025-02-28', true],
    ['2025-12-15', 1, '2026-01-15', false],
  ] as const)('%s plus %i month(s) is %s', (date, months, expected, clamped) => {
    expect(addMonths(date, months)).toEqual({ date: expected, clamped });
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(() => addDays('9999-12-31', 1)).toThrow(CalendarError);
  });

  it('writes Chinese dates with the weekday', () => {
    expect(formatChineseDateWithWeekday('2025-10-14')).toBe('2025年10月14日（星期二）');
  });
});
