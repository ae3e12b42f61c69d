import type { ChainedEvent, ExpectedHead } from '../audit-log/index.js';
import { canonicalJson, sm3Hex } from '../audit-log/index.js';
import { type Calendar, findCalendarDir, type IsoDate, loadCalendar } from '../calendar/index.js';
import { isPeriodError } from '../periods/index.js';
import type { ProcessDefinition } from '../process/index.js';
import { type Clock, systemClock, todayOf } from './clock.js';
import * as commands from './commands.js';
import { connect, type WorkflowDialect, type WriteQueue } from './db/connect.js';
import { appendEvent, type Head, lockHead, saveHead, type Trx, toChained } from './db/log.js';
import { migrateWorkflow } from './db/migrations.js';
import { getProcessRow, latestForItem, listProcesses, type ProcessSummary, type SaveOutcome, type StoredProcess, saveProcess, toStored } from './db/processes.js';
import { type CaseRow, writeCase } from './db/projection.js';
import { type CaseFilter, type CaseSummary, caseStats, type DepartmentCounts, listCases, type MonthOnTime, toSummary } from './db/queries.js';
import { databaseSignOuts, type SignOutLog } from './db/sign-outs.js';
import type { WorkflowDb } from './db/tables.js';
import { CaseError } from './errors.js';
import { applyEvent, type CaseEvent } from './events.js';
import type { Party } from './party.js';
import { ItemSnapshot, snapshotOfDefinition } from './snapshot.js';
import type { CaseState, CaseStatus } from './state.js';
import { type VerifyReport, verifyStore } from './verify.js';

/** How far list queries count their matches; the dashboard's totals (stats) are always exact. */
export const COUNT_CAP = 10_000;

export interface CaseStoreOptions {
  /** The working-day calendar; the bundled data/calendar by default. */
  calendar?: Calendar;
  clock?: Clock;
  /** A case is at risk when due within this many working days (default 2). */
  atRiskDays?: number;
  /** How far list queries count (default COUNT_CAP). */
  countCap?: number;
}

export interface OpenCaseInput {
  processId: string;
  /** The latest version by default. */
  processVersion?: number;
  /** What the case keeps of its item; built from the definition when absent. */
  snapshot?: ItemSnapshot;
  itemRef?: string | null;
  department?: string;
  title?: string;
  on?: IsoDate;
  /** The applicant or party (申请人/当事人). */
  party?: Party;
}

export interface CaseView {
  summary: CaseSummary;
  state: CaseState;
  snapshot: ItemSnapshot;
  process: StoredProcess;
  /** What the period rules said about the last action (an extension beyond the maximum …). */
  warnings: string[];
}

export interface CaseQuery {
  status?: CaseStatus;
  department?: string;
  itemRef?: string;
  filter?: CaseFilter;
  today?: IsoDate;
  atRiskDays?: number;
  limit?: number;
  offset?: number;
}

export interface CasePage {
  items: CaseSummary[];
  /** Matching cases; a lower bound when `totalExact` is false. */
  total: number;
  /** False when more than COUNT_CAP cases match and counting stopped there. */
  totalExact: boolean;
  limit: number;
  offset: number;
  today: IsoDate;
  /** The last day counted as "at risk". */
  cutoff: IsoDate;
}

export interface CaseStats {
  today: IsoDate;
  atRiskDays: number;
  cutoff: IsoDate;
  departments: DepartmentCounts[];
  totals: Omit<DepartmentCounts, 'department'> & { promisedOverdue: number };
  months: MonthOnTime[];
}

export interface CaseStore {
  readonly dialect: WorkflowDialect;
  readonly calendar: Calendar;
  readonly clock: Clock;
  readonly atRiskDays: number;
  /** Saves a definition validated at the edge (validateDefinition, the API's ProcessDefinition schema, or derived from a list). */
  saveProcess(definition: ProcessDefinition, options?: { id?: string; itemRef?: string | null }): Promise<SaveOutcome>;
  getProcess(id: string, version?: number): Promise<StoredProcess | null>;
  processForItem(itemRef: string): Promise<StoredProcess | null>;
  listProcesses(): Promise<ProcessSummary[]>;
  openCase(input: OpenCaseInput): Promise<CaseView>;
  advance(id: string, input?: commands.AdvanceInput): Promise<CaseView>;
  pause(id: string, input?: commands.PauseCommandInput): Promise<CaseView>;
  resume(id: string, input?: { on?: IsoDate }): Promise<CaseView>;
  extend(id: string, input: commands.ExtendInput): Promise<CaseView>;
  attach(id: string, input: commands.AttachInput): Promise<CaseView>;
  close(id: string, input?: commands.CloseInput): Promise<CaseView>;
  getCase(id: string): Promise<CaseView | null>;
  listCases(query?: CaseQuery): Promise<CasePage>;
  stats(today?: IsoDate): Promise<CaseStats>;
  /** A case's events, oldest first. */
  caseEvents(id: string): Promise<ChainedEvent[]>;
  /** Walks the whole log and checks every stored case and definition against it. */
  verify(options?: { expectHead?: ExpectedHead }): Promise<VerifyReport>;
  /**
   * Portal sessions signed out before they expire, kept beside the cases because the portal
   * offers sessions only where it runs cases: every process on this database, and this one
   * after a restart, refuses them.
   */
  readonly signOuts: SignOutLog;
  /** Closes the connection (not a case: see `close`). */
  disconnect(): Promise<void>;
}

