import { type ChainedEvent, type ChainReport, canonicalJson, type ExpectedHead, sm3Hex, verifyChain } from '../audit-log/index.js';
import { readHead, readLog } from './db/log.js';
import { caseColumns } from './db/projection.js';
import type { WorkflowDb } from './db/tables.js';
import { applyEvent, type CaseEvent } from './events.js';
import type { CaseState } from './state.js';

export interface VerifyReport extends ChainReport {
  /** Stored cases or definitions that differ from what the log says (only checked on an intact chain). */
  readonly mismatches: readonly string[];
  /** Cases checked against their replayed events. */
  readonly cases: number;
  readonly processes: number;
}

/**
 * Every column of the case row rebuilt from the log, named for the report. Typed on
 * `caseColumns`, so a column added to the projection fails to compile until it is named here.
 */
type ProjectedColumn = Exclude<keyof ReturnType<typeof caseColumns>, 'state'> | 'opened_at';
const COLUMN_NAMES: Readonly<Record<ProjectedColumn, string>> = {
  item_ref: '事项编号',
  process_id: '流程编号',
  process_version: '流程版本',
  department: '承办部门',
  title: '标题',
  status: '状态',
  opened_on: '立案日期',
  opened_at: '立案时间',
  current_step: '当前环节',
  current_step_name: '当前环节名称',
  due_date: '最近期限',
  due_kind: '期限类别',
  statutory_due: '法定期限',
  promised_due: '承诺期限',
  paused_since: '暂停起始日',
  closed_on: '办结日期',
  on_time: '是否按期办结',
  party_name: '申请人或当事人名称',
  party_kind: '申请人或当事人类别',
  party_contact: '申请人或当事人联系方式',
  last_seq: '最后事件序号',
  updated_at: '更新时间',
};
const PROJECTED = Object.keys(COLUMN_NAMES) as ProjectedColumn[];

/**
 * Columns holding a party's name or contact: the report, which GET /api/audit/verify gives
 * anyone, names the column but not what it or the log holds.
 */
const PERSONAL: ReadonlySet<ProjectedColumn> = new Set(['party_name', 'party_contact']);

/** Drivers return integers as numbers or strings; compare as text, keeping null apart. */
const norm = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const shown = (v: string | null): string => (v === null ? '空' : `“${v}”`);

/** The first column of a stored case row that differs from the row its replayed events give. */
function firstColumnMismatch(row: Record<ProjectedColumn, unknown>, state: CaseState, stamps: Stamps): string | null {
  const expected: Record<ProjectedColumn, unknown> = { ...caseColumns(state, stamps.lastAt), opened_at: stamps.openedAt };
  for (const column of PROJECTED) {
    const want = norm(expected[column]);
    const got = norm(row[column]);
    if (want === got) continue;
    const values = PERSONAL.has(column) ? '；内容属个人信息，报告中不显示' : `：库中为${shown(got)}，按事件应为${shown(want)}`;
    return `案件 ${state.id} 的“${COLUMN_NAMES[column]}”（${column}）与事件记录不符（被直接修改）${values}`;
  }
  return null;
}

/** The stored state JSON in canonical form; text that is not JSON at all simply differs. */
function storedState(text: string): string | null {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return null;
  }
}

/** When a case was opened and last written: the opening and last events' instants. */
interface Stamps {
  openedAt: string;
  lastAt: string;
}

interface Replay {
  states: Map<string, CaseState>;
  stamps: Map<string, Stamps>;
  snapshots: Map<string, string>;
  processes: Map<string, string>;
  problems: string[];
}

function replay(acc: Replay, event: ChainedEvent): void {
  const data = JSON.parse(event.data) as Record<string, unknown>;
  if (event.kind === 'process-saved') {
    acc.processes.set(`${data.processId}@${data.version}`, String(data.sm3));
    return;
  }
  if (!event.caseId) {
    acc.problems.push(`第${event.seq}条事件（${event.kind}）没有案件编号`);
    return;
  }
  try {
    const state = applyEvent(acc.states.get(event.caseId) ?? null, event.caseId, event.seq, { kind: event.kind, data } as CaseEvent);
    acc.states.set(event.caseId, state);
    acc.stamps.set(event.caseId, { openedAt: acc.stamps.get(event.caseId)?.openedAt ?? event.at, lastAt: event.at });
    if (event.kind === 'opened') acc.snapshots.set(event.caseId, String(data.snapshotSm3));
  } catch (error) {
    acc.problems.push(`第${event.seq}条事件无法重放：${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Checks the log's hash chain against its recorded head (or one kept elsewhere), then
 * rebuilds every case from its events and compares what the database holds with it: the
 * state JSON, every column of the case row the lists and dashboard read (title, status,
 * due and closing dates, on-time …), the item snapshot's digest, and every stored definition.
 * A row edited behind the log's back is reported with its first differing column.
 */
export async function verifyStore(db: WorkflowDb, expectHead?: ExpectedHead): Promise<VerifyReport> {
  const acc: Replay = { states: new Map(), stamps: new Map(), snapshots: new Map(), processes: new Map(), problems: [] };
  async function* tee(): AsyncGenerator<ChainedEvent> {
    for await (const event of readLog(db)) {
      yield event;
      replay(acc, event);
    }
  }
  const head = expectHead ?? (await readHead(db));
  const chain = await verifyChain(tee(), head);
  let cases = 0;
  let processes = 0;
  if (chain.ok) {
    const mismatches = acc.problems;
    const rows = await db.selectFrom('case').selectAll().orderBy('id').execute();
    const seen = new Set<string>();
    for (const row of rows) {
      cases += 1;
      seen.add(row.id);
      const replayed = acc.states.get(row.id);
      if (!replayed) {
        mismatches.push(`案件 ${row.id} 在事件记录中没有立案事件`);
        continue;
      }
      if (storedState(row.state) !== canonicalJson(replayed)) mismatches.push(`案件 ${row.id} 的当前状态与事件记录不符（被直接修改）`);
      const column = firstColumnMismatch(row, replayed, acc.stamps.get(row.id) as Stamps);
      if (column) mismatches.push(column);
      if (sm3Hex(row.snapshot) !== acc.snapshots.get(row.id)) mismatches.push(`案件 ${row.id} 的事项快照与立案时记录的摘要不符`);
    }
    for (const id of acc.states.keys()) if (!seen.has(id)) mismatches.push(`案件 ${id} 有事件记录，但案件已从数据库中删除`);
    const defs = await db.selectFrom('process_definition').select(['id', 'version', 'json']).execute();
    const seenDefs = new Set<string>();
    for (const def of defs) {
      processes += 1;
      const key = `${def.id}@${Number(def.version)}`;
      seenDefs.add(key);
      const recorded = acc.processes.get(key);
      if (!recorded) mismatches.push(`流程定义 ${def.id} 第${def.version}版没有保存记录`);
      else if (recorded !== sm3Hex(def.json)) mismatches.push(`流程定义 ${def.id} 第${def.version}版的内容与保存时记录的摘要不符`);
    }
    for (const key of acc.processes.keys()) if (!seenDefs.has(key)) mismatches.push(`流程定义 ${key.replace('@', ' 第')}版有保存记录，但已被删除`);
    return { ...chain, ok: mismatches.length === 0, mismatches, cases, processes };
  }
  return { ...chain, mismatches: [], cases, processes };
}
