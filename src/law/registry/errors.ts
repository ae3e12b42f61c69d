import { z } from 'zod';

export type RegistryErrorCode =
  | 'unreadable-file'
  | 'bad-json'
  | 'invalid-law'
  | 'duplicate-id'
  | 'duplicate-alias'
  | 'unknown-law'
  | 'unknown-version'
  | 'invalid-text';

/** One bad field: where it is and what was expected, in Chinese. */
export interface RegistryIssue {
  /** "versions[2].effective.date" */
  path: string;
  message: string;
}

/**
 * The one error type the registry throws. Its message names the file and, for a bad
 * field, the path inside it, so the CLI can show it as is.
 */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(
    readonly code: RegistryErrorCode,
    readonly file: string,
    readonly detail: string,
    readonly issues: RegistryIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(formatRegistryError(file, detail, issues), options);
  }
}

function formatRegistryError(file: string, detail: string, issues: RegistryIssue[]): string {
  const lines = issues.map((i) => `  ${i.path || '（根）'}：${i.message}`);
  return [`${file}：${detail}`, ...lines].join('\n');
}

/** "versions[2].effective.date" from a zod path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Validates with Chinese messages; throws a RegistryError naming the file and every bad field. */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  data: unknown,
  file: string,
  what: string,
  code: RegistryErrorCode = 'invalid-law',
): z.output<T> {
  const result = schema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  throw new RegistryError(code, file, `${what}不符合格式（${issues.length}处）`, issues);
}
