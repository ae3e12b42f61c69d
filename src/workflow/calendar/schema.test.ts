import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CalendarError } from './errors.js';
import { checkCalendarYear, parseCalendarYear } from './schema.js';

const real = (year: number): Record<string, unknown> =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../data/calendar/${year}.json`, import.meta.url)), 'utf8'));

type Json = ReturnType<typeof real>;
type Holiday = { name: string; source: string; text?: string; off: string[]; work: string[] };
const holidays = (file: Json) => file.holidays as Holiday[];

/** A copy of the real 2025 file with one change made by `edit`. */
function edited(edit: (file: Json) => void): Json {
  const file = real(2025);
  edit(file);
  return file;
}

function issuesOf(data: unknown): readonly string[] {
  const checked = checkCalendarYear(data);
  return checked.ok ? [] : checked.issues;
}

describe('year file schema', () => {
  it.each([2020, 2021, 2022, 2023, 2024, 2025, 2026])('accepts data/calendar/%i.json', (year) => {
    expect(issuesOf(real(year))).toEqual([]);
  });

  it('accepts the 2019 fixture, whose May Day was changed by a later notice', () => {
    const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/2019.json', import.meta.url)), 'utf8'));
    expect(issuesOf(fixture)).toEqual([]);
  });

  it.each([
    [
      'a typed date that differs from the notice sentence',
      (f: Json) => {
        (holidays(f)[5] as Holiday).off[7] = '2025-10-09';
      },
      /与 off 不一致/,
    ],
    [
      'a makeup workday on a weekday',
      (f: Json) => {
        (holidays(f)[5] as Holiday).work = ['2025-09-29', '2025-10-11'];
        delete (holidays(f)[5] as Holiday).text;
      },
      /2025-09-29不是周末/,
    ],
    [
      'the same day twice from one notice',
      (f: Json) => holidays(f).push({ name: '重复', source: 'annual', off: ['2025-10-01'], work: [] }),
      /2025-10-01重复出现/,
    ],
    [
      'a holiday citing a source not listed',
      (f: Json) => {
        (holidays(f)[0] as Holiday).source = 'missing';
      },
      /来源“missing”未在 sources 中列出/,
    ],
    [
      'unverified without a note',
      (f: Json) => {
        f.verified = false;
        delete f.note;
      },
      /必须在 note 中说明/,
    ],
    [
      'a date far from the year',
      (f: Json) => holidays(f).push({ name: '远', source: 'annual', off: ['2027-05-01'], work: [] }),
      /2027-05-01不在2025年前后的范围内/,
    ],
    [
      'an unknown key (a misspelt field is never dropped silently)',
      (f: Json) => {
        (holidays(f)[0] as Record<string, unknown>).wrok = ['2025-01-04'];
      },
      /wrok/,
    ],
    ['a date that does not exist', (f: Json) => holidays(f).push({ name: '错', source: 'annual', off: ['2025-02-29'], work: [] }), /YYYY-MM-DD/],
    [
      'a count that disagrees with the days listed',
      (f: Json) => {
        const h = holidays(f)[3] as Holiday;
        h.text = '5月1日（周四）至5日（周一）放假调休，共6天。4月27日（周日）上班。';
      },
      /共6天，但列出了5天/,
    ],
  ])('rejects %s', (_, edit, message) => {
    const issues = issuesOf(edited(edit));
    expect(issues.join('\n')).toMatch(message);
  });

  it('throws a CalendarError naming the file, with every issue', () => {
    const bad = edited((f) => {
      f.year = '2025';
    });
    try {
      parseCalendarYear(bad, 'data/calendar/2025.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarError);
      expect((error as CalendarError).message).toMatch(/^data\/calendar\/2025\.json：/);
      expect((error as CalendarError).issues[0]).toMatch(/^year：/);
    }
  });
});
