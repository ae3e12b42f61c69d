import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from './calendar.js';
import { addDays, isWeekendDayNumber, toDayNumber } from './civil-date.js';
import { loadCalendar } from './load.js';

const DATA_DIR = fileURLToPath(new URL('../../../data/calendar/', import.meta.url));

/**
 * Each year's arrangement as the State Council notices give it (国务院办公厅关于<year>年
 * 部分节假日安排的通知, and for 2020 the extension of the Spring Festival, 国办发明电〔2020〕1号):
 * every day off ("MM-DD" or a "MM-DD..MM-DD" range) and every weekend workday (调休上班).
 * A day of the next or previous year is written in full.
 */
const OFFICIAL: Record<number, { off: string[]; work: string[] }> = {
  2020: {
    // 春节 1-24..1-30, extended to 2-02: the 2-01 (Saturday) workday became a day off.
    off: ['01-01', '01-24..02-02', '04-04..04-06', '05-01..05-05', '06-25..06-27', '10-01..10-08'],
    work: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'],
  },
  2021: {
    off: ['01-01..01-03', '02-11..02-17', '04-03..04-05', '05-01..05-05', '06-12..06-14', '09-19..09-21', '10-01..10-07'],
    work: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'],
  },
  2022: {
    // 12-31 opens the 2023 New Year holiday (2023 notice).
    off: ['01-01..01-03', '01-31..02-06', '04-03..04-05', '04-30..05-04', '06-03..06-05', '09-10..09-12', '10-01..10-07', '12-31'],
    work: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'],
  },
  2023: {
    off: ['01-01..01-02', '01-21..01-27', '04-05', '04-29..05-03', '06-22..06-24', '09-29..10-06'],
    work: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  },
  2024: {
    off: ['01-01', '02-10..02-17', '04-04..04-06', '05-01..05-05', '06-10', '09-15..09-17', '10-01..10-07'],
    work: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    off: ['01-01', '01-28..02-04', '04-04..04-06', '05-01..05-05', '05-31..06-02', '10-01..10-08'],
    work: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    off: ['01-01..01-03', '02-15..02-23', '04-04..04-06', '05-01..05-05', '06-19..06-21', '09-25..09-27', '10-01..10-07'],
    work: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

function expand(year: number, items: readonly string[]): Set<string> {
  const days = new Set<string>();
  for (const item of items) {
    const [from, to = from] = item.split('..').map((part) => `${year}-${part}`) as [string, string?];
    for (let d = from; d <= to; d = addDays(d, 1)) days.add(d);
  }
  return days;
}

let calendar: Calendar;
beforeAll(async () => {
  calendar = await loadCalendar(DATA_DIR);
});

describe('data/calendar against the official arrangements', () => {
  it('covers 2020 to 2026', () => {
    expect(calendar.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  describe.each(Object.entries(OFFICIAL))('%s', (yearText, table) => {
    const year = Number(yearText);
    const off = expand(year, table.off);
    const work = expand(year, table.work);

    it('has every day off and every makeup workday of the notice', () => {
      for (const date of off) expect(calendar.dayInfo(date), date).toMatchObject({ workday: false, kind: 'holiday' });
      for (const date of work) expect(calendar.dayInfo(date), date).toMatchObject({ workday: true, kind: 'makeup-workday' });
    });

    it('agrees with the notice on every day of the year', () => {
      for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
        const expected = work.has(date) || (!off.has(date) && !isWeekendDayNumber(toDayNumber(date)));
        expect(calendar.isWorkday(date), date).toBe(expected);
      }
    });

    it('makes up only on weekends', () => {
      for (const date of work) expect(isWeekendDayNumber(toDayNumber(date)), date).toBe(true);
    });
  });

  it.each([
    ['2025-09-28', true, '星期日 调休上班'],
    ['2025-10-11', true, '星期六 调休上班'],
    ['2025-10-01', false, '国庆节、中秋节 first day'],
    ['2025-10-08', false, '国庆节、中秋节 last day'],
    ['2025-10-09', true, 'Thursday after the holiday'],
    ['2024-02-04', true, '星期日 调休上班'],
    ['2024-02-18', true, '星期日 调休上班'],
    ['2024-02-09', true, '除夕 2024: rest only encouraged, still a workday'],
    ['2025-01-28', false, '除夕 2025: off under the 2024 revision of the 放假办法'],
    ['2026-02-15', false, '腊月二十八 2026: nine-day Spring Festival'],
    ['2020-02-01', false, 'Saturday workday cancelled by the 2020 extension'],
    ['2020-02-03', true, 'work resumed after the 2020 extension'],
    ['2022-12-31', false, 'New Year 2023 holiday starts in 2022'],
  ] as [string, boolean, string][])('%s is a workday: %s (%s)', (date, workday) => {
    expect(calendar.isWorkday(date)).toBe(workday);
  });

  it('names the notice behind each special day', () => {
    expect(calendar.dayInfo('2025-10-11').source?.docNumber).toBe('国办发明电〔2024〕12号');
    expect(calendar.dayInfo('2020-02-01').source?.docNumber).toBe('国办发明电〔2020〕1号');
    expect(calendar.dayInfo('2020-01-24').source?.docNumber).toBe('国办发明电〔2019〕16号');
    expect(calendar.dayInfo('2022-12-31').source?.docNumber).toBe('国办发明电〔2022〕16号');
  });
});
