/**
 * The one error type of the calendar. The message is Chinese and names the file (when
 * there is one) and what was expected, so the CLI and the API can show it as is.
 */
export type CalendarErrorCode =
  | 'bad-date'
  | 'out-of-range'
  | 'bad-file'
  | 'conflict'
  | 'year-exists'
  | 'unreadable-file'
  | 'bad-argument';

export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  constructor(
    readonly code: CalendarErrorCode,
    readonly detail: string,
    readonly file?: string,
    /** Every problem found, when a file is checked as a whole. */
    readonly issues: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(file ? `${file}：${detail}` : detail, options);
  }
}

export function isCalendarError(error: unknown): error is CalendarError {
  return error instanceof CalendarError;
}
