import { type ChainedEvent, type ChainReport, canonicalJson, type ExpectedHead, sm3Hex, verifyChain } from '../audit-log/index.js';
import { readHead, readLog } from './db/log.js';
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

interface Replay {
  states: Map<string, CaseState>;
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
    if (event.kind === 'opened') acc.snapshots.set(event.caseId, String(data.snapshotSm3));
  } catch (error) {
    acc.problems.push(`第${event.seq}条事件无法重放：${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Checks the log's hash chain against its recorded head (or one kept elsewhere), then
 * rebuilds every case from its events and compares it, its item snapshot and every stored
 * definition with what the database holds: an edit to a projection row is caught too.
 */
export async function verifyStore(db: WorkflowDb, expectHead?: ExpectedHead): Promise<VerifyReport> {
  const acc: Replay = { states: new Map(), snapshots: new Map(), processes: new Map(), problems: [] };
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
    const rows = await db.selectFrom('case').select(['id', 'state', 'snapshot']).orderBy('id').execute();
    const seen = new Set<string>();
    for (const row of rows) {
      cases += 1;
      seen.add(row.id);
      const replayed = acc.states.get(row.id);
      if (!replayed) {
        mismatches.push(`案件 ${row.id} 在事件记录中没有立案事件`);
        continue;
      }
      if (canonicalJson(JSON.parse(row.state)) !== canonicalJson(replayed)) mismatches.push(`案件 ${row.id} 的当前状态与事件记录不符（被直接修改）`);
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
