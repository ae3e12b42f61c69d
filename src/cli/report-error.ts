import { type ImportError, isImportError } from '../ingest/index.js';
import { EXIT, type Io } from './io.js';

/** An import error as the CLI says it: the message, then what to do in terms of this CLI's options. */
export function importErrorText(error: ImportError): string {
  switch (error.advice?.kind) {
    case 'choose-format':
      return `${error.message}。可用 --from 指定格式（${error.advice.formats.join('、')}）`;
    case 'single-thread':
      return `${error.message}；可用 --jobs 1 在单线程中重试`;
    case undefined:
      return error.message;
  }
}

/** Prints an error the way users should see it and returns the exit code it means. */
export function reportImportError(io: Io, error: unknown): number {
  if (isImportError(error)) {
    io.stderr.write(`错误：${importErrorText(error)}\n`);
    return EXIT.input;
  }
  io.stderr.write(`内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.internal;
}
