import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { toBpmnXml } from '../../export/bpmn/index.js';
import { processSvg } from '../../export/svg/index.js';
import { importFile, isImportError } from '../../ingest/index.js';
import { parseJsonText } from '../../json/index.js';
import type { PowerList } from '../../model/index.js';
import { defaultDatabaseUrl, isStoreError, openStore } from '../../store/index.js';
import { findCalendarDir, isCalendarError, isIsoDate, loadCalendar } from '../../workflow/calendar/index.js';
import {
  CaseError,
  type CaseStore,
  type CaseView,
  caseListText,
  caseText,
  isCaseError,
  openCaseForFileItem,
  openCaseForItem,
  openCaseForSheet,
  openCaseStore,
  PARTY_KIND_CHOICES,
  PARTY_KINDS,
  type Party,
  PartyInput,
  sourceKey,
  systemClock,
  todayOf,
} from '../../workflow/cases/index.js';
import { isPeriodError } from '../../workflow/periods/index.js';
import { definitionsOfList, deriveFromItem, deriveFromSheet, isProcessError, type ProcessDefinition, validateDefinition } from '../../workflow/process/index.js';
import { EXIT, type Io, write } from '../io.js';
import { missingDatabase } from '../open-store.js';
import { writeOutput } from '../output.js';
import { oneOf } from '../options.js';
import { importErrorText } from '../report-error.js';

type Db = string | true | undefined;
/** Where a command finds its cases and processes. */
interface Stored {
  db?: string | true;
  calendar?: string;
}

interface Common extends Stored {
  format: 'text' | 'json';
}

const isoDate = (value: string) => {
  if (!isIsoDate(value)) throw new InvalidArgumentError(`应为 YYYY-MM-DD 日期，收到“${value}”`);
  return value;
};
const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`应为正整数，收到“${value}”`);
  return n;
};

interface PartyOptions {
  party?: string;
  partyKind?: Party['kind'];
  partyContact?: string;
}

/** The option each field of a party comes from, to name it in an error. */
const PARTY_OPTIONS: Readonly<Record<string, string>> = { name: '--party', kind: '--party-kind', contact: '--party-contact' };

/** The party `case open` records, checked by the same schema the API's 立案 uses; none without --party. */
function partyOf(o: PartyOptions): Party | undefined {
  if (o.party === undefined) {
    if (o.partyKind !== undefined || o.partyContact !== undefined) throw new InvalidArgumentError('--party-kind 和 --party-contact 须与 --party（申请人或当事人的名称）一起给出');
    return undefined;
  }
  if (o.partyKind === undefined) {
    throw new InvalidArgumentError(`给出 --party 时须用 --party-kind 指明类别：${PARTY_KIND_CHOICES}`);
  }
  const input = { name: o.party, kind: o.partyKind, ...(o.partyContact !== undefined ? { contact: o.partyContact } : {}) };
  const parsed = PartyInput.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InvalidArgumentError(parsed.error.issues.map((i) => `${PARTY_OPTIONS[String(i.path[0])] ?? '--party'}：${i.message}`).join('；'));
}

const dbUrl = (db: Db) => (typeof db === 'string' ? db : defaultDatabaseUrl());

/**
 * Runs `fn` on the case store. A command that only reads (`access: 'read'`) refuses a
 * database file that does not exist: opening would create it empty and answer 没有案件.
 */
async function withCases<T>(options: Stored, fn: (cases: CaseStore) => Promise<T>, access: 'read' | 'write' = 'write'): Promise<T> {
  const missing = access === 'read' ? missingDatabase(typeof options.db === 'string' ? options.db : undefined) : null;
  if (missing) throw new CaseError('connect-failed', missing);
  const dir = options.calendar ?? findCalendarDir();
  if (!dir) throw new InvalidArgumentError('找不到工作日历目录 data/calendar，请用 --calendar 指定');
  const cases = await openCaseStore(dbUrl(options.db), { calendar: await loadCalendar(dir), clock: systemClock });
  try {
    return await fn(cases);
  } finally {
    await cases.disconnect();
  }
}

