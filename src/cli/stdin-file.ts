import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';

/** The name a list read from standard input is recorded and reported under. */
export const STDIN_NAME = '标准输入';

/** Commands whose positional arguments are list files, where "-" means standard input. */
const FILE_COMMANDS: ReadonlySet<string> = new Set(['import', 'inspect', 'check', 'export', 'align', 'diff']);

/**
 * "-" among a command's file arguments, as Unix tools take it: standard input, kept in a
 * temporary file named 标准输入 so every reader (a workbook needs its bytes whole, a large
 * text streams from a file) takes it as it takes a file. Returns the cleanup, or null when
 * the command named no "-". Standard input can be read once, so "-" may appear once.
 */
export async function stdinAsFile(command: Command, stdin: Readable): Promise<(() => Promise<void>) | null> {
  if (!FILE_COMMANDS.has(command.name())) return null;
  const args = command.processedArgs as unknown[];
  const positions = args.flatMap((arg, i) => (Array.isArray(arg) ? arg.map((a, j) => [i, j, a] as const) : [[i, -1, arg] as const]));
  const dashes = positions.filter(([, , value]) => value === '-');
  if (dashes.length === 0) return null;
  if (dashes.length > 1) throw new StdinTwiceError();
  const dir = await mkdtemp(join(tmpdir(), 'quanze-stdin-'));
  const path = join(dir, STDIN_NAME);
  // Streamed to the file, so a large list piped in is not held in memory besides.
  await pipeline(stdin, createWriteStream(path));
  stdinFiles.add(path);
  const [[i, j]] = dashes as unknown as [[number, number]];
  const arg = args[i];
  if (Array.isArray(arg)) arg[j] = path;
  else args[i] = path;
  return async () => {
    stdinFiles.delete(path);
    await rm(dir, { recursive: true, force: true });
  };
}

/** The temporary files standard input is kept in while a command runs. */
const stdinFiles = new Set<string>();

/**
 * How a command names a file argument to the user: 标准输入 for "-", not the temporary file
 * it is read from (/tmp/quanze-stdin-…/标准输入), which means nothing to the user and is gone
 * once the command ends.
 */
export function shownName(file: string): string {
  return stdinFiles.has(file) ? STDIN_NAME : file;
}

/** "-" given twice: standard input can be read only once. */
export class StdinTwiceError extends Error {
  constructor() {
    super('“-”（标准输入）只能出现一次');
    this.name = 'StdinTwiceError';
  }
}
