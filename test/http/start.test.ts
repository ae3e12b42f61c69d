import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { auditUnchecked, sampleFiles } from '../../src/cli/commands/start.js';
import { importFile } from '../../src/ingest/index.js';
import { openLawLibrary } from '../../src/law/index.js';
import { createApp, serveApp } from '../../src/server/index.js';
import { openCaseStore } from '../../src/workflow/index.js';
import { samplePath } from '../helpers/samples.js';
import { storeWith } from './helpers.js';

const BIN = fileURLToPath(new URL('../../bin/quanze.js', import.meta.url));

interface Started {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

const children: ChildProcess[] = [];

// A failed assertion must not leave a server running.
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Runs the real CLI, waiting for its "已启动" line. */
function startCli(args: string[], env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/quanze 已启动：(http:\/\/localhost:\d+)\n/);
      if (m) resolve({ child, url: m[1] as string, stderr: () => err, exit });
    });
    exit.then((code) => reject(new Error(`quanze 提前退出（${code}）：${err}`)));
  });
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'quanze-start-'));
}

/**
 * Runs the CLI in this process with `vars` set (and a fresh QUANZE_DATA_DIR), expecting exit
 * code 2; what it said, and whether it created the default database.
 */
async function refusedByEnv(args: string[], vars: Record<string, string>): Promise<{ stderr: string; touched: boolean }> {
  const dir = tempDir();
  const set = { ...vars, QUANZE_DATA_DIR: dir };
  const saved = Object.fromEntries(Object.keys(set).map((key) => [key, process.env[key]]));
  Object.assign(process.env, set);
  const err: string[] = [];
  try {
    expect(await run(args, { stdout: sink(), stderr: sink(err) })).toBe(2);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return { stderr: err.join(''), touched: existsSync(join(dir, 'quanze.sqlite')) };
}

describe('quanze start', () => {
  it('creates the database, imports the samples, serves them and stops cleanly on SIGTERM; a restart imports nothing new; serve --db serves the same file', async () => {
    const dir = tempDir();
    const first = await startCli(['start'], { QUANZE_DATA_DIR: dir, PORT: '0', QUANZE_ADMIN_TOKEN: '' });
    const samples = await sampleFiles();
    expect(first.stderr()).toContain(`示例清单 ${samples.length} 份：新导入 ${samples.length} 份，新版本 0 份，未变 0 份`);
    expect(first.stderr()).toContain('核查清单…');
    expect(first.stderr()).toMatch(new RegExp(`已核查 ${samples.length} 份清单（按 \\d{4}-\\d{2}-\\d{2} 施行的法规）：错误 \\d+ 条`));
    expect(first.stderr()).toContain('未设置 QUANZE_ADMIN_TOKEN');
    // The audit's findings are on the portal, the workflow is mounted, and writes are closed.
    const report = (await (await fetch(`${first.url}/api/lists/1/findings`)).json()) as { audited: boolean; total: number };
    expect(report.audited).toBe(true);
    expect((await fetch(`${first.url}/supervision`)).status).toBe(200);
    expect((await fetch(`${first.url}/api/cases`, { method: 'POST', body: '{"itemId":"1"}' })).status).toBe(403);
    expect(existsSync(join(dir, 'quanze.sqlite'))).toBe(true);
    const lists = (await (await fetch(`${first.url}/api/lists`)).json()) as { total: number };
    expect(lists.total).toBe(samples.length);
    const home = await fetch(first.url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('自治区密码管理局');
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(first.stderr()).toContain('收到 SIGTERM，正在关闭');

    const second = await startCli(['start'], { QUANZE_DATA_DIR: dir, PORT: '0', QUANZE_ADMIN_TOKEN: '' });
    expect(second.stderr()).toContain(`新导入 0 份，新版本 0 份，未变 ${samples.length} 份`);
    expect(second.stderr()).toContain(`核查清单：${samples.length} 份均已核查过，跳过`);
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);

    // The same database, served by `quanze serve --db` on a port of its own.
    const served = await startCli(['serve', '--db', join(dir, 'quanze.sqlite'), '--port', '0'], { QUANZE_DATA_DIR: tempDir(), QUANZE_ADMIN_TOKEN: 'e2e-token' });
    expect(((await (await fetch(`${served.url}/api/lists`)).json()) as { total: number }).total).toBe(samples.length);
    // The case store lives in the same file as the lists.
    const opened = await fetch(`${served.url}/api/cases`, { method: 'POST', body: '{"itemId":"1"}', headers: { Authorization: 'Bearer e2e-token' } });
    expect(opened.status).toBe(201);
    served.child.kill('SIGTERM');
    expect(await served.exit).toBe(0);
    const cases = await openCaseStore(join(dir, 'quanze.sqlite'));
    expect((await cases.listCases()).items.map((c) => c.itemRef)).toEqual(['1']);
    await cases.disconnect();
  });

  it('uses QUANZE_DATABASE_URL when it is set, as its help says, instead of the embedded database', async () => {
    const help: string[] = [];
    expect(await run(['start', '--help'], { stdout: sink(help), stderr: sink() })).toBe(0);
    expect(help.join('')).toContain('$QUANZE_DATABASE_URL');
    const refused = await refusedByEnv(['start', '--port', '0'], { QUANZE_DATABASE_URL: 'mysql://localhost/quanze' });
    expect(refused.stderr).toContain('不支持的数据库地址：mysql://localhost/quanze');
    expect(refused.touched).toBe(false);
  });

  it('refuses a PORT that is not a port, before touching the database', async () => {
    const refused = await refusedByEnv(['start'], { PORT: 'http' });
    expect(refused.stderr).toContain('环境变量 PORT 无效');
    expect(refused.touched).toBe(false);
  });
  it('audits each list version once, even one whose audit found nothing: the next start skips them all', async () => {
    const { store, outcomes } = await storeWith([await importFile(samplePath('liangzhou')), await importFile(samplePath('mima'))]);
    const library = await openLawLibrary();
    // An earlier audit of the first list that found nothing.
    await store.saveFindings(outcomes[0]?.versionId as string, []);
    const audit = async () => {
      const lines: string[] = [];
      await auditUnchecked({ stdout: sink(), stderr: sink(lines) }, store, library, '2025-06-03');
      return lines.join('');
    };
    expect(await audit()).toMatch(/已核查 1 份清单（按 2025-06-03 施行的法规）：.*；另有 1 份已核查过，跳过/);
    expect(await store.getFindings({ versionId: outcomes[0]?.versionId as string, origin: 'audit' })).toEqual([]);
    expect(await audit()).toContain('核查清单：2 份均已核查过，跳过');
    await store.close();
  });
});

describe('quanze serve', () => {
  it('keeps a sign-out over a restart, and with QUANZE_TRUST_PROXY counts wrong tokens by the client X-Forwarded-For names', async () => {
    const db = join(tempDir(), 'quanze.sqlite');
    const env = { QUANZE_DATA_DIR: tempDir(), QUANZE_ADMIN_TOKEN: 'e2e-token', QUANZE_TRUST_PROXY: '1' };
    const login = (url: string, token: string, forwarded: string) =>
      fetch(`${url}/login`, {
        method: 'POST',
        body: new URLSearchParams({ token, next: '/cases' }),
        headers: { 'X-Forwarded-For': forwarded },
        redirect: 'manual',
      });
    const signedIn = async (url: string, cookie: string) => (await (await fetch(`${url}/cases`, { headers: { Cookie: cookie } })).text()).includes('<span>已登录</span>');

    const first = await startCli(['serve', '--db', db, '--port', '0'], env);
    const signIn = await login(first.url, 'e2e-token', '203.0.113.5');
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const page = await (await fetch(`${first.url}/cases`, { headers: { Cookie: cookie } })).text();
    const formToken = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const out = await fetch(`${first.url}/logout`, { method: 'POST', body: new URLSearchParams({ _csrf: formToken }), headers: { Cookie: cookie }, redirect: 'manual' });
    expect(out.status).toBe(303);
    expect(await signedIn(first.url, cookie)).toBe(false);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);

    const second = await startCli(['serve', '--db', db, '--port', '0'], env);
    expect(await signedIn(second.url, cookie)).toBe(false);
    // Every request comes from 127.0.0.1; the proxy's entry (rightmost) names the client.
    for (let i = 0; i < 5; i++) expect((await login(second.url, `guess-${i}`, `192.0.2.${i}, 203.0.113.7`)).status).toBe(401);
    expect((await login(second.url, 'e2e-token', '192.0.2.99, 203.0.113.7')).status).toBe(429);
    const other = await login(second.url, 'e2e-token', '203.0.113.8');
    expect(other.status).toBe(303);
    expect(await signedIn(second.url, (other.headers.get('set-cookie') ?? '').split(';')[0] as string)).toBe(true);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });

  it('refuses a QUANZE_TRUST_PROXY that is not a number of hops, before touching the database', async () => {
    const refused = await refusedByEnv(['serve'], { QUANZE_TRUST_PROXY: 'true' });
    expect(refused.stderr).toContain('环境变量 QUANZE_TRUST_PROXY 无效：“true”应为 0–10 的整数（服务前反向代理的层数）');
    expect(refused.touched).toBe(false);
  });

  it.each([
    [['serve', '--port', 'abc'], '端口应为 0–65535 的整数'],
    [['serve', '--port', '70000'], '端口应为 0–65535 的整数'],
    [['serve', '--trust-proxy', 'yes', '--port', '0'], '“yes”应为 0–10 的整数'],
    [['start', '--trust-proxy', '-1', '--port', '0'], '“-1”应为 0–10 的整数'],
    [['serve', '--db', 'mysql://localhost/x', '--port', '0'], '不支持的数据库地址'],
  ])('refuses %j with exit code 2 and a Chinese message', async (args, message) => {
    const err: string[] = [];
    const code = await run(args, { stdout: sink(), stderr: sink(err) });
    expect(code).toBe(2);
    expect(err.join('')).toContain(message);
  });

  it('says so when the port is taken', async () => {
    const { store } = await storeWith([]);
    const busy = await serveApp({ app: createApp({ store }), port: 0 });
    const err: string[] = [];
    const code = await run(['serve', '--db', ':memory:', '--port', String(busy.port)], { stdout: sink(), stderr: sink(err) });
    await busy.close();
    await store.close();
    expect(code).toBe(2);
    expect(err.join('')).toContain(`无法使用端口 ${busy.port}（已被占用）`);
  });
});

function sink(into: string[] = []): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      into.push(chunk.toString());
      done();
    },
  });
}
