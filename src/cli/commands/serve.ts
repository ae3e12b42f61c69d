import { Command, InvalidArgumentError } from 'commander';
import { createApp, serveApp, untilSignal } from '../../server/index.js';
import { defaultDatabaseUrl, isStoreError, openStore, type Store } from '../../store/index.js';
import { EXIT, type Io, write } from '../io.js';

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

/**
 * Opens and migrates a store; undefined means the embedded database
 * ($QUANZE_DATA_DIR/quanze.sqlite or ./.quanze/quanze.sqlite), created on first use.
 */
export async function openMigratedStore(url: string | undefined, io: Io): Promise<Store | null> {
  try {
    const store = await openStore(url ?? defaultDatabaseUrl());
    const failed = (await store.migrate()).filter((r) => r.status !== 'applied' && r.status !== 'already-applied');
    if (failed.length > 0) {
      await store.close();
      io.stderr.write(`错误：数据库迁移失败：${failed.map((r) => (r.error ? `${r.name}（${r.error}）` : r.name)).join('、')}\n`);
      return null;
    }
    return store;
  } catch (error) {
    if (isStoreError(error)) {
      io.stderr.write(`错误：${error.message}\n`);
      return null;
    }
    throw error;
  }
}

/**
 * Serves the portal and API over `store` until SIGTERM or SIGINT, then closes the server
 * and the store. Resolves to the exit code.
 */
export async function serveUntilSignal(io: Io, store: Store, port: number, signals = untilSignal): Promise<number> {
  const stopped = signals();
  let server: Awaited<ReturnType<typeof serveApp>>;
  try {
    server = await serveApp({ app: createApp({ store }), port });
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      io.stderr.write(`错误：无法使用端口 ${port}（${code === 'EADDRINUSE' ? '已被占用' : '没有权限'}）。可用 --port 或环境变量 PORT 换一个端口。\n`);
      return EXIT.usage;
    }
    throw error;
  }
  await write(io.stdout, `quanze 已启动：${server.url}\n`);
  const signal = await stopped;
  io.stderr.write(`收到 ${signal}，正在关闭……\n`);
  await server.close();
  await store.close();
  return EXIT.ok;
}

export function serveCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('serve')
    .description('启动门户网站和开放接口（/api），数据来自指定数据库')
    .helpOption('-h, --help', '显示帮助')
    .option('--db <url>', '数据库：SQLite 文件路径、:memory: 或 postgres://…（默认 $QUANZE_DATABASE_URL，否则 $QUANZE_DATA_DIR/quanze.sqlite 或 ./.quanze/quanze.sqlite）')
    .option('--port <n>', `端口（默认取环境变量 PORT，否则 ${DEFAULT_PORT}）`, parsePort)
    .action(async (options: { db?: string; port?: number }) => {
      let port: number;
      try {
        port = resolvePort(options.port);
      } catch (error) {
        io.stderr.write(`错误：环境变量 PORT 无效：${(error as Error).message}\n`);
        setExit(EXIT.usage);
        return;
      }
      const store = await openMigratedStore(options.db, io);
      if (!store) {
        setExit(EXIT.usage);
        return;
      }
      setExit(await serveUntilSignal(io, store, port));
    });
}
