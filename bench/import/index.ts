import { spawn, spawnSync } from 'node:child_process';
import { openSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { largeList } from '../large-list.js';
import { fmt, printTable } from '../measure.js';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const ROOT = here('../../');

interface Measured {
  seconds: number;
  maxRssMb: number;
  from: string;
}

/** Runs `node <args>` as a user would, stdout to /dev/null; peak RSS comes back on fd 3. */
function measure(args: readonly string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const devNull = openSync('/dev/null', 'w');
    const child = spawn(process.execPath, ['--import', here('./peak-rss.mjs'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', devNull, 'inherit', 'pipe'],
    });
    let report = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      report += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited with ${code}`));
      const { maxRssKb, from } = JSON.parse(report) as { maxRssKb: number; from: string };
      resolve({ seconds, maxRssMb: maxRssKb / 1024, from });
    });
  });
}

/**
 * bench/import: `quanze import --format ndjson` (the real bin, as a user runs it) against
 * the floor of reading, decoding and splitting the same file in plain JavaScript. Targets:
 * ≥ 25% of the floor; peak RSS under 300 MB however large the input.
 */
export async function run(): Promise<void> {
  const megabytes = Number(process.env.QUANZE_BENCH_IMPORT_MB ?? 200);
  const path = await largeList(megabytes * 1e6);
  const mb = statSync(path).size / 1e6;
  // The bin runs the compiled build when it is up to date; build it so that is what is measured.
  spawnSync(process.execPath, [here('../../bin/build.js')], { stdio: 'inherit' });
  const bin = here('../../bin/quanze.js');
  const floor = await measure([here('./floor.mjs'), path]);
  const quanze = await measure([bin, 'import', path, '--format', 'ndjson']);
  const serial = await measure([bin, 'import', path, '--format', 'ndjson', '--jobs', '1']);
  const rows = [
    { 测试: '下限：读取+UTF-8 解码+分行', run: floor },
    { 测试: 'quanze import --format ndjson（默认）', run: quanze },
    { 测试: '同上 --jobs 1（单线程）', run: serial },
  ];
  printTable(
    `bench/import：${fmt(mb)} MB 生成清单`,
    rows.map(({ 测试, run: r }) => ({
      测试,
      'MB/s': fmt(mb / r.seconds),
      '峰值 RSS (MB)': fmt(r.maxRssMb),
      相对下限: `${fmt((floor.seconds / r.seconds) * 100)}%`,
    })),
  );
  if (quanze.from !== 'dist') console.log('注意：命令行运行的是 TypeScript 源码（dist/ 未编译或已过期），比编译后慢');
  const ratio = floor.seconds / quanze.seconds;
  console.log(`导入速度 / 下限 = ${fmt(ratio * 100)}%（目标 ≥ 25%）${ratio >= 0.25 ? '达标' : '未达标'}`);
  const peak = Math.max(quanze.maxRssMb, serial.maxRssMb);
  console.log(`导入峰值 RSS = ${fmt(peak)} MB（目标 < 300 MB）${peak < 300 ? '达标' : '未达标'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
