import { Command, InvalidArgumentError } from 'commander';
import { diffLists, diffStoredVersions, isAlignError, type ListDiff, parseVersionSelector, renderDiffHtml, renderDiffText } from '../../align/index.js';
import { type ImportOptions, importFile } from '../../ingest/index.js';
import { defaultDatabaseUrl, isStoreError, openStore } from '../../store/index.js';
import { EXIT, type Io, write } from '../io.js';
import { missingDatabase } from '../open-store.js';
import { writeOutput } from '../output.js';
import { collectMap, oneOf, parseFrom } from '../options.js';
import { reportImportError } from '../report-error.js';
import { shownName } from '../stdin-file.js';

const FORMATS = ['text', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

function parseContext(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`--context 应为非负整数，收到“${value}”`);
  return n;
}

interface DiffCommandOptions {
  format: Format;
  output?: string;
  context?: number;
  db?: string | true;
  from?: ImportOptions['from'];
  map?: ImportOptions['map'];
}

/**
 * `quanze diff <old> <new>` on two files, or `quanze diff --db [url] <清单编号> <版本1> <版本2>`
 * on stored versions of one list.
 */
export function diffCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('diff')
    .description('比较清单的两个版本：新增、删除、改名、移动的事项，以及变化事项逐字段的字符级差异')
    .argument('<args...>', '两个清单文件；或与 --db 一起用：清单编号 版本1 版本2（版本写作 1、v2、第3版或 latest）')
    .option('--db [url]', '比较数据库中保存的版本（SQLite 文件路径或 postgres://…，省略时用默认数据库）')
    .option('--format <format>', '输出格式：text、json 或 html', oneOf(FORMATS, '--format'), 'text')
    .option('-o, --output <file>', '写入文件而不是标准输出')
    .option('--context <n>', '变化前后各保留多少个字的原文（默认 text 30，html 60）', parseContext)
    .option('--from <format>', '指定输入格式，跳过自动识别', parseFrom)
    .option('--map <列名=字段>', '纠正表头映射（可重复）', collectMap)
    .action(async (args: string[], options: DiffCommandOptions) => {
      const diff = options.db !== undefined ? await storedDiff(io, args, options.db) : await fileDiff(io, args, options);
      if (typeof diff === 'number') {
        setExit(diff);
        return;
      }
      const context = options.context !== undefined ? { context: options.context } : {};
      const text =
        options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : options.format === 'html' ? renderDiffHtml(diff, context) : renderDiffText(diff, context);
      if (options.output) await writeOutput(options.output, text);
      else await write(io.stdout, text);
      setExit(EXIT.ok);
    });
}

async function fileDiff(io: Io, args: string[], options: DiffCommandOptions): Promise<ListDiff | number> {
  if (args.length !== 2) {
    io.stderr.write(`错误：比较文件需要两个参数（旧版本 新版本），收到 ${args.length} 个\n`);
    return EXIT.usage;
  }
  const [oldFile, newFile] = args as [string, string];
  try {
    const importOptions = { ...(options.from ? { from: options.from } : {}), map: options.map ?? {} };
    return diffLists(await importFile(oldFile, importOptions), await importFile(newFile, importOptions), { old: shownName(oldFile), new: shownName(newFile) });
  } catch (error) {
    return reportImportError(io, error);
  }
}

async function storedDiff(io: Io, args: string[], db: string | true): Promise<ListDiff | number> {
  if (args.length !== 3) {
    io.stderr.write(`错误：比较数据库中的版本需要三个参数（清单编号 版本1 版本2），收到 ${args.length} 个\n`);
    return EXIT.usage;
  }
  const [listId, first, second] = args as [string, string, string];
  const from = parseVersionSelector(first);
  const to = parseVersionSelector(second);
  if (from === undefined || to === undefined) {
    io.stderr.write(`错误：版本应写作 1、v2、第3版或 latest，收到“${from === undefined ? first : second}”\n`);
    return EXIT.usage;
  }
  const missing = missingDatabase(db === true ? undefined : db);
  if (missing) {
    io.stderr.write(`错误：${missing}\n`);
    return EXIT.input;
  }
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  try {
    store = await openStore(db === true ? defaultDatabaseUrl() : db);
    return await diffStoredVersions(store, listId, from, to);
  } catch (error) {
    if (isAlignError(error) || isStoreError(error)) {
      io.stderr.write(`错误：${error.message}\n`);
      return EXIT.input;
    }
    throw error;
  } finally {
    await store?.close();
  }
}
