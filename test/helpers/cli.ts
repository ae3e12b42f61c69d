import { PassThrough } from 'node:stream';
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
export async function cli(...argv: string[]): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await run(argv, { stdout, stderr });
  return { code, stdout: out, stderr: err };
}
