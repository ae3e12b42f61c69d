/**
 * Closed-form counting of Monday–Friday days, used for every day outside the span the
 * holiday data covers (there a workday is simply a weekday).
 *
 * Counts are taken from a fixed Monday (1969-12-29, day number −3), so they can be
 * negative; only differences matter.
 */

/** Number of Monday–Friday days in [1969-12-29, x), negative when x is earlier. */
export function weekdaysBefore(x: number): number {
  const w = x + 3;
  const weeks = Math.floor(w / 7);
  return 5 * weeks + Math.min(w - 7 * weeks, 5);
}

/** The smallest day number x with weekdaysBefore(x) ≥ t. */
export function firstWithWeekdaysAtLeast(t: number): number {
  const weeks = Math.floor(t / 5);
  const rest = t - 5 * weeks;
  // With no remainder the count is first reached on the Saturday closing the previous week.
  const w = rest === 0 ? 7 * weeks - 2 : 7 * weeks + rest;
  return w - 3;
}
