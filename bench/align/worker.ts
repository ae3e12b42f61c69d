/**
 * One measurement in its own process, so peak memory is this run's alone:
 * `node --expose-gc bin/run-ts.js bench/align/worker.ts <quanze|all-pairs> <size> <seed>`.
 * Prints one JSON line: time, peak memory above the baseline, candidates, precision, recall.
 */
import { alignEntries, listEntries } from '../../src/align/index.js';
import { generatePair } from './generate.js';

export interface Measurement {
  method: 'quanze' | 'all-pairs';
  size: number;
  /** Wall time of feature extraction and alignment together. */
  ms: number;
  /** Wall time of alignment alone (blocking or all pairs, scoring, assignment). */
  alignMs: number;
  /** CPU time (user + system) of the same two spans: steadier than wall time on a shared machine. */
  cpuMs: number;
  alignCpuMs: number;
  /** Peak resident memory during alignment above what the process held before it, in MB. */
  peakMb: number;
  candidates: number;
  pairs: number;
  precision: number;
  recall: number;
}

const [method, sizeText, seedText] = process.argv.slice(2);
if (method !== 'quanze' && method !== 'all-pairs') throw new Error(`未知的方法：${method}`);
const size = Number(sizeText);
const seed = Number(seedText ?? '1');
// A first, small run warms the JIT so that small sizes are not timed cold.
const warm = generatePair(300, seed + 1);
alignEntries(listEntries(warm.left, 0), listEntries(warm.right, 1), method === 'all-pairs' ? { allPairs: true } : {});
const { left, right, truth } = generatePair(size, seed);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssBefore = process.memoryUsage().rss;
const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const started = performance.now();
const cpuStarted = cpu();
const entries = [listEntries(left, 0), listEntries(right, 1)] as const;
const built = performance.now();
const cpuBuilt = cpu();
const result = alignEntries(entries[0], entries[1], method === 'all-pairs' ? { allPairs: true } : {});
const ms = performance.now() - started;
const alignMs = performance.now() - built;
const cpuMs = cpu() - cpuStarted;
const alignCpuMs = cpu() - cpuBuilt;
const peak = process.resourceUsage().maxRSS * 1024;
let correct = 0;
for (const pair of result.pairs) if (truth.get(pair.right) === pair.left) correct++;
const measurement: Measurement = {
  method,
  size,
  ms,
  alignMs,
  cpuMs,
  alignCpuMs,
  peakMb: Math.max(0, peak - rssBefore) / 2 ** 20,
  candidates: result.candidates,
  pairs: result.pairs.length,
  precision: correct / Math.max(1, result.pairs.length),
  recall: correct / Math.max(1, truth.size),
};
process.stdout.write(`${JSON.stringify(measurement)}\n`);
