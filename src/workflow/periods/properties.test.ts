import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '../calendar/calendar.js';
import { addDays, fromDayNumber, toDayNumber, yearOf } from '../calendar/civil-date.js';
import { loadCalendar } from '../calendar/load.js';
import { computeDeadline } from './compute-deadline.js';
import { PAUSE_KINDS } from './pause-kinds.js';
import type { DeadlineRequest } from './request.js';
import { PERIOD_RULES, type PeriodRule, type PeriodUnit } from './rules.js';

const DATA_DIR = fileURLToPath(new URL('../../../data/calendar/', import.meta.url));
const DATA_YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];

let calendar: Calendar;
beforeAll(async () => {
  calendar = await loadCalendar(DATA_DIR);
});

const dates = fc
  .integer({ min: toDayNumber('2018-06-01'), max: toDayNumber('2028-06-30') })
  .map((n) => fromDayNumber(n));

const ruleAndUnit = fc
  .constantFrom(...(PERIOD_RULES as readonly PeriodRule[]))
  .chain((rule) => fc.tuple(fc.constant(rule), fc.constantFrom(...rule.units)));

const amountFor = (unit: PeriodUnit) => (unit === 'month' ? fc.integer({ min: 1, max: 24 }) : fc.integer({ min: 1, max: 400 }));

/** A period request under any rule, in a unit the rule takes. */
const requests = fc
  .tuple(dates, ruleAndUnit)
  .chain(([from, [rule, unit]]) =>
    amountFor(unit).map((amount): DeadlineRequest => ({ from, amount, unit, rule: rule.id })),
  );

/** Pauses starting near the period, of kinds that suit the rule's law. */
function pausesFor(request: DeadlineRequest) {
  const rule = PERIOD_RULES.find((r) => r.id === request.rule) as PeriodRule;
  const kinds = PAUSE_KINDS.filter((kind) => !kind.family || kind.family === rule.family).map((kind) => kind.id);
  const pause = fc
    .tuple(fc.integer({ min: -20, max: 300 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom(...kinds))
    .map(([offset, length, kind]) => {
      const from = addDays(request.from, offset);
      return { from, to: addDays(from, length), kind };
    });
  return fc.array(pause, { minLength: 1, maxLength: 4 });
}

describe('deadline properties', () => {
  it('never land on a day off', () => {
    fc.assert(
      fc.property(requests, (request) => {
        expect(calendar.isWorkday(computeDeadline(request, calendar).due)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('are never shortened by a pause', () => {
    fc.assert(
      fc.property(
        requests.chain((request) => fc.tuple(fc.constant(request), pausesFor(request))),
        ([request, pauses]) => {
          const plain = computeDeadline(request, calendar).due;
          const paused = computeDeadline({ ...request, pauses }, calendar);
          expect(paused.due >= plain).toBe(true);
          expect(calendar.isWorkday(paused.due)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('run on by exactly the workdays a suspension inside them covers', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 120 }), fc.nat(), fc.integer({ min: 0, max: 40 }), (from, amount, at, length) => {
        const plain = computeDeadline({ from, amount, unit: 'workday' }, calendar).due;
        const pauseFrom = addDays(from, 1 + (at % (toDayNumber(plain) - toDayNumber(from))));
        const pause = { from: pauseFrom, to: addDays(pauseFrom, length) };
        const covered = calendar.workdaysBetween(addDays(pause.from, -1), pause.to);
        const paused = computeDeadline({ from, amount, unit: 'workday', pauses: [pause] }, calendar);
        expect(paused.due).toBe(calendar.addWorkdays(plain, covered));
        expect(paused.pauses[0]?.excluded).toBe(covered);
      }),
    );
  });

  it('are provisional exactly when a year without data is crossed', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const result = computeDeadline(request, calendar);
        const crossed: number[] = [];
        for (let year = yearOf(request.from); year <= yearOf(result.due); year++) crossed.push(year);
        const outside = crossed.filter((year) => !DATA_YEARS.includes(year));
        expect(result.provisional).toBe(outside.length > 0);
        expect(result.provisionalYears).toEqual(outside);
        if (outside.length > 0) expect(result.explanation).toContain(`${outside.join('、')}年的放假安排未收录`);
      }),
      { numRuns: 400 },
    );
  });

  it('add an extension in the same unit as a longer period would', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }), (from, amount, extra) => {
        const extended = computeDeadline({ from, amount, unit: 'workday', extensions: [{ amount: extra }] }, calendar);
        const longer = computeDeadline({ from, amount: amount + extra, unit: 'workday' }, calendar);
        expect(extended.due).toBe(longer.due);
      }),
    );
  });

  it('count workday periods as the calendar does, the start day excluded', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 400 }), (from, amount) => {
        const result = computeDeadline({ from, amount, unit: 'workday', rule: 'xingzheng-xuke-workdays' }, calendar);
        expect(calendar.workdaysBetween(from, result.due)).toBe(amount);
        expect(calendar.workdaysBetween(from, addDays(result.due, -1))).toBe(amount - 1);
      }),
    );
  });
});
