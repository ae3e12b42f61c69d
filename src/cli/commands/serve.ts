import { Command, InvalidArgumentError } from 'commander';
import type { LawLibrary } from '../../law/index.js';
import { createApp, parseTrustProxy, serveApp, untilSignal } from '../../server/index.js';
import { defaultDatabaseUrl, type Store } from '../../store/index.js';
import { type CaseStore, type Clock, findCalendarDir, isCalendarError, isCaseError, loadCalendar, openCaseStore, systemClock } from '../../workflow/index.js';
import { EXIT, type Io, write } from '../io.js';
import { loadLibrary } from '../law-library.js';
import { openMigratedStore } from '../open-store.js';

export const DEFAULT_PORT = 3000;

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port > 65_535) {
    throw new InvalidArgumentError(`端口应为 0–65535 的整数，收到“${value}”`);
  }
  return port;
}

/** --port, else $PORT, else 3000. */
export function resolvePort(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) return option;
  return env.PORT ? parsePort(env.PORT) : DEFAULT_PORT;
}

/** What serve and start take from their options and the environment. */
export interface ServeSettings {
  port: number;
  /** Reverse proxies in front whose X-Forwarded-For is believed (AppOptions.trustProxy). */
  trustProxy: number;
}

export const TRUST_PROXY_HELP =
  '服务前反向代理的层数：登录限次按 X-Forwarded-For 中由代理写入的客户端地址计数（默认取环境变量 QUANZE_TRUST_PROXY，否则 0，即不信任该请求头）';

export function parseTrustProxyOption(value: string): number {
  try {
    return parseTrustProxy(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/**
 * The options, else $PORT and $QUANZE_TRUST_PROXY; null (after saying which variable is
 * wrong) when one of those cannot be read.
 */
export function resolveServeSettings(options: { port?: number; trustProxy?: number }, io: Io, env: NodeJS.ProcessEnv): ServeSettings | null {
  const read = <T>(name: string, fn: () => T): T | null => {
    try {
      return fn();
    } catch (error) {
      io.stderr.write(`错误：环境变量 ${name} 无效：${(error as Error).message}\n`);
      return null;
    }
  };
  const port = read('PORT', () => resolvePort(options.port, env));
  const trustProxy = read('QUANZE_TRUST_PROXY', () => options.trustProxy ?? parseTrustProxy(env.QUANZE_TRUST_PROXY));
  return port === null || trustProxy === null ? null : { port, trustProxy };
}

/** What the site serves: the lists, the cases on the same database, and the law registry. */
export interface Site {
  store: Store;
  cases: CaseStore;
  /** Absent when it could not be read: nothing is audited, and the compare page compares titles as written. */
  library?: LawLibrary | undefined;
}

/** What serve and start take from their surroundings; tests pass their own. */
export interface ServeDeps {
  clock: Clock;
  env: NodeJS.ProcessEnv;
  signals: () => Promise<NodeJS.Signals>;
}

export const defaultServeDeps: ServeDeps = { clock: systemClock, env: process.env, signals: () => untilSignal() };

/**
 * Opens the case store beside the list store, on the same database URL, with the bundled
 * working-day calendar; null (after saying why) when it cannot.
 */
export async function openCases(url: string, io: Io, clock: Clock): Promise<CaseStore | null> {
  const dir = findCalendarDir();
  if (!dir) {
    io.stderr.write('错误：找不到工作日历目录 data/calendar，无法计算办件期限\n');
    return null;
  }
  try {
    return await openCaseStore(url, { calendar: await loadCalendar(dir), clock });
  } catch (error) {
    if (isCaseError(error) || isCalendarError(error)) {
      io.stderr.write(`错误：${error.message}\n`);
      return null;
    }
    throw error;
  }
}

/** Closes what the site holds, the case store first (it was opened last). */
export async function closeSite(site: Pick<Site, 'store' | 'cases'>): Promise<void> {
  await site.cases.disconnect();
  await site.store.close();
}

/**
 * Serves the portal, the API and the workflow over `site` until SIGTERM or SIGINT, then
 * closes the server and both stores. Resolves to the exit code.
 */
export async function serveUntilSignal(io: Io, site: Site, settings: ServeSettings, deps: ServeDeps = defaultServeDeps): Promise<number> {
  const { port, trustProxy } = settings;
  const stopped = deps.signals();
  const adminToken = deps.env.QUANZE_ADMIN_TOKEN?.trim() || undefined;
  const { library } = site;
  const app = createApp({
    store: site.store,
    cases: site.cases,
    clock: deps.clock,
    adminToken,
    trustProxy,
    publish: { lists: site.store, ...(library ? { library } : {}) },
    ...(library ? { laws: library.registry } : {}),
  });
  let server: Awaited<ReturnType<typeof serveApp>>;
  try {
    server = await serveApp({ app, port });
  } catch (error) {
    await closeSite(site);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      io.stderr.write(`错误：无法使用端口 ${port}（${code === 'EADDRINUSE' ? '已被占用' : '没有权限'}）。可用 --port 或环境变量 PORT 换一个端口。\n`);
      return EXIT.usage;
    }
    throw error;
  }
  if (!adminToken) io.stderr.write('提示：未设置 QUANZE_ADMIN_TOKEN，办件等写操作已关闭，网站只读。\n');
  await write(io.stdout, `quanze 已启动：${server.url}\n`);
  const signal = await stopped;
  io.stderr.write(`收到 ${signal}，正在关闭……\n`);
  await server.close();
  await closeSite(site);
  return EXIT.ok;
}

/** The list store, migrated, and the case store on the same database; null when either fails. */
export async function openSiteStores(url: string | undefined, io: Io, clock: Clock): Promise<Pick<Site, 'store' | 'cases'> | null> {
  const store = await openMigratedStore(url, io);
  if (!store) return null;
  const cases = await openCases(url ?? defaultDatabaseUrl(), io, clock);
  if (!cases) {
    await store.close();
    return null;
  }
  return { store, cases };
}

export function serveCommand(io: Io, setExit: (code: number) => void, deps: ServeDeps = defaultServeDeps): Command {
  return new Command('serve')
    .description('启动门户网站、开放接口（/api）和办件督办，数据来自指定数据库；写操作需设置 QUANZE_ADMIN_TOKEN')
    .helpOption('-h, --help', '显示帮助')
    .option('--db <url>', '数据库：SQLite 文件路径、:memory: 或 postgres://…（默认 $QUANZE_DATABASE_URL，否则 $QUANZE_DATA_DIR/quanze.sqlite 或 ./.quanze/quanze.sqlite）')
    .option('--port <n>', `端口（默认取环境变量 PORT，否则 ${DEFAULT_PORT}）`, parsePort)
    .option('--trust-proxy <n>', TRUST_PROXY_HELP, parseTrustProxyOption)
    .action(async (options: { db?: string; port?: number; trustProxy?: number }) => {
      const settings = resolveServeSettings(options, io, deps.env);
      if (!settings) {
        setExit(EXIT.usage);
        return;
      }
      const stores = await openSiteStores(options.db, io, deps.clock);
      if (!stores) {
        setExit(EXIT.usage);
        return;
      }
      setExit(await serveUntilSignal(io, { ...stores, library: await loadLibrary(io) }, settings, deps));
    });
}
