import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { Command } from 'commander';
import type { AuditOptions } from '../../audit/index.js';
import { type ImportOptions, importFile, importNdjson } from '../../ingest/index.js';
import { placeText } from '../../model/index.js';
import { EXIT, type Io, write } from '../io.js';
import { collectMap, oneOf, parseFrom, positiveInt } from '../options.js';
import { openOutput } from '../output.js';
import { progressBar } from '../progress.js';
import { shownName } from '../stdin-file.js';
// errors.js and identity.js alone (no database driver): the store itself loads only for --db.
import { isStoreError } from '../../store/errors.js';
import { chosenListKey } from '../../store/write/identity.js';
import { reportImportError } from '../report-error.js';

const OUTPUT_FORMATS = ['json', 'ndjson'] as const;

/**
 * Parse threads for large files: two where there are two cores. More threads add little
 * (the reading thread becomes the limit) and cost about 20 MB each (measured: ~240 MB peak
 * with two against ~200 MB serial on the 203 MB bench list).
 */
const DEFAULT_JOBS = Math.min(2, availableParallelism());

interface ImportCommandOptions {
  from?: ImportOptions['from'];
  format: 'json' | 'ndjson';
  output?: string;
  map?: ImportOptions['map'];
  db?: string | true;
  strict?: boolean;
  list?: string;
  jobs: number;
  /** --no-audit sets it false. */
  audit: boolean;
}

const OUTCOME = { created: '新建清单', 'new-version': '新版本', unchanged: '内容未变，未重复导入' } as const;

function reportStoreOrImportError(io: Io, file: string, error: unknown): number {
  if (!isStoreError(error)) return reportImportError(io, error);
  io.stderr.write(`错误：${file}：${error.message}\n`);
  return EXIT.input;
}

/** `--db`: each file in its own transaction; with --strict a file with a damaged record is refused whole. */
async function importToStore(io: Io, files: string[], options: ImportCommandOptions): Promise<number> {
  // The store, and publishing with its audit, load only for --db.
  const [{ openMigratedStore }, { publishList }] = await Promise.all([import('../open-store.js'), import('../../publish/index.js')]);
  const store = await openMigratedStore(options.db === true ? undefined : options.db, io);
  if (!store) return EXIT.input;
  // Each new version is audited, as the portal's and the API's uploads are, so the portal
  // shows its findings at once rather than 未核查.
  const audit = options.audit ? await auditOptions(io) : undefined;
  let code: number = EXIT.ok;
  try {
    for (const file of files) {
      const name = shownName(file);
      const bar = progressBar(io, `导入 ${name}`);
      try {
        const list = await importFile(file, { ...(options.from ? { from: options.from } : {}), map: options.map ?? {}, onProgress: bar.update });
        bar.stop();
        const damaged = list.findings.filter((f) => f.severity !== 'info' && f.ruleId.startsWith('ingest/'));
        if (options.strict && damaged.length > 0) {
          io.stderr.write(`错误：${name}：有 ${damaged.length} 处损坏的记录（--strict），整个文件未导入：\n`);
          for (const f of damaged) {
            const where = placeText(f.place, { file: false });
            io.stderr.write(`  ${where ? `${where} ` : ''}${f.message}\n`);
          }
          code = Math.max(code, EXIT.findings);
          continue;
        }
        const { outcome, auditFindings, auditError } = await publishList(store, list, { ...(options.list === undefined ? {} : { listKey: options.list }), ...(audit ? { audit } : {}) });
        const audited = auditFindings ? `；核查：错误 ${auditFindings.error} 条，警告 ${auditFindings.warning} 条，提示 ${auditFindings.info} 条` : '';
        await write(io.stdout, `${name}：${OUTCOME[outcome.status]}（清单 ${outcome.listId}「${outcome.key}」，第 ${outcome.versionNo} 版，${outcome.items} 项）${audited}\n`);
        // Asked to audit (the default) but without a library: the file still goes in, and the exit
        // code says a version is left unaudited (not one the store had and had audited already).
        if (options.audit && !audit) {
          const stored = await store.getList(outcome.listId);
          if (stored?.latestVersionId === outcome.versionId && stored.auditedAt === null) code = Math.max(code, EXIT.input);
        }
        // The version is stored either way; a script must still learn that it was not audited.
        if (auditError !== null) {
          io.stderr.write(`错误：${name}：已导入，但核查未完成：${auditError}（再次导入同一文件即重新核查）\n`);
          code = Math.max(code, EXIT.input);
        }
      } catch (error) {
        bar.stop();
        code = Math.max(code, reportStoreOrImportError(io, name, error));
      }
    }
  } finally {
    await store.close();
  }
  return code;
}