/** Runs a command body, printing domain errors in Chinese with the exit code they mean. */
function runner(io: Io, setExit: (code: number) => void) {
  return async (body: () => Promise<void>) => {
    try {
      await body();
      setExit(EXIT.ok);
    } catch (error) {
      if (isCaseError(error) && (error.code === 'connect-failed' || error.code === 'migration-failed')) {
        io.stderr.write(`错误：${error.message}\n`);
        return setExit(EXIT.input);
      }
      if (isImportError(error) || isStoreError(error)) {
        io.stderr.write(`错误：${isImportError(error) ? importErrorText(error) : error.message}\n`);
        return setExit(EXIT.input);
      }
      if (isCaseError(error) || isProcessError(error) || isPeriodError(error) || isCalendarError(error) || error instanceof InvalidArgumentError) {
        io.stderr.write(`错误：${error.message}\n`);
        return setExit(EXIT.usage);
      }
      throw error;
    }
  };
}

function stored(cmd: Command): Command {
  return cmd
    .option('--db [url]', '数据库：SQLite 文件路径或 postgres://…（不写则为默认数据库）')
    .option('--calendar <目录>', '工作日历目录（默认内置 data/calendar）');
}

function common(cmd: Command): Command {
  return stored(cmd).option('--format <format>', '输出格式：text 或 json', oneOf(['text', 'json'] as const, '--format'), 'text');
}

async function printView(io: Io, cases: CaseStore, view: CaseView, format: 'text' | 'json', withEvents = false): Promise<void> {
  const events = withEvents ? await cases.caseEvents(view.state.id) : [];
  if (format === 'json') return write(io.stdout, `${JSON.stringify(withEvents ? { ...view, events } : view, null, 2)}\n`);
  return write(io.stdout, caseText(view, todayOf(cases.clock), cases.calendar, events));
}

/** 1-based --item / --sheet choice in an imported file, or the only flowchart when there is one and no item. */
function pickInFile(list: PowerList, item?: number, sheet?: number): { kind: 'item' | 'sheet'; index: number } {
  if (item !== undefined && sheet !== undefined) throw new InvalidArgumentError('--item 和 --sheet 只能给一个');
  if (item !== undefined) return { kind: 'item', index: item - 1 };
  if (sheet !== undefined) return { kind: 'sheet', index: sheet - 1 };
  if (list.items.length === 0 && list.processSheets.length === 1) return { kind: 'sheet', index: 0 };
  throw new InvalidArgumentError(`文件中有 ${list.items.length} 个事项、${list.processSheets.length} 张流程图，请用 --item <序号> 或 --sheet <序号> 指定`);
}