/**
 * Opens the case store on a database URL (a SQLite path, ":memory:" or postgres://…) and
 * applies its migrations. Cases, their steps, deadlines and the hash-chained event log
 * live in the database: nothing is held in memory between calls, so a restarted process
 * carries on where the last one stopped.
 *
 * @example
 * const cases = await openCaseStore('.quanze/quanze.sqlite', { clock: systemClock });
 * const view = await cases.openCase({ processId: 'P1' });
 * await cases.advance(view.state.id);
 */
export async function openCaseStore(url: string, options: CaseStoreOptions = {}): Promise<CaseStore> {
  const calendar = options.calendar ?? (await bundledCalendar());
  const { db, dialect, queue } = await connect(url);
  try {
    await migrateWorkflow(db as never, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createCaseStore(db, dialect, queue, calendar, options.clock ?? systemClock, options.atRiskDays ?? 2, options.countCap ?? COUNT_CAP);
}

async function bundledCalendar(): Promise<Calendar> {
  const dir = findCalendarDir();
  if (!dir) throw new CaseError('invalid-input', '找不到工作日历目录 data/calendar');
  return loadCalendar(dir);
}

function createCaseStore(db: WorkflowDb, dialect: WorkflowDialect, queue: WriteQueue, calendar: Calendar, clock: Clock, atRiskDays: number, countCap: number): CaseStore {
  const definitions = new Map<string, StoredProcess>();

  async function processAt(db: WorkflowDb | Trx, id: string, version?: number): Promise<StoredProcess | null> {
    const cached = version !== undefined ? definitions.get(`${id}@${version}`) : undefined;
    if (cached) return cached;
    const row = await getProcessRow(db, id, version);
    if (!row) return null;
    const stored = toStored(row);
    definitions.set(`${id}@${stored.version}`, stored);
    return stored;
  }

  async function write<T>(fn: (trx: Trx, head: Head, at: string) => Promise<T>): Promise<T> {
    try {
      return await queue(() => db.transaction().execute(async (trx) => {
        const head = await lockHead(trx);
        const at = clock();
        const result = await fn(trx, head, at);
        await saveHead(trx, head);
        return result;
      }));
    } catch (error) {
      if (isPeriodError(error)) throw new CaseError('invalid-input', error.message, [...error.issues], { cause: error });
      throw error;
    }
  }

  async function loadCase(dbOrTrx: WorkflowDb | Trx, id: string): Promise<{ row: CaseRow; state: CaseState; process: StoredProcess } | null> {
    const row = await dbOrTrx.selectFrom('case').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const state = JSON.parse(row.state) as CaseState;
    const process = await processAt(dbOrTrx, state.processId, state.processVersion);
    if (!process) throw new CaseError('not-found', `案件 ${id} 的流程定义 ${state.processId} 第${state.processVersion}版不存在`);
    return { row, state, process };
  }

  function view(row: CaseRow, state: CaseState, process: StoredProcess, warnings: string[] = []): CaseView {
    return { summary: toSummary(row), state, snapshot: ItemSnapshot.parse(JSON.parse(row.snapshot)), process, warnings };
  }

  /** Runs a command on a case and records its event, the new state and its deadlines in one transaction. */
  function mutate(id: string, build: (state: CaseState, ctx: commands.CommandContext) => CaseEvent): Promise<CaseView> {
    return write(async (trx, head, at) => {
      const found = await loadCase(trx, id);
      if (!found) throw new CaseError('not-found', `没有编号为 ${id} 的案件`);
      const ctx = { def: found.process.definition, calendar, today: at.slice(0, 10) };
      const event = build(found.state, ctx);
      const chained = await appendEvent(trx, head, id, at, event.kind, event.data);
      const state = applyEvent(found.state, id, chained.seq, event);
      await writeCase(trx, state, at);
      const row = await trx.selectFrom('case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const warnings = event.kind === 'extended' ? (event.data.warnings ?? []) : [];
      return view(row, state, found.process, warnings);
    });
  }

  const today = (date?: IsoDate) => date ?? todayOf(clock);
  const cutoffOf = (date: IsoDate, days: number) => calendar.addWorkdays(date, days);

  return {
    dialect,
    calendar,
    clock,
    atRiskDays,
    saveProcess(definition, opts = {}) {
      return write((trx, head, at) => saveProcess(trx, head, at, definition, opts));
    },
    getProcess: (id, version) => processAt(db, id, version),
    async processForItem(itemRef) {
      const row = await latestForItem(db, itemRef);
      return row ? toStored(row) : null;
    },
    listProcesses: () => listProcesses(db),
    openCase(input) {
      return write(async (trx, head, at) => {
        const process = await processAt(trx, input.processId, input.processVersion);
        if (!process) throw new CaseError('not-found', `没有编号为 ${input.processId} 的流程定义`);
        const def: ProcessDefinition = process.definition;
        const itemRef = input.itemRef ?? input.snapshot?.itemRef ?? null;
        const snapshot = ItemSnapshot.parse(input.snapshot ?? snapshotOfDefinition(def, itemRef ?? undefined));
        const snapshotJson = canonicalJson(snapshot);
        const ctx = { def, calendar, today: at.slice(0, 10) };
        const on = input.on ?? ctx.today;
        const id = `${on.slice(0, 4)}-${String(head.nextCase++).padStart(5, '0')}`;
        const event = commands.openCommand(
          id,
          {
            itemRef,
            processId: process.id,
            processVersion: process.version,
            department: input.department?.trim() || snapshot.department || def.department || '未注明部门',
            title: input.title?.trim() || snapshot.name,
            snapshotSm3: sm3Hex(snapshotJson),
            on,
            ...(input.party !== undefined ? { party: input.party } : {}),
          },
          ctx,
        );
        const chained = await appendEvent(trx, head, id, at, event.kind, event.data);
        const state = applyEvent(null, id, chained.seq, event);
        await writeCase(trx, state, at, { snapshot: snapshotJson });
        const row = await trx.selectFrom('case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        return view(row, state, process);
      });
    },
    advance: (id, input = {}) => mutate(id, (state, ctx) => commands.advanceCommand(state, input, ctx)),
    pause: (id, input = {}) => mutate(id, (state, ctx) => commands.pauseCommand(state, input, ctx)),
    resume: (id, input = {}) => mutate(id, (state, ctx) => commands.resumeCommand(state, input, ctx)),
    extend: (id, input) => mutate(id, (state, ctx) => commands.extendCommand(state, input, ctx)),
    attach: (id, input) => mutate(id, (state, ctx) => commands.attachCommand(state, input, ctx)),
    close: (id, input = {}) => mutate(id, (state, ctx) => commands.closeCommand(state, input, ctx)),
    async getCase(id) {
      const found = await loadCase(db, id);
      return found ? view(found.row, found.state, found.process) : null;
    },
    async listCases(query = {}) {
      const day = today(query.today);
      const cutoff = cutoffOf(day, query.atRiskDays ?? atRiskDays);
      const limit = Math.min(Math.max(query.limit ?? 50, 1), 1000);
      const offset = Math.max(query.offset ?? 0, 0);
      const page = await listCases(db, {
        today: day,
        cutoff,
        limit,
        offset,
        countCap,
        ...(query.status ? { status: query.status } : {}),
        ...(query.department ? { department: query.department } : {}),
        ...(query.itemRef ? { itemRef: query.itemRef } : {}),
        ...(query.filter ? { filter: query.filter } : {}),
      });
      return { ...page, limit, offset, today: day, cutoff };
    },
    async stats(date) {
      const day = today(date);
      const cutoff = cutoffOf(day, atRiskDays);
      const { departments, months, promisedOverdue } = await caseStats(db, day, cutoff);
      const totals = { open: 0, paused: 0, closed: 0, overdue: 0, atRisk: 0, promisedOverdue };
      for (const d of departments) {
        totals.open += d.open;
        totals.paused += d.paused;
        totals.closed += d.closed;
        totals.overdue += d.overdue;
        totals.atRisk += d.atRisk;
      }
      return { today: day, atRiskDays, cutoff, departments, totals, months };
    },
    async caseEvents(id) {
      const rows = await db.selectFrom('case_event').selectAll().where('case_id', '=', id).orderBy('seq').execute();
      return rows.map(toChained);
    },
    verify: (opts = {}) => verifyStore(db, opts.expectHead),
    signOuts: databaseSignOuts(db, queue),
    disconnect: () => db.destroy(),
  };
}