/** The law library and today's date (Beijing) to audit with; undefined, having said why, when the library cannot be read. */
async function auditOptions(io: Io): Promise<AuditOptions | undefined> {
  const [{ loadLibrary }, { systemClock, todayOf }] = await Promise.all([import('../law-library.js'), import('../../workflow/index.js')]);
  const library = await loadLibrary(io);
  return library ? { library, today: todayOf(systemClock) } : undefined;
}

/** --strict and --no-audit say how a file goes into a database; without --db they would do nothing. */
function dbOnlyProblem(options: ImportCommandOptions): string | null {
  if (options.db !== undefined) return null;
  if (options.strict) return '--strict 只能与 --db 一起使用（它决定有损坏记录的文件是否导入数据库）';
  if (!options.audit) return '--no-audit 只能与 --db 一起使用（不导入数据库时不核查）';
  return null;
}

function listOptionProblem(key: string, toStore: boolean): string | null {
  if (!toStore) return '--list 只能与 --db 一起使用（它指定导入数据库时归入哪个清单）';
  // The store's own check, before any file is read: a key that normalises to nothing names no list.
  try {
    chosenListKey(key);
    return null;
  } catch (error) {
    if (isStoreError(error)) return `--list：${error.message}`;
    throw error;
  }
}

export function importCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('import')
    .description('把清单文件导入为统一数据模型，输出 JSON 或 NDJSON')
    .argument('<files...>', '清单文件')
    .option('--from <format>', '指定输入格式，跳过自动识别', parseFrom)
    .option('--format <format>', '输出格式：json 或 ndjson', oneOf(OUTPUT_FORMATS, '--format'), 'json')
    .option('-o, --output <file>', '写入文件而不是标准输出')
    .option('--map <列名=字段>', '纠正表头映射（可重复）', collectMap)
    .option('--jobs <n>', `与 --format ndjson 一起使用：大文件的解析线程数（默认 ${DEFAULT_JOBS}；1 为单线程；每个线程约多占 20 MB 内存）`, positiveInt, DEFAULT_JOBS)
    .option('--db [url]', '导入数据库而不是输出：SQLite 文件路径或 postgres://…（不写则为内置数据库）；每个文件一个事务')
    .option('--strict', '与 --db 一起使用：文件中有任何损坏的记录则整个文件不导入')
    .option('--no-audit', '与 --db 一起使用：导入后不核查新版本（默认按今天施行的法规核查并保存发现，与网站上传相同）')
    .option('--list <清单键>', '与 --db 一起使用：导入为这个清单的新版本（默认按部门、标题或文件名自动归入清单；同一部门的两份不同清单请各给一个键）')
    .action(async (files: string[], options: ImportCommandOptions) => {
      const problem = dbOnlyProblem(options) ?? (options.list === undefined ? null : listOptionProblem(options.list, options.db !== undefined));
      if (problem) {
        io.stderr.write(`错误：${problem}\n`);
        setExit(EXIT.usage);
        return;
      }
      if (options.db !== undefined) {
        setExit(await importToStore(io, files, options));
        return;
      }
      const output = options.output ? await openOutput(options.output) : null;
      const out: Writable = output?.stream ?? io.stdout;
      let code: number = EXIT.ok;
      if (options.format === 'json' && files.length > 1) await write(out, '[\n');
      for (const [index, file] of files.entries()) {
        const bar = progressBar(io, `导入 ${file}`);
        try {
          const fileCode = await emitList(out, file, options, index, files.length, bar.update);
          code = Math.max(code, fileCode);
        } catch (error) {
          // The output failing (a full disk) is not this file's fault, and every file after it would fail the same way.
          const failed = output?.failureOf(error);
          if (failed) throw failed;
          code = Math.max(code, reportImportError(io, error));
        } finally {
          bar.stop();
        }
      }
      if (options.format === 'json' && files.length > 1) await write(out, '\n]\n');
      await output?.close();
      setExit(code);
    });
}

async function emitList(
  out: Writable,
  file: string,
  options: ImportCommandOptions,
  index: number,
  count: number,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const importOptions = { ...(options.from ? { from: options.from } : {}), map: options.map ?? {}, onProgress };
  if (options.format === 'ndjson') {
    const lines = importNdjson(file, { ...importOptions, jobs: options.jobs });
    let step = await lines.next();
    for (; !step.done; step = await lines.next()) await write(out, step.value);
    return step.value.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
  }
  const list = await importFile(file, importOptions);
  await write(out, `${index > 0 ? ',\n' : ''}${JSON.stringify(list, null, count > 1 ? undefined : 2)}${count > 1 ? '' : '\n'}`);
  return list.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
