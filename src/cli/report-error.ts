import { isImportError } from '../ingest/index.js';
import { EXIT, type Io } from './io.js';

/** Prints an error the way users should see it and returns the exit code it means. */
export function reportImportError(io: Io, error: unknown): number {
  if (isImportError(error)) {
    io.stderr.write(`错误：${error.message}\n`);
    return EXIT.input;
  }
  io.stderr.write(`内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.internal;
}
