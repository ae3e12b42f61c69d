export type CaseErrorCode =
  | 'not-found'
  | 'invalid-input'
  | 'invalid-transition'
  | 'missing-documents'
  | 'choose-next-step'
  | 'bad-date'
  | 'connect-failed'
  | 'migration-failed'
  | 'closed';

/** A case operation that cannot be done; the message is Chinese and says why. */
export class CaseError extends Error {
  override readonly name = 'CaseError';
  constructor(
    readonly code: CaseErrorCode,
    message: string,
    readonly details: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isCaseError(error: unknown): error is CaseError {
  return error instanceof CaseError;
}