/** `quanze case …`: open, advance, pause, resume, extend, close, attach, list and show cases. */
export function caseCommand(io: Io, setExit: (code: number) => void): Command {
  const run = runner(io, setExit);
  const cmd = new Command('case')
    .description('办理案件：立案、推进、暂停、恢复、延长、办结、附加文书和查询（期限按工作日历计算，事件以 SM3 链记录）');

  common(cmd.command('open').description('为事项立案（清单库中的事项编号，或 --file 中的事项/流程图，或已保存的流程 --process）'))
    .argument('[itemId]', '清单库中的事项编号')
    .option('--file <path>', '从清单文件立案（不经清单库）')
    .option('--item <n>', '文件中的第 n 个事项', positiveInt)
    .option('--sheet <n>', '文件中的第 n 张流程图', positiveInt)
    .option('--process <id>', '按已保存的流程定义立案（如 P1）')
    .option('--on <date>', '立案（受理）日期，默认今天', isoDate)
    .option('--department <name>', '承办部门（默认取事项所属部门）')
    .option('--party <名称>', '申请人或当事人的姓名或名称（公开的页面和接口只显示遮盖后的名称，如 张**）')
    .option('--party-kind <类别>', `${PARTY_KIND_CHOICES}，给出 --party 时必填`, oneOf(PARTY_KINDS, '--party-kind'))
    .option('--party-contact <联系方式>', '申请人或当事人的联系电话或地址（只有工作人员可见）')
    .action((itemId: string | undefined, o: Common & PartyOptions & { file?: string; item?: number; sheet?: number; process?: string; on?: string; department?: string }) =>
      run(async () => {
        const chosen = [itemId, o.file, o.process].filter((x) => x !== undefined).length;
        if (chosen !== 1) throw new InvalidArgumentError('请给出事项编号、--file 或 --process 之一');
        const party = partyOf(o);
        const extra = { ...(o.on ? { on: o.on } : {}), ...(o.department ? { department: o.department } : {}), ...(party ? { party } : {}) };
        await withCases(o, async (cases) => {
          let view: CaseView;
          if (o.process) view = await cases.openCase({ processId: o.process, ...extra });
          else if (o.file) {
            const list = await importFile(o.file);
            const pick = pickInFile(list, o.item, o.sheet);
            view = pick.kind === 'item' ? await openCaseForFileItem(cases, list, pick.index, extra) : await openCaseForSheet(cases, list, pick.index, extra);
          } else {
            const store = await openStore(dbUrl(o.db));
            try {
              const record = await store.getItem(itemId as string);
              if (!record) throw new InvalidArgumentError(`清单库中没有编号为 ${itemId} 的事项`);
              view = await openCaseForItem(cases, record, extra);
            } finally {
              await store.close();
            }
          }
          await printView(io, cases, view, o.format);
        });
      }),
    );

  const act = (name: string, description: string, configure: (c: Command) => Command, apply: (cases: CaseStore, id: string, o: Record<string, unknown>, rest: string[]) => Promise<CaseView>) => {
    configure(common(cmd.command(name).description(description)).argument('<caseId>', '案件编号，如 2025-00001'))
      .option('--on <date>', '办理日期，默认今天', isoDate)
      .action((id: string, ...rest: unknown[]) => {
        // Commander passes the arguments, then the options, then the command.
        const o = rest[rest.length - 2] as Record<string, unknown>;
        const args = rest.filter((r) => typeof r === 'string') as string[];
        return run(() => withCases(o as unknown as Common, async (cases) => printView(io, cases, await apply(cases, id, o, args), (o as unknown as Common).format)));
      });
  };
  const on = (o: Record<string, unknown>) => (typeof o.on === 'string' ? { on: o.on } : {});

  act(
    'advance',
    '完成当前环节，进入下一环节（环节所列文书须已附加）',
    (c) => c.option('--to <step>', '要进入的环节（编号或名称），有多个去向时必须指定').option('--force <理由>', '文书未齐或不按连线推进时，说明理由后继续'),
    (cases, id, o) => cases.advance(id, { ...on(o), ...(o.to ? { to: String(o.to) } : {}), ...(o.force ? { force: String(o.force) } : {}) }),
  );
  act(
    'pause',
    '暂停计时（听证、检验、鉴定、专家评审、补正等不计入期限的时间）',
    (c) => c.option('--kind <事由>', '补正、听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审、中止（默认）、重新计算').option('--note <说明>', '说明'),
    (cases, id, o) => cases.pause(id, { ...on(o), ...(o.kind ? { kind: String(o.kind) } : {}), ...(o.note ? { note: String(o.note) } : {}) }),
  );
  act('resume', '恢复计时，并按暂停的天数重新计算期限', (c) => c, (cases, id, o) => cases.resume(id, on(o)));
  act(
    'extend',
    '经批准延长法定期限',
    (c) =>
      c
        .requiredOption('--amount <n>', '延长的期限', positiveInt)
        .option('--unit <单位>', 'workday、day 或 month（默认同法定时限）', oneOf(['workday', 'day', 'month'] as const, '--unit'))
        .option('--approved-by <批准人>', '批准人')
        .option('--note <说明>', '说明'),
    (cases, id, o) =>
      cases.extend(id, {
        ...on(o),
        amount: o.amount as number,
        ...(o.unit ? { unit: o.unit as 'workday' } : {}),
        ...(o.approvedBy ? { approvedBy: String(o.approvedBy) } : {}),
        ...(o.note ? { note: String(o.note) } : {}),
      }),
  );
  act('close', '办结案件', (c) => c.option('--outcome <结果>', '办理结果，如 准予许可、不予处罚'), (cases, id, o) => cases.close(id, { ...on(o), ...(o.outcome ? { outcome: String(o.outcome) } : {}) }));
  act(
    'attach',
    '为环节附加文书（记录文件的 SHA-256，不保存文件本身）',
    (c) => c.argument('<文书名称>', '如 立案审批表 或《立案审批表》').option('--file <path>', '文书文件').option('--step <step>', '环节（默认当前环节）'),
    async (cases, id, o, [name]) => {
      const file = typeof o.file === 'string' ? await readFile(o.file) : undefined;
      return cases.attach(id, {
        ...on(o),
        name: name as string,
        ...(o.step ? { step: String(o.step) } : {}),
        ...(file ? { fileName: basename(o.file as string), sha256: createHash('sha256').update(file).digest('hex'), bytes: file.length } : {}),
      });
    },
  );

  common(cmd.command('show').description('显示案件的期限、环节和事件记录'))
    .argument('<caseId>', '案件编号')
    .action((id: string, o: Common) =>
      run(() =>
        withCases(o, async (cases) => {
          const view = await cases.getCase(id);
          if (!view) throw new InvalidArgumentError(`没有编号为 ${id} 的案件`);
          await printView(io, cases, view, o.format, true);
        }, 'read'),
      ),
    );

  common(cmd.command('list').description('列出案件；--overdue 已超期，--at-risk 临近期限（按数据库中保存的期限查询）'))
    .option('--overdue', '只列已超期的')
    .option('--at-risk', '只列临近期限的')
    .option('--at-risk-days <n>', '几个工作日内到期算临近期限（默认 2）', positiveInt)
    .option('--status <status>', 'open、paused 或 closed', oneOf(['open', 'paused', 'closed'] as const, '--status'))
    .option('--department <name>', '部门')
    .option('--today <date>', '以该日为今天（默认今天）', isoDate)
    .option('--limit <n>', '最多列出几件（默认 50）', positiveInt)
    .action((o: Common & { overdue?: boolean; atRisk?: boolean; atRiskDays?: number; status?: 'open'; department?: string; today?: string; limit?: number }) =>
      run(async () => {
        if (o.overdue && o.atRisk) throw new InvalidArgumentError('--overdue 和 --at-risk 只能给一个');
        await withCases(o, async (cases) => {
          const page = await cases.listCases({
            ...(o.overdue ? { filter: 'overdue' as const } : o.atRisk ? { filter: 'at-risk' as const } : {}),
            ...(o.atRiskDays ? { atRiskDays: o.atRiskDays } : {}),
            ...(o.status ? { status: o.status } : {}),
            ...(o.department ? { department: o.department } : {}),
            ...(o.today ? { today: o.today } : {}),
            ...(o.limit ? { limit: o.limit } : {}),
          });
          await write(io.stdout, o.format === 'json' ? `${JSON.stringify(page, null, 2)}\n` : caseListText(page, cases.calendar));
        }, 'read');
      }),
    );
  return cmd;
}

