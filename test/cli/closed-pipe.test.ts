import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { samplePath } from '../helpers/samples.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs the bin as a shell pipeline into `head -c 1` would: stdout is read until its first
 * bytes and then closed, while the command still has more to write.
 */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/quanze.js', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that stops reading early (quanze … | head)', () => {
  it('ends the command quietly with the exit code it would have had, not as an internal error', async () => {
    const samples = (['mima', 'baomi', 'liuzhou', 'liangzhou'] as const).map((name) => samplePath(name));
    const inspected = await runIntoClosedPipe(['inspect', ...samples]);
    expect(inspected.stderr).not.toContain('内部错误');
    expect(inspected.stderr).not.toContain('EPIPE');
    expect(inspected.code).toBe(0);
    const shown = await runIntoClosedPipe(['law', 'show', '保密法']);
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    // check still says there are errors: the reader leaving does not change the answer.
    const checked = await runIntoClosedPipe(['check', samplePath('baomi')]);
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(1);
  }, 60_000);
});
