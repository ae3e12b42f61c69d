import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildRun {
  seconds: number;
  maxRssMb: number;
  output: string;
}

const RUN_TS = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));

/**
 * Runs a TypeScript bench script in a child process, so its peak RSS is its own; the child
 * prints one JSON line with `maxRssKb` (process.resourceUsage) as its last line.
 */
export function runChild(script: string, args: readonly string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [RUN_TS, script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      const last = output.trim().split('\n').at(-1) ?? '{}';
      const { maxRssKb } = JSON.parse(last) as { maxRssKb: number };
      resolve({ seconds, maxRssMb: maxRssKb / 1024, output });
    });
  });
}

export function printTable(title: string, rows: readonly Record<string, string | number>[]): void {
  console.log(`\n== ${title}`);
  console.table(rows);
}

export function fmt(value: number, digits = 1): string {
  return value.toFixed(digits);
}
