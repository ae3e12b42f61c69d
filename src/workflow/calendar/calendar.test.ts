import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Calendar, createCalendar } from './calendar.js';
import { addDays, fromDayNumber, isWeekendDayNumber, toDayNumber } from './civil-date.js';
import { CalendarError } from './errors.js';
import { readCalendarYears } from './load.js';
import type { CalendarYear } from './schema.js';

const DATA_DIR = fileURLToPath(new URL('../../../data/calendar/', import.meta.url));

let files: readonly CalendarYear[];
let calendar: Calendar;
beforeAll(async () => {
  files = (await readCalendarYears(DATA_DIR)).years;
  calendar = createCalendar(files);
});

/** Dates from 2016 to 2030: the data's span and provisional years on both sides. */
const dates = fc
  .integer({ min: toDayNumber('2016-01-01'), max: toDayNumber('2030-12-31') })
  .map((n) => fromDayNumber(n));
const counts = fc.integer({ min: -1500, max: 1500 });

/** The slow model the indexes must agree with: one day at a time. */
function stepWorkdays(cal: Calendar, date: string, n: number): string {
  let d = date;
  let left = Math.abs(n);
  while (left > 0) {
    d = addDays(d, Math.sign(n));
    if (cal.isWorkday(d)) left--;
  }
  return d;
}

describe('workday arithmetic', () => {
  it('agrees with stepping one day at a time', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -400, max: 400 }), (date, n) => {
        expect(calendar.addWorkdays(date, n)).toBe(stepWorkdays(calendar, date, n));
      }),
      { numRuns: 300 },
    );
  });

  it('goes back to a workday it started from', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        fc.pre(calendar.isWorkday(date));
        expect(calendar.addWorkdays(calendar.addWorkdays(date, n), -n)).toBe(date);
      }),
    );
  });

  it('always lands on a workday and counts back to n', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        fc.pre(n !== 0);
        const due = calendar.addWorkdays(date, n);
        expect(calendar.isWorkday(due)).toBe(true);
        // Forward: n workdays in (date, due]; backward: |n| workdays in [due, date).
        if (n > 0) expect(calendar.workdaysBetween(date, due)).toBe(n);
        else expect(calendar.workdaysBetween(addDays(due, -1), addDays(date, -1))).toBe(-n);
      }),
    );
  });

  it('counts workdays in (a, b] as stepping does', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 500 }), (a, span) => {
        const b = addDays(a, span);
        let count = 0;
        for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (calendar.isWorkday(d)) count++;
        expect(calendar.workdaysBetween(a, b)).toBe(count);
        expect(calendar.workdaysBetween(b, a)).toBe(count === 0 ? 0 : -count);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the neighbouring workdays', () => {
    fc.assert(
      fc.property(dates, (date) => {
        expect(calendar.nextWorkday(date)).toBe(stepWorkdays(calendar, date, 1));
        expect(calendar.previousWorkday(date)).toBe(stepWorkdays(calendar, date, -1));
        const onOrAfter = calendar.workdayOnOrAfter(date);
        expect(onOrAfter).toBe(calendar.isWorkday(date) ? date : calendar.nextWorkday(date));
      }),
    );
  });

  it('handles large n without walking the days', () => {
    const n = 2_000_000;
    const started = performance.now();
    const due = calendar.addWorkdays('2025-09-30', n);
    expect(performance.now() - started).toBeLessThan(50);
    expect(calendar.workdaysBetween('2025-09-30', due)).toBe(n);
    expect(calendar.addWorkdays(due, -n)).toBe('2025-09-30');
    expect(() => calendar.addWorkdays('2025-09-30', 10_000_000)).toThrow(CalendarError);
    expect(() => calendar.addWorkdays('2025-09-30', 1.5)).toThrow(CalendarError);
  });

  it('skips the 2025 National Day week and counts its Saturday makeup workday', () => {
    // 10-01..10-08 off; 10-09 Thu, 10-10 Fri, 10-11 Sat (调休上班), 10-13 Mon, 10-14 Tue.
    expect(calendar.addWorkdays('2025-09-30', 1)).toBe('2025-10-09');
    expect(calendar.addWorkdays('2025-09-30', 3)).toBe('2025-10-11');
    expect(calendar.addWorkdays('2025-09-30', 4)).toBe('2025-10-13');
    expect(calendar.addWorkdays('2025-09-30', 5)).toBe('2025-10-14');
    expect(calendar.addWorkdays('2025-10-09', -1)).toBe('2025-09-30');
    expect(calendar.addWorkdays('2025-09-29', -1)).toBe('2025-09-28');
  });
});

describe('provisional years', () => {
  it('are the years in range without data', () => {
    expect(calendar.provisionalYears('2025-12-01', '2027-03-01')).toEqual([2027]);
    expect(calendar.provisionalYears(2018, 2021)).toEqual([2018, 2019]);
    expect(calendar.provisionalYears('2024-01-01', '2026-12-31')).toEqual([]);
    expect(calendar.dayInfo('2027-10-01')).toMatchObject({ provisional: true, workday: true, kind: 'workday' });
  });

  it('count only weekends as days off', () => {
    const bare = createCalendar([]);
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2090-12-31') }), (n) => {
        expect(bare.isWorkday(fromDayNumber(n))).toBe(!isWeekendDayNumber(n));
      }),
    );
    expect(bare.addWorkdays('2025-09-30', 5)).toBe('2025-10-07');
  });

  it('leave a gap between data years provisional, with weekends only', () => {
    const gap = createCalendar(files.filter((file) => file.year !== 2022));
    expect(gap.provisionalYears(2021, 2023)).toEqual([2022]);
    expect(gap.isWorkday('2022-10-03')).toBe(true);
    expect(gap.isWorkday('2022-10-08')).toBe(false);
    // The 2023 notice still puts its New Year holiday on 2022-12-31.
    expect(gap.dayInfo('2022-12-31')).toMatchObject({ kind: 'holiday', provisional: true });
  });
});

describe('building a calendar', () => {
  it('refuses the same year twice', () => {
    const [first] = files;
    expect(() => createCalendar([first as CalendarYear, first as CalendarYear])).toThrow(CalendarError);
  });

  it('refuses two years that contradict each other on a day', () => {
    const year2022 = files.find((file) => file.year === 2022) as CalendarYear;
    const contradicting: CalendarYear = {
      ...year2022,
      holidays: [...year2022.holidays, { name: '测试', source: 'annual', off: [], work: ['2022-12-31'] }],
    };
    const year2023 = files.find((file) => file.year === 2023) as CalendarYear;
    expect(() => createCalendar([contradicting, year2023])).toThrow(/2022-12-31/);
  });

  it('lists the special days of a range', () => {
    const days = calendar.specialDaysBetween('2025-09-27', '2025-10-12');
    expect(days.map((d) => `${d.date}:${d.kind}`)).toEqual([
      '2025-09-28:makeup-workday',
      ...Array.from({ length: 8 }, (_, i) => `2025-10-0${i + 1}:holiday`),
      '2025-10-11:makeup-workday',
    ]);
  });
});
