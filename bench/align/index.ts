/**
 * Alignment benchmark: quanze (blocking + greedy 1:1) beside the all-pairs baseline (every
 * item scored against every item, same scorer, same assignment) in one run. Both lists are
 * generated (bench/align/generate.ts); the baseline runs only at sizes where it is feasible.
 * Each measurement runs in its own process so its peak memory is its own. Times are CPU
 * time first (steady on a busy machine), wall time beside it.
 *
 * Run alone: node bin/run-ts.js bench/align/index.ts [--quick]
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Measurement } from './worker.js';

const QUANZE_SIZES = [1_000, 2_000, 5_000, 10_000, 20_000];
const BASELINE_SIZES = [500, 1_000, 2_000];
const QUICK = { quanze: [500, 1_000, 2_000], baseline: [500, 1_000] };
const SEED = 20_240_227;

const runTs = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));
const worker = fileURLToPath(new URL('./worker.ts', import.meta.url));

async function measure(method: Measurement['method'], size: number): Promise<Measurement> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--max-old-space-size=4096', runTs, worker, method, String(size), String(SEED)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as Measurement;
}

/** Slope of log(value) against log(size) between the smallest and largest size: the growth exponent. */
function growth(rows: readonly Measurement[], value: (m: Measurement) => number): string {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last || first === last || value(first) <= 0 || value(last) <= 0) return '—';
  return `n^${(Math.log(value(last) / value(first)) / Math.log(last.size / first.size)).toFixed(2)}`;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

function table(rows: readonly Measurement[]): string {
  const head = ['方法', '规模(每份)', 'CPU总计(ms)', '其中对齐(ms)', '墙钟总计(ms)', '峰值内存增量(MB)', '评分对数', '配对', '精确率', '召回率'];
  const widths = [12, 12, 13, 14, 14, 18, 13, 8, 8, 8];
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] as number)).join('');
  const body = rows.map((m) =>
    line([
      m.method === 'quanze' ? 'quanze' : '全配对基线',
      String(m.size),
      m.cpuMs.toFixed(0),
      m.alignCpuMs.toFixed(0),
      m.ms.toFixed(0),
      m.peakMb.toFixed(1),
      String(m.candidates),
      String(m.pairs),
      m.precision.toFixed(3),
      m.recall.toFixed(3),
    ]),
  );
  return [line(head), ...body].join('\n');
}

export async function run(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const quanzeSizes = quick ? QUICK.quanze : QUANZE_SIZES;
  const baselineSizes = quick ? QUICK.baseline : BASELINE_SIZES;
  const rows: Measurement[] = [];
  for (const size of [...new Set([...baselineSizes, ...quanzeSizes])].sort((a, b) => a - b)) {
    if (quanzeSizes.includes(size) || baselineSizes.includes(size)) rows.push(await measure('quanze', size));
    if (baselineSizes.includes(size)) rows.push(await measure('all-pairs', size));
  }
  const quanze = rows.filter((m) => m.method === 'quanze');
  const baseline = rows.filter((m) => m.method === 'all-pairs');
  const lines = [
    '对齐基准：两份生成的清单（同类部门、两个层级：改写名称框架、标点、版本注记，部分改名、删减、新增，顺序打乱）',
    table(rows),
    '',
    '同一规模下的比值（全配对基线 ÷ quanze）：',
    ...baseline.map((b) => {
      const q = quanze.find((m) => m.size === b.size) as Measurement;
      return `  每份 ${b.size} 项：CPU 总计 ${(b.cpuMs / q.cpuMs).toFixed(1)} 倍，对齐 CPU ${(b.alignCpuMs / q.alignCpuMs).toFixed(1)} 倍，峰值内存 ${q.peakMb > 0 ? (b.peakMb / q.peakMb).toFixed(2) : '—'} 倍，评分对数 ${(b.candidates / q.candidates).toFixed(0)} 倍`;
    }),
    '',
    '随规模增长（最小到最大规模的对数斜率）：',
    `  quanze：CPU 总计 ${growth(quanze, (m) => m.cpuMs)}，对齐 CPU ${growth(quanze, (m) => m.alignCpuMs)}，内存 ${growth(quanze, (m) => m.peakMb)}，评分对数 ${growth(quanze, (m) => m.candidates)}（${quanze[0]?.size}→${quanze.at(-1)?.size}）`,
    `  全配对基线：CPU 总计 ${growth(baseline, (m) => m.cpuMs)}，对齐 CPU ${growth(baseline, (m) => m.alignCpuMs)}，内存 ${growth(baseline, (m) => m.peakMb)}，评分对数 ${growth(baseline, (m) => m.candidates)}（${baseline[0]?.size}→${baseline.at(-1)?.size}）`,
  ];
  const largest = baseline.at(-1);
  const biggest = quanze.at(-1);
  if (largest && biggest && biggest.size > largest.size) {
    const projected = largest.alignCpuMs * (biggest.size / largest.size) ** 2;
    lines.push(`  按 n² 外推，全配对基线在每份 ${biggest.size} 项时对齐约需 ${(projected / 1000).toFixed(0)} 秒 CPU；quanze 实测 ${(biggest.alignCpuMs / 1000).toFixed(1)} 秒。`);
  }
  console.log(lines.join('\n'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
