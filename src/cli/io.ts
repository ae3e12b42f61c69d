import type { Writable } from 'node:stream';

/** The streams a command writes to; tests pass their own. */
export interface Io {
  stdout: Writable;
  stderr: Writable;
}

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr };

/** Writes and waits for the stream to drain, so large outputs stream with bounded memory. */
export function write(stream: Writable, text: string | Uint8Array): Promise<void> | void {
  if (stream.write(text)) return;
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once('error', onError);
    stream.once('drain', () => {
      stream.off('error', onError);
      resolve();
    });
  });
}

/** Exit codes, as documented in the README. */
export const EXIT = {
  ok: 0,
  /** `check`: findings of error severity; `import`: some records were malformed. */
  findings: 1,
  usage: 2,
  /** A file could not be imported at all (unreadable, unknown format, bad encoding). */
  input: 3,
  internal: 70,
  /** The output file (-o, --out) cannot be written: sysexits' EX_CANTCREAT. */
  output: 73,
} as const;
