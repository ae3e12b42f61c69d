export type PeriodErrorCode = 'bad-request' | 'unknown-rule' | 'unit-not-allowed' | 'missing-amount' | 'unknown-pause-kind';

/** A deadline request that cannot be computed; the message is Chinese and says why. */
export class PeriodError extends Error {
  override readonly name = 'PeriodError';
  constructor(
    readonly code: PeriodErrorCode,
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

export function isPeriodError(error: unknown): error is PeriodError {
  return error instanceof PeriodError;
}
