import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWeekendDayNumber } from './civil-date.js';
import { firstWithWeekdaysAtLeast, weekdaysBefore } from './weekday-count.js';

describe('closed-form weekday counting', () => {
  it('grows by one exactly on Monday to Friday', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 2_900_000 }), (x) => {
        expect(weekdaysBefore(x + 1) - weekdaysBefore(x)).toBe(isWeekendDayNumber(x) ? 0 : 1);
      }),
    );
  });

  it('inverts to the first day reaching a count', () => {
    fc.assert(
      fc.property(fc.integer({ min: -600_000, max: 2_000_000 }), (t) => {
        const x = firstWithWeekdaysAtLeast(t);
        expect(weekdaysBefore(x)).toBeGreaterThanOrEqual(t);
        expect(weekdaysBefore(x - 1)).toBeLessThan(t);
      }),
    );
  });
});
