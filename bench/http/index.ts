import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { fmt, printTable } from '../measure.js';
import type { ServerInfo } from './servers.js';

const RUN_TS = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));
const SERVERS = fileURLToPath(new URL('./servers.ts', import.meta.url));

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** Starts servers.ts and waits for its line of addresses. */
async function startServers(): Promise<{ child: ChildProcess; info: ServerInfo }> {
  const child = spawn(process.execPath, [RUN_TS, SERVERS], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<ServerInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('服务进程 60 秒内没有启动')), 60_000);
    child.once('exit', (code) => reject(new Error(`服务进程退出（${code}）`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as ServerInfo);
    });
  });
  return { child, info };
}

function stopServers(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.stdin!.end();
    child.kill('SIGTERM');
  });
}

/** One request first, so a broken route fails the bench instead of being timed. */
async function check(url: string, mustContain: string, headers: Record<string, string> = { 'Accept-Encoding': 'identity' }): Promise<void> {
  const res = await fetch(url, { headers });
  const body = await res.text();
  if (res.status !== 200 || !body.includes(mustContain)) throw new Error(`${url} 应返回 200 且包含“${mustContain}”，实际 ${res.status}`);
}

interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
}

/** What Chromium and Firefox send: with it the item page comes precompressed. */
const BROWSER_ENCODING = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };

interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
  /** Mean bytes a response (headers included). */
  bytes: number;
  /** CPU time of this process (autocannon) and of the servers' process, each as a share of one core; null where /proc is missing. */
  clientCpu: number;
  serverCpu: number | null;
}

/** User + system CPU seconds of a process so far, from /proc (Linux); null elsewhere. */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces, start past its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function load(target: Target, seconds: number, connections: number, serverPid: number | undefined): Promise<Measured> {
  const clientBefore = process.cpuUsage();
  const serverBefore = cpuSecondsOf(serverPid);
  const started = process.hrtime.bigint();
  const result = await autocannon({ url: target.url, connections, duration: seconds, timeout: 10, ...(target.headers ? { headers: target.headers } : {}) });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const client = process.cpuUsage(clientBefore);
  const serverAfter = cpuSecondsOf(serverPid);
  return {
    clientCpu: (client.user + client.system) / 1e6 / wall,
    serverCpu: serverBefore === null || serverAfter === null ? null : (serverAfter - serverBefore) / wall,
    name: target.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    bad: result.non2xx + result.errors,
    bytes: result.throughput.total / Math.max(1, result.requests.total),
  };
}

/**
 * bench/http: requests/s and p99 latency of quanze's item page and search API against a
 * bare Hono "hello" route, all on loopback, loaded with autocannon from this process while
 * the servers run in another. The bare route is measured first and last and its mean is
 * the yardstick, so drift on a shared machine shows. Target: item page ≥ 50% of bare. The
 * item page is asked as autocannon asks (no Accept-Encoding) and as a browser does (brotli),
 * each beside the bare app sending the very same bytes: the most the page could reach here.
 */