/** The definition `process export` means: a stored one (P…), one from a file, or a stored item's. */
async function definitionFor(target: string, o: Stored & { item?: number; sheet?: number }): Promise<ProcessDefinition> {
  if (existsSync(target)) {
    const list = await importFile(target);
    const pick = pickInFile(list, o.item, o.sheet);
    const dept = list.department ? { department: list.department } : {};
    if (pick.kind === 'sheet') {
      const sheet = list.processSheets[pick.index];
      if (!sheet) throw new InvalidArgumentError(`文件中没有第${pick.index + 1}张流程图`);
      return deriveFromSheet(sheet, { index: pick.index, file: list.source.file, ...dept });
    }
    const item = list.items[pick.index];
    if (!item) throw new InvalidArgumentError(`文件中没有第${pick.index + 1}个事项`);
    return deriveFromItem(item, { file: list.source.file, ...dept });
  }
  return withCases(o, async (cases) => {
    if (/^P\d+$/.test(target)) {
      const stored = await cases.getProcess(target);
      if (!stored) throw new InvalidArgumentError(`没有编号为 ${target} 的流程定义`);
      return stored.definition;
    }
    const saved = await cases.processForItem(target);
    if (saved) return saved.definition;
    const store = await openStore(dbUrl(o.db));
    try {
      const record = await store.getItem(target);
      if (!record) throw new InvalidArgumentError(`“${target}”既不是文件，也不是清单库中的事项编号或流程编号`);
      return deriveFromItem(record.item, { itemRef: record.id, ...(record.department ? { department: record.department } : {}) });
    } finally {
      await store.close();
    }
  }, 'read');
}

