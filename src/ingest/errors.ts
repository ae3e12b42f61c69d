/**
 * The one error type importing throws. It names the file, the line (or record) and
 * what was expected, in Chinese, so that the CLI and the API can show it as is.
 */
export type ImportErrorCode =
  | 'unreadable-file'
  | 'empty-file'
  | 'unknown-format'
  | 'bad-encoding'
  | 'bad-structure'
  | 'bad-record'
  | 'unsupported-format'
  | 'missing-tool'
  /** A parse thread failed (out of memory, crashed): the file may import with `--jobs 1`. */
  | 'parse-failed';

/**
 * What the user can do about an error, kept apart from the message because each front end
 * names its own control: the CLI's --from and --jobs, the API's `from` parameter, the
 * upload form's list of formats.
 */
export type ImportAdvice =
  /** Name the format instead of having it detected. */
  | { kind: 'choose-format'; formats: readonly string[] }
  /** Import again without parse threads. */
  | { kind: 'single-thread' };

export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly advice: ImportAdvice | null;
  constructor(
    readonly code: ImportErrorCode,
    readonly file: string,
    readonly detail: string,
    readonly place: { line?: number; record?: number } = {},
    options: { cause?: unknown; advice?: ImportAdvice | null } = {},
  ) {
    super(formatImportError(file, detail, place), 'cause' in options ? { cause: options.cause } : undefined);
    this.advice = options.advice ?? null;
  }
}

function formatImportError(file: string, detail: string, place: { line?: number; record?: number }): string {
  const where = [
    place.line !== undefined ? `第${place.line}行` : '',
    place.record !== undefined ? `第${place.record + 1}条记录` : '',
  ]
    .filter(Boolean)
    .join('，');
  return `${file}${where ? `（${where}）` : ''}：${detail}`;
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