export async function run(): Promise<void> {
  const seconds = env('QUANZE_BENCH_HTTP_SECONDS', 8);
  const connections = env('QUANZE_BENCH_HTTP_CONNECTIONS', 10);
  const { child, info } = await startServers();
  try {
    const search = `${info.app}/api/search?q=${encodeURIComponent('保密')}`;
    await check(`${info.bare}/`, 'hello');
    await check(`${info.app}${info.itemPath}`, info.itemName);
    // fetch sends its own Accept-Encoding and decodes: this checks the brotli body is the page.
    await check(`${info.app}${info.itemPath}`, info.itemName, BROWSER_ENCODING);
    await check(search, '"items"');
    await check(`${info.app}/api${info.itemPath}`, info.itemName);
    await check(`${info.bare}/page`, info.itemName);
    await check(`${info.bare}/page.br`, info.itemName, BROWSER_ENCODING);
    await check(`${info.raw}/page.br`, info.itemName, BROWSER_ENCODING);
    const targets: Target[] = [
      { name: '裸 Hono “hello”', url: `${info.bare}/` },
      { name: `事项页 ${info.itemPath}`, url: `${info.app}${info.itemPath}` },
      { name: `事项页 ${info.itemPath}（浏览器的 Accept-Encoding）`, url: `${info.app}${info.itemPath}`, headers: BROWSER_ENCODING },
      // Not targets: a bare route sending the item page's bytes, plain and brotli, with no work:
      // what moving them costs on this machine, the most the page could reach.
      { name: '裸 Hono 发送同样的字节', url: `${info.bare}/page` },
      { name: '裸 Hono 发送同样的字节（brotli）', url: `${info.bare}/page.br`, headers: BROWSER_ENCODING },
      // No framework at all: node:http answering every request with those bytes. If this is no
      // faster than the Hono row, the cost is in moving the bytes (the client's share shows where).
      { name: 'node:http（无框架）发送同样的字节（brotli）', url: `${info.raw}/page.br`, headers: BROWSER_ENCODING },
      { name: '搜索 API /api/search?q=保密', url: search },
      // Not a target: the same item as JSON, which shows what rendering the page adds.
      { name: `事项 JSON /api${info.itemPath}`, url: `${info.app}/api${info.itemPath}` },
      { name: '裸 Hono “hello”（复测）', url: `${info.bare}/` },
    ];
    const results: Measured[] = [];
    for (const target of targets) results.push(await load(target, seconds, connections, child.pid));
    const [bareFirst, item, itemBrowser, samePlain, sameBrotli, rawBrotli, found, , bareLast] = results as [Measured, Measured, Measured, Measured, Measured, Measured, Measured, Measured, Measured];
    const bare = (bareFirst.rps + bareLast.rps) / 2;
    printTable(
      `bench/http：autocannon，${connections} 个连接，每项 ${seconds} 秒，127.0.0.1`,
      results.map((r) => ({
        目标: r.name,
        '请求/秒': fmt(r.rps, 0),
        'p50 ms': fmt(r.p50, 1),
        'p99 ms': fmt(r.p99, 1),
        请求数: r.requests,
        '字节/响应': fmt(r.bytes, 0),
        '非 2xx/错误': r.bad,
        '/ 裸路由': fmt(r.rps / bare, 3),
        '客户端 CPU': `${fmt(r.clientCpu * 100, 0)}%`,
        '服务端 CPU': r.serverCpu === null ? '—' : `${fmt(r.serverCpu * 100, 0)}%`,
      })),
    );
    const ratio = item.rps / bare;
    console.log(`裸路由按首尾两次的平均 ${fmt(bare, 0)} 请求/秒计；autocannon 的延迟以整毫秒记，0 即不到 1 ms`);
    console.log(
      `事项页 / 裸路由 = ${fmt(ratio * 100)}%（目标 ≥ 50%）${ratio >= 0.5 ? '达标' : '未达标'}：不压缩，${fmt(item.bytes / 1024)} KB 一次；` +
        `裸路由发送同样的字节为 ${fmt((samePlain.rps / bare) * 100)}%，事项页是它的 ${fmt((item.rps / samePlain.rps) * 100)}%`,
    );
    const browserRatio = itemBrowser.rps / bare;
    console.log(
      `事项页（浏览器的 Accept-Encoding）/ 裸路由 = ${fmt(browserRatio * 100)}%（目标 ≥ 50%）${browserRatio >= 0.5 ? '达标' : '未达标'}：brotli，${fmt(itemBrowser.bytes / 1024)} KB 一次；` +
        `裸路由发送同样的字节为 ${fmt((sameBrotli.rps / bare) * 100)}%，事项页是它的 ${fmt((itemBrowser.rps / sameBrotli.rps) * 100)}%`,
    );
    console.log(`无框架的 node:http 发送同样的 brotli 字节为 ${fmt((rawBrotli.rps / bare) * 100)}%：页面字节的上限与服务端用什么框架无关`);
    console.log('CPU 为一核的百分比：客户端即本进程的 autocannon，服务端即两个服务所在的子进程');
    console.log(`搜索 API / 裸路由 = ${fmt((found.rps / bare) * 100)}%`);
    if (results.some((r) => r.bad > 0)) console.log('注意：有非 2xx 响应或连接错误，见上表');
  } finally {
    await stopServers(child);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
