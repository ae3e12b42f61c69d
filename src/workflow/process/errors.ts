export type ProcessErrorCode = 'no-steps' | 'invalid-definition' | 'not-found';

/** A process that cannot be derived or a definition that does not validate; the message is Chinese. */
export class ProcessError extends Error {
  override readonly name = 'ProcessError';
  constructor(
    readonly code: ProcessErrorCode,
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

export function isProcessError(error: unknown): error is ProcessError {
  return error instanceof ProcessError;
}
