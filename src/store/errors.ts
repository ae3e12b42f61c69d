/**
 * The one error type the store throws. `code` is for programs, `message` is Chinese for people;
 * the original driver error, if any, is kept as `cause`.
 */
export type StoreErrorCode =
  | 'invalid-url'
  | 'connect-failed'
  | 'not-migrated'
  | 'migration-failed'
  | 'invalid-list'
  | 'invalid-list-key'
  | 'invalid-findings'
  | 'invalid-query'
  | 'not-found'
  | 'too-many-items'
  | 'write-failed'
  | 'closed';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}

/** The driver's own words, for appending to a Chinese message. */
export function causeText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
