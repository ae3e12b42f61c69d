import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { largeList } from '../large-list.js';
import { fmt, printTable, runChild } from '../measure.js';

const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/**
 * bench/import: import throughput against the floor of reading, decoding and splitting
 * the same file, and peak memory of a streaming import. Targets: ≥ 25% of the floor;
 * peak RSS under 300 MB however large the input.
 */
export async function run(): Promise<void> {
  const megabytes = Number(process.env.QUANZE_BENCH_IMPORT_MB ?? 200);
  const path = await largeList(megabytes * 1e6);
  const mb = statSync(path).size / 1e6;
  const floor = await runChild(script('./floor.ts'), [path]);
  const quanze = await runChild(script('./cli-import.ts'), [path]);
  const parallel = await runChild(script('./cli-import.ts'), [path, '--jobs', '2']);
  const floorRate = mb / floor.seconds;
  const importRate = mb / quanze.seconds;
  const parallelRate = mb / parallel.seconds;
  printTable(`bench/import：${fmt(mb)} MB 生成清单`, [
    { 测试: '下限：读取+UTF-8 解码+分行', 'MB/s': fmt(floorRate), '峰值 RSS (MB)': fmt(floor.maxRssMb), 相对下限: '100%' },
    { 测试: 'quanze import --format ndjson', 'MB/s': fmt(importRate), '峰值 RSS (MB)': fmt(quanze.maxRssMb), 相对下限: `${fmt((importRate / floorRate) * 100)}%` },
    { 测试: '同上 --jobs 2（两个解析线程）', 'MB/s': fmt(parallelRate), '峰值 RSS (MB)': fmt(parallel.maxRssMb), 相对下限: `${fmt((parallelRate / floorRate) * 100)}%` },
  ]);
  const ratio = importRate / floorRate;
  console.log(`导入速度 / 下限 = ${fmt(ratio * 100)}%（目标 ≥ 25%）${ratio >= 0.25 ? '达标' : '未达标'}`);
  console.log(`导入峰值 RSS = ${fmt(quanze.maxRssMb)} MB（目标 < 300 MB）${quanze.maxRssMb < 300 ? '达标' : '未达标'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
