import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EngineReport } from './measure-engine.js';

const RUN_TS = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));
const CHILD = fileURLToPath(new URL('./peer-child.ts', import.meta.url));

export interface PeerRun {
  engine: 'minisearch' | 'flexsearch';
  items: number;
  seed: number;
  rounds: number;
  budgetSeconds: number;
  /** V8 old-space limit for the child, in MB. */
  heapLimitMb: number;
}

/** Runs peer-child.ts and returns its report, or the reason it failed (out of memory, say). */
export function runPeer(run: PeerRun): Promise<EngineReport | { failed: string }> {
  const args = ['--expose-gc', `--max-old-space-size=${run.heapLimitMb}`, RUN_TS, CHILD, run.engine, String(run.items), String(run.seed), String(run.rounds), String(run.budgetSeconds)];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', (error) => resolve({ failed: error.message }));
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) return resolve(JSON.parse(last) as EngineReport);
      const reason = err.trim().split('\n').filter((l) => l.trim() !== '').slice(-2).join(' ') || `退出码 ${code}`;
      resolve({ failed: reason.slice(0, 200) });
    });
  });
}
