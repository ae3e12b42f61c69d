import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import {
  auditStore,
  CONFIG_FILE,
  ConfigError,
  type CheckResult,
  checkList,
  FORMATTERS,
  type FormatterName,
  parseConfig,
  planRules,
  type QuanzeConfig,
  RULES,
} from '../../audit/index.js';
import { type ImportOptions, importFile } from '../../ingest/index.js';
import { openLawLibrary } from '../../law/index.js';
import { EXIT, type Io, write } from '../io.js';
import { oneOf, parseFrom } from '../options.js';
import { progressBar } from '../progress.js';
import { reportImportError } from '../report-error.js';
import { missingDatabase, openMigratedStore } from '../open-store.js';

/** What the check command takes from its surroundings; tests pass their own. */
export interface CheckDeps {
  now: () => Date;
  cwd: () => string;
  readText: (path: string) => Promise<string | undefined>;
}

const defaultDeps: CheckDeps = {
  now: () => new Date(),
  cwd: () => process.cwd(),
  readText: (path) => readFile(path, 'utf8').catch(() => undefined),
};

interface CheckOptions {
  db?: string | true;
  format: FormatterName;
  rule?: string[];
  config?: string;
  today?: string;
  listDate?: string;
  from?: ImportOptions['from'];
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError(`日期应写作 YYYY-MM-DD，收到“${value}”`);
  }
  return value;
}

/** The local calendar date, as the user means "today". */
function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function readConfig(options: CheckOptions, deps: CheckDeps): Promise<QuanzeConfig> {
  const path = options.config ?? join(deps.cwd(), CONFIG_FILE);
  const text = await deps.readText(path);
  if (text === undefined) {
    if (options.config) throw new ConfigError(`找不到配置文件 ${options.config}`);
    return { rules: {} };
  }
  return parseConfig(text, path);
}

export function checkCommand(io: Io, setExit: (code: number) => void, deps: CheckDeps = defaultDeps): Command {
  return new Command('check')
    .description('核查清单：必填项、权力类型、责任链条、依据编号、引用的法规版本和条文、单元格截断等；有错误级问题时退出码为 1')
    .argument('[files...]', '清单文件')
    .option('--db [url]', '核查数据库中每个清单的最新版本，并把结果保存到数据库（不写地址时用默认数据库）')
    .option('--format <format>', '输出格式：stylish、json 或 sarif', oneOf(Object.keys(FORMATTERS) as FormatterName[], '--format'), 'stylish')
    .option('--rule <规则[:级别]>', '设置规则级别，如 citation-wording:off；只写规则名表示只运行这些规则（可重复）', (v: string, prev: string[] = []) => [...prev, v])
    .option('--config <file>', `配置文件（默认为当前目录的 ${CONFIG_FILE}）`)
    .option('--today <date>', '核查日期 YYYY-MM-DD：按这一天施行的法规版本核对（默认今天）', isoDate)
    .option('--list-date <date>', '清单的日期 YYYY-MM-DD：未注明版本的引用按这一天施行的版本理解', isoDate)
    .option('--from <format>', '指定输入格式，跳过自动识别', parseFrom)
    .action(async (files: string[], options: CheckOptions) => {
      setExit(await runCheck(io, files, options, deps));
    });
}

async function runCheck(io: Io, files: string[], options: CheckOptions, deps: CheckDeps): Promise<number> {
  if (options.db !== undefined && files.length > 0) {
    io.stderr.write('错误：不能同时指定清单文件和 --db\n');
    return EXIT.usage;
  }
  if (options.db === undefined && files.length === 0) {
    io.stderr.write('错误：请指定清单文件，或用 --db 核查数据库中的清单\n');
    return EXIT.usage;
  }
  let config: QuanzeConfig;
  let plan: ReturnType<typeof planRules>;
  try {
    config = await readConfig(options, deps);
    plan = planRules(RULES, config, options.rule ?? []);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`错误：${error.message}\n`);
    return EXIT.usage;
  }
  const today = options.today ?? config.today ?? localDate(deps.now());
  const listDate = options.listDate ?? config.listDate;
  const library = await openLawLibrary();
  const auditOptions = { library, today, plan, ...(listDate !== undefined ? { listDate } : {}) };
  const results: CheckResult[] = [];
  let code: number = EXIT.ok;
  let unread = 0;
  if (options.db !== undefined) {
    const missing = missingDatabase(options.db === true ? undefined : options.db);
    if (missing) {
      io.stderr.write(`错误：${missing}\n`);
      return EXIT.input;
    }
    const store = await openMigratedStore(options.db === true ? undefined : options.db, io);
    if (!store) return EXIT.input;
    try {
      const bar = progressBar(io, '核查数据库中的清单');
      const checks = await auditStore(store, auditOptions, bar.update);
      bar.stop();
      for (const c of checks) {
        if (c.ok) results.push(c.result);
        else {
          io.stderr.write(`清单 ${c.listId}（版本 ${c.versionId}）核查失败：${c.error}\n`);
          code = Math.max(code, EXIT.input);
        }
      }
      io.stderr.write(`已核查并保存 ${checks.filter((c) => c.ok).length} 个清单的核查结果\n`);
    } finally {
      await store.close();
    }
  } else {
    for (const file of files) {
      const bar = progressBar(io, `读取 ${file}`);
      try {
        const list = await importFile(file, { ...(options.from ? { from: options.from } : {}), onProgress: bar.update });
        bar.stop();
        results.push(checkList(list, auditOptions));
      } catch (error) {
        bar.stop();
        // The import error names the file itself (as 标准输入 for "-").
        code = Math.max(code, reportImportError(io, error));
        unread++;
      }
    }
  }
  if (options.format === 'stylish' && unread > 0) {
    // "✔ 没有发现问题" would speak for files that were never checked.
    const summary =
      results.length === 0 ? `✖ 没有核查任何清单：${unread} 个文件无法读取` : `${FORMATTERS.stylish(results).trimEnd()}；另有 ${unread} 个文件无法读取，未核查`;
    await write(io.stdout, `${summary}\n`);
  } else await write(io.stdout, FORMATTERS[options.format](results, RULES));
  const errors = results.some((r) => r.findings.some((f) => f.severity === 'error'));
  return Math.max(code, errors ? EXIT.findings : EXIT.ok);
}
