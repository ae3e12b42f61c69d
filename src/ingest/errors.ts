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

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    readonly file: string,
    readonly detail: string,
    readonly place: { line?: number; record?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(formatImportError(file, detail, place), options);
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
