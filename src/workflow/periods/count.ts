import type { Calendar } from '../calendar/calendar.js';
import { addDays, addMonths, daysBetween, type IsoDate } from '../calendar/civil-date.js';
import type { PauseKind } from './pause-kinds.js';
import type { PeriodUnit } from './rules.js';

export interface ResolvedPause {
  /** Position in the request, so outcomes can be reported in the caller's order. */
  readonly index: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly kind: PauseKind;
  readonly note?: string;
}

/**
 * applied: it stopped or restarted the clock. before-start / overlapped: it lay wholly
 * before the start or inside an earlier pause. after-due: the period had run out first.
 * late-notice: a 补正 notice given after the statutory five days, so it restarts nothing.
 */
export type PauseStatus = 'applied' | 'before-start' | 'overlapped' | 'after-due' | 'late-notice';

export interface PauseOutcome {
  readonly pause: ResolvedPause;
  readonly status: PauseStatus;
  /** Units of the period not counted because of a suspension. */
  readonly excluded: number;
  /** For late-notice: the last day the notice could have been given. */
  readonly noticeDeadline?: IsoDate;
}

export interface CountInput {
  readonly start: IsoDate;
  readonly amount: number;
  readonly unit: PeriodUnit;
  /** Sorted by from, then to. */
  readonly pauses: readonly ResolvedPause[];
  /** The request's `from` (收到申请材料), against which a 补正 notice is timed. */
  readonly receivedOn: IsoDate;
}

export interface CountResult {
  /** Before any move to a workday. */
  readonly due: IsoDate;
  /** Where the period was last counted from (a restart moves it). */
  readonly start: IsoDate;
  /** A month period that ended on the last day of a month lacking the corresponding day. */
  readonly clamped: boolean;
  readonly outcomes: readonly PauseOutcome[];
}

/** `amount` units after `date`, the date itself not counted. */
export function advance(calendar: Calendar, date: IsoDate, amount: number, unit: PeriodUnit): IsoDate {
  if (unit === 'workday') return calendar.addWorkdays(date, amount);
  if (unit === 'day') return addDays(date, amount);
  return addMonths(date, amount).date;
}

/** Units in (a, b]; zero when b is not after a. */
function unitsBetween(calendar: Calendar, a: IsoDate, b: IsoDate, unit: 'workday' | 'day'): number {
  if (b <= a) return 0;
  return unit === 'workday' ? calendar.workdaysBetween(a, b) : daysBetween(a, b);
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** A restart whose notice came too late does not restart the clock. */
function lateNotice(calendar: Calendar, input: CountInput, pause: ResolvedPause): IsoDate | null {
  const within = pause.kind.noticeWithin;
  if (!within) return null;
  const deadline = advance(calendar, input.receivedOn, within.amount, within.unit);
  return pause.from > deadline ? deadline : null;
}

/**
 * Counts a period through its pauses: a suspension leaves its days uncounted, a restart
 * counts the whole period again from the pause's last day. No pause can make it shorter.
 */
export function countPeriod(calendar: Calendar, input: CountInput): CountResult {
  return input.unit === 'month' ? countMonths(calendar, input) : countUnits(calendar, input, input.unit);
}

function countUnits(calendar: Calendar, input: CountInput, unit: 'workday' | 'day'): CountResult {
  const outcomes: PauseOutcome[] = [];
  let cursor = input.start;
  let start = input.start;
  let remaining = input.amount;
  for (const pause of input.pauses) {
    const refused = refusal(calendar, input, pause, cursor, advance(calendar, cursor, remaining, unit));
    if (refused) {
      outcomes.push(refused);
      continue;
    }
    if (pause.kind.effect === 'restart') {
      cursor = pause.to;
      start = pause.to;
      remaining = input.amount;
      outcomes.push({ pause, status: 'applied', excluded: 0 });
      continue;
    }
    const pausedFrom = later(cursor, addDays(pause.from, -1));
    remaining -= unitsBetween(calendar, cursor, pausedFrom, unit);
    outcomes.push({ pause, status: 'applied', excluded: unitsBetween(calendar, pausedFrom, pause.to, unit) });
    cursor = pause.to;
  }
  return { due: advance(calendar, cursor, remaining, unit), start, clamped: false, outcomes };
}

function countMonths(calendar: Calendar, input: CountInput): CountResult {
  const outcomes: PauseOutcome[] = [];
  let start = input.start;
  let end = addMonths(start, input.amount);
  let due = end.date;
  let countedUntil = input.start;
  for (const pause of input.pauses) {
    const refused = refusal(calendar, input, pause, countedUntil, due);
    if (refused) {
      outcomes.push(refused);
      continue;
    }
    if (pause.kind.effect === 'restart') {
      start = pause.to;
      end = addMonths(start, input.amount);
      due = end.date;
      countedUntil = pause.to;
      outcomes.push({ pause, status: 'applied', excluded: 0 });
      continue;
    }
    // A suspended month period runs on by the calendar days it was stopped.
    const excluded = daysBetween(later(countedUntil, addDays(pause.from, -1)), pause.to);
    due = addDays(due, excluded);
    countedUntil = pause.to;
    outcomes.push({ pause, status: 'applied', excluded });
  }
  return { due, start, clamped: end.clamped && due === end.date, outcomes };
}

function skipStatus(pause: ResolvedPause, origin: IsoDate, cursor: IsoDate, tentativeDue: IsoDate): PauseStatus | null {
  if (pause.to <= origin) return 'before-start';
  if (pause.to <= cursor) return 'overlapped';
  if (pause.from > tentativeDue) return 'after-due';
  return null;
}

/**
 * The outcome of a pause that changes nothing: it lies outside the period still running
 * from `cursor` to `tentativeDue`, or it is a restart whose notice came too late.
 */
function refusal(calendar: Calendar, input: CountInput, pause: ResolvedPause, cursor: IsoDate, tentativeDue: IsoDate): PauseOutcome | null {
  const skipped = skipStatus(pause, input.start, cursor, tentativeDue);
  if (skipped) return { pause, status: skipped, excluded: 0 };
  if (pause.kind.effect !== 'restart') return null;
  const deadline = lateNotice(calendar, input, pause);
  return deadline ? { pause, status: 'late-notice', excluded: 0, noticeDeadline: deadline } : null;
}
