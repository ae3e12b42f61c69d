import { createWriteStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/** The output file named with -o/--out cannot be written; run() reports it with EXIT.output. */
export class OutputError extends Error {
  constructor(
    readonly path: string,
    options: { cause: unknown },
  ) {
    super(`无法写入 ${path}：${reason(options.cause)}`, options);
    this.name = 'OutputError';
  }
}

const REASONS: Record<string, string> = {
  ENOENT: '所在的文件夹不存在',
  ENOTDIR: '路径中有一段不是文件夹',
  EISDIR: '这是一个文件夹，请给出文件名',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '文件系统是只读的',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '磁盘配额已用完',
};

function reason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  return (code && REASONS[code]) ?? (cause instanceof Error ? cause.message : String(cause));
}

const failed = (path: string) => (cause: unknown) => {
  throw new OutputError(path, { cause });
};

/** Writes a whole output file. */
export async function writeOutput(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(path, data).catch(failed(path));
}

/** An output file being written as a stream. */
export interface OutputStream {
  stream: Writable;
  /**
   * The OutputError for `error` when it is this stream's own failure (a write that found the
   * disk full), else null: a caller catching errors of its input tells the two apart with it.
   */
  failureOf(error: unknown): OutputError | null;
  /** Ends the stream and waits for its bytes; rejects with OutputError if any write failed. */
  close(): Promise<void>;
}

/**
 * A stream to an output file, opened before any work so a path that cannot be written fails
 * at once rather than after a long import. A later failure (a full disk) is kept and given
 * by `close`, or rejects a write waiting to drain; it never crashes the process as an
 * unhandled stream error.
 */
export async function openOutput(path: string): Promise<OutputStream> {
  const handle = await open(path, 'w').catch(failed(path));
  const stream = createWriteStream(path, { fd: handle });
  let failure: unknown = null;
  stream.on('error', (cause) => {
    failure ??= cause;
  });
  return {
    stream,
    failureOf: (error) => (failure !== null && error === failure ? new OutputError(path, { cause: failure }) : null),
    close: () =>
      new Promise((resolve, reject) => {
        const settle = () => (failure === null ? resolve() : reject(new OutputError(path, { cause: failure })));
        if (stream.destroyed) settle();
        else stream.end(settle);
      }),
  };
}
