import { PassThrough, type Readable } from 'node:stream';
import { run } from '../../src/cli/index.js';

/** What one CLI run gave back: its exit code and everything it wrote to each stream. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the quanze CLI in this process with captured streams, as end-to-end tests need it.
 *
 * @example
 * const { code, stdout } = await cli('import', samplePath('liangzhou'));
 */
export function cli(...argv: string[]): Promise<CliResult> {
  return cliReading(undefined, ...argv);
}

/** cli() with `stdin` as the process's standard input (for a file argument "-"). */
export async function cliReading(stdin: Readable | undefined, ...argv: string[]): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await run(argv, { stdout, stderr, ...(stdin ? { stdin } : {}) });
  return { code, stdout: out, stderr: err };
}
