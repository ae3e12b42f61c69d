import type { Writable } from 'node:stream';

/** The streams a command writes to; tests pass their own. */
export interface Io {
  stdout: Writable;
  stderr: Writable;
}

/**
 * Streams whose reader went away (`quanze law show 保密法 | head` closes the pipe): the rest of
 * the output has no one to read it, which is the reader's choice, not a failure of the command.
 * process.stdout is never destroyed, so each later write would fail with EPIPE again.
 */
const abandoned = new WeakSet<Writable>();

function readerGone(stream: Writable, error: NodeJS.ErrnoException): boolean {
  if (error.code !== 'EPIPE') return false;
  abandoned.add(stream);
  return true;
}

/** stdout whose closed pipe is not an error: what is left to write is dropped and the command ends as it would have. */
function quietWhenReaderGone(stream: Writable): Writable {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!readerGone(stream, error)) throw error;
  });
  return stream;
}

export const processIo: Io = { stdout: quietWhenReaderGone(process.stdout), stderr: process.stderr };

/** Writes and waits for the stream to drain, so large outputs stream with bounded memory. */
export function write(stream: Writable, text: string | Uint8Array): Promise<void> | void {
  // A destroyed stream neither drains nor fails again: its failure, if any, was reported when it happened.
  if (abandoned.has(stream) || stream.destroyed) return;
  if (stream.write(text)) return;
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      stream.off('drain', onDrain);
      if (readerGone(stream, error)) resolve();
      else reject(error);
    };
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    stream.once('error', onError);
    stream.once('drain', onDrain);
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