/** `quanze process …`: export a process as BPMN, SVG or JSON; import a file's processes; save an edited definition. */
export function processCommand(io: Io, setExit: (code: number) => void): Command {
  const run = runner(io, setExit);
  const cmd = new Command('process')
    .description('流程定义：由责任事项或流程图生成，导出为 BPMN 2.0、SVG 或 JSON，编辑后保存');

  // export's format is --to; import and save print one line a process, as text only.
  stored(cmd.command('export').description('导出流程定义'))
    .argument('<target>', '事项编号、流程编号（P1）或清单文件')
    .requiredOption('--to <format>', 'bpmn、svg 或 json', oneOf(['bpmn', 'svg', 'json'] as const, '--to'))
    .option('--item <n>', '文件中的第 n 个事项', positiveInt)
    .option('--sheet <n>', '文件中的第 n 张流程图', positiveInt)
    .option('--out <file>', '写入文件而不是标准输出')
    .action((target: string, o: Stored & { to: 'bpmn' | 'svg' | 'json'; item?: number; sheet?: number; out?: string }) =>
      run(async () => {
        const def = await definitionFor(target, o);
        const text = o.to === 'bpmn' ? await toBpmnXml(def) : o.to === 'svg' ? `${await processSvg(def)}\n` : `${JSON.stringify(def, null, 2)}\n`;
        if (o.out) {
          await writeOutput(o.out, text);
          io.stderr.write(`已写入 ${o.out}\n`);
        } else await write(io.stdout, text);
      }),
    );

  stored(cmd.command('import').description('为文件中的每个事项和流程图生成流程定义并保存'))
    .argument('<file>', '清单文件')
    .action((file: string, o: Stored) =>
      run(async () => {
        const list = await importFile(file);
        const derived = definitionsOfList(list);
        await withCases(o, async (cases) => {
          let itemNo = 0;
          let sheetNo = 0;
          for (const d of derived) {
            if (!d.ok) {
              io.stderr.write(`未生成：${d.origin}：${d.error}\n`);
              continue;
            }
            const key = d.definition.source.kind === 'flowchart' ? sourceKey(list, 'sheet', sheetNo++) : sourceKey(list, 'item', itemNo++);
            const { process, status } = await cases.saveProcess(d.definition, { itemRef: key });
            const word = status === 'created' ? '新建' : status === 'new-version' ? `更新为第${process.version}版` : '未变';
            await write(io.stdout, `${process.id}  ${word}  ${d.origin}（${process.definition.steps.length} 个环节）\n`);
          }
        });
      }),
    );

  stored(cmd.command('save').description('校验并保存编辑过的流程定义 JSON（同一编号则为新版本）'))
    .argument('<json>', '流程定义 JSON 文件')
    .option('--id <id>', '作为该流程（如 P1）的新版本保存')
    .action((file: string, o: Stored & { id?: string }) =>
      run(async () => {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch {
          throw new InvalidArgumentError(`无法读取 ${file}（不存在或没有权限）`);
        }
        const parsed = parseJsonText(text);
        if (!parsed.ok) throw new InvalidArgumentError(`${file}：${parsed.message}`);
        const definition = validateDefinition(parsed.value);
        await withCases(o, async (cases) => {
          const { process, status } = await cases.saveProcess(definition, o.id ? { id: o.id } : {});
          await write(io.stdout, `${process.id} 第${process.version}版：${status === 'unchanged' ? '内容未变' : '已保存'}（${process.definition.name}）\n`);
        });
      }),
    );

  common(cmd.command('list').description('列出已保存的流程定义')).action((o: Common) =>
    run(() =>
      withCases(o, async (cases) => {
        const all = await cases.listProcesses();
        const text = o.format === 'json' ? `${JSON.stringify(all, null, 2)}\n` : all.map((p) => `${p.id}  第${p.version}版  ${p.name}${p.itemRef ? `  （${p.itemRef}）` : ''}`).join('\n') + (all.length > 0 ? '\n' : '没有流程定义。\n');
        await write(io.stdout, text);
      }, 'read'),
    ),
  );
  return cmd;
}
