import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { importFile } from '../../ingest/index.js';
import type { Store } from '../../store/index.js';
import { EXIT, type Io } from '../io.js';
import { progressBar } from '../progress.js';
import { reportImportError } from '../report-error.js';
import { DEFAULT_PORT, openMigratedStore, parsePort, resolvePort, serveUntilSignal } from './serve.js';

/** The bundled sample lists, found relative to this file so it works from any cwd. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../data/samples/', import.meta.url));

export async function sampleFiles(): Promise<string[]> {
  const names = await readdir(SAMPLES_DIR);
  return names.filter((name) => name.endsWith('.txt')).sort().map((name) => join(SAMPLES_DIR, name));
}

const STATUS_LABEL = { created: '新导入', 'new-version': '新版本', unchanged: '未变' } as const;

/**
 * Imports every bundled sample into the store; the store skips a file whose hash it
 * already has, so a restart only re-reads the files. Returns the worst exit code.
 */
export async function importSamples(io: Io, store: Store): Promise<number> {
  const files = await sampleFiles();
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  const counts = { created: 0, 'new-version': 0, unchanged: 0 };
  const bar = progressBar(io, '导入示例清单');
  let before = 0;
  let code: number = EXIT.ok;
  for (const [i, file] of files.entries()) {
    try {
      const list = await importFile(file, { onProgress: (done) => bar.update(before + done, total) });
      const outcome = await store.importList(list);
      counts[outcome.status]++;
    } catch (error) {
      bar.stop();
      io.stderr.write(`${basename(file)}：`);
      code = Math.max(code, reportImportError(io, error));
    }
    before += sizes[i] ?? 0;
    bar.update(before, total);
  }
  bar.stop();
  const summary = (Object.keys(counts) as (keyof typeof counts)[]).map((k) => `${STATUS_LABEL[k]} ${counts[k]} 份`).join('，');
  io.stderr.write(`示例清单 ${files.length} 份：${summary}\n`);
  return code;
}

export function startCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('start')
    .description('首次启动时建立内置数据库（$QUANZE_DATA_DIR/quanze.sqlite 或 ./.quanze/quanze.sqlite）并导入内置示例清单，然后启动门户网站和开放接口')
    .helpOption('-h, --help', '显示帮助')
    .option('--port <n>', `端口（默认取环境变量 PORT，否则 ${DEFAULT_PORT}）`, parsePort)
    .action(async (options: { port?: number }) => {
      let port: number;
      try {
        port = resolvePort(options.port);
      } catch (error) {
        io.stderr.write(`错误：环境变量 PORT 无效：${(error as Error).message}\n`);
        setExit(EXIT.usage);
        return;
      }
      const store = await openMigratedStore(undefined, io);
      if (!store) {
        setExit(EXIT.usage);
        return;
      }
      const imported = await importSamples(io, store);
      if (imported === EXIT.internal) {
        await store.close();
        setExit(imported);
        return;
      }
      setExit(await serveUntilSignal(io, store, port));
    });
}
