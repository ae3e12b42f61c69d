import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { auditStore, countBySeverity, SEVERITY_LABELS } from '../../audit/index.js';
import { importFile } from '../../ingest/index.js';
import type { LawLibrary } from '../../law/index.js';
import type { Severity } from '../../model/index.js';
import type { ListSummary, Store } from '../../store/index.js';
import { todayOf } from '../../workflow/index.js';
import { EXIT, type Io } from '../io.js';
import { progressBar } from '../progress.js';
import { loadLibrary } from '../law-library.js';
import { reportImportError } from '../report-error.js';
import { closeSite, DEFAULT_PORT, defaultServeDeps, openSiteStores, parsePort, parseTrustProxyOption, resolveServeSettings, type ServeDeps, serveUntilSignal, TRUST_PROXY_HELP } from './serve.js';

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

/**
 * Audits the latest version of each list never audited, and saves what it finds, so the
 * portal shows findings from the first start; the store records each audit (even one that
 * found nothing), so a restart finds every version audited and skips them. Returns the
 * worst exit code.
 */
export async function auditUnchecked(io: Io, store: Store, library: LawLibrary, today: string): Promise<number> {
  io.stderr.write('核查清单…\n');
  const lists = await store.listLists();
  const pending: ListSummary[] = lists.filter((list) => list.auditedAt === null);
  const skipped = lists.length - pending.length;
  if (pending.length === 0) {
    io.stderr.write(`核查清单：${lists.length} 份均已核查过，跳过\n`);
    return EXIT.ok;
  }
  // auditStore audits every list the store lists; these are the ones not yet audited.
  const unchecked: Store = { ...store, listLists: async () => pending };
  const bar = progressBar(io, '核查清单');
  const checks = await auditStore(unchecked, { library, today }, bar.update);
  bar.stop();
  let code: number = EXIT.ok;
  for (const check of checks) {
    if (check.ok) continue;
    io.stderr.write(`清单 ${check.listId}（版本 ${check.versionId}）核查失败：${check.error}\n`);
    code = EXIT.input;
  }
  const counts = countBySeverity(checks.flatMap((c) => (c.ok ? c.result.findings : [])));
  const found = (['error', 'warning', 'info'] as Severity[]).map((s) => `${SEVERITY_LABELS[s]} ${counts[s]} 条`).join('，');
  io.stderr.write(`已核查 ${checks.filter((c) => c.ok).length} 份清单（按 ${today} 施行的法规）：${found}${skipped > 0 ? `；另有 ${skipped} 份已核查过，跳过` : ''}\n`);
  return code;
}

export function startCommand(io: Io, setExit: (code: number) => void, deps: ServeDeps = defaultServeDeps): Command {
  return new Command('start')
    .description('首次启动时建立数据库（$QUANZE_DATABASE_URL，否则内置的 $QUANZE_DATA_DIR/quanze.sqlite 或 ./.quanze/quanze.sqlite），导入并核查内置示例清单，然后启动门户网站、开放接口和办件督办')
    .helpOption('-h, --help', '显示帮助')
    .option('--port <n>', `端口（默认取环境变量 PORT，否则 ${DEFAULT_PORT}）`, parsePort)
    .option('--trust-proxy <n>', TRUST_PROXY_HELP, parseTrustProxyOption)
    .action(async (options: { port?: number; trustProxy?: number }) => {
      const settings = resolveServeSettings(options, io, deps.env);
      if (!settings) {
        setExit(EXIT.usage);
        return;
      }
      const stores = await openSiteStores(undefined, io, deps.clock);
      if (!stores) {
        setExit(EXIT.usage);
        return;
      }
      const imported = await importSamples(io, stores.store);
      if (imported === EXIT.internal) {
        await closeSite(stores);
        setExit(imported);
        return;
      }
      // One read of the registry and its texts: the audit uses all of it, the site the registry.
      const library = await loadLibrary(io);
      if (library) await auditUnchecked(io, stores.store, library, todayOf(deps.clock));
      setExit(await serveUntilSignal(io, { ...stores, library }, settings, deps));
    });
}
