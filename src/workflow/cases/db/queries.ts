import { type ExpressionBuilder, sql } from 'kysely';
import type { IsoDate } from '../../calendar/index.js';
import type { Party, PartyKind } from '../party.js';
import type { CaseStatus } from '../state.js';
import type { CaseRow } from './projection.js';
import type { WorkflowDb, WorkflowTables } from './tables.js';

export type CaseFilter = 'overdue' | 'at-risk' | 'promised-overdue';

export interface CaseSummary {
  id: string;
  title: string;
  department: string;
  status: CaseStatus;
  itemRef: string | null;
  processId: string;
  processVersion: number;
  currentStep: string | null;
  currentStepName: string | null;
  openedOn: IsoDate;
  /** The earliest running deadline, and whether it is the case's or the current step's. */
  dueDate: IsoDate | null;
  dueKind: 'statutory' | 'step' | null;
  statutoryDue: IsoDate | null;
  promisedDue: IsoDate | null;
  pausedSince: IsoDate | null;
  closedOn: IsoDate | null;
  onTime: boolean | null;
  /** The applicant or party, in full (as the state has it); absent when 立案 recorded none. Mask it for the public. */
  party?: Party;
}

type Eb = ExpressionBuilder<WorkflowTables, 'case'>;

/**
 * Overdue: running with its earliest deadline before today, or paused after that deadline
 * had already passed (a pause stops the clock, so a case paused in time is not overdue).
 */
export function overdueWhere(eb: Eb, today: IsoDate) {
  return eb.or([
    eb.and([eb('status', '=', 'open'), eb('due_date', '<', today)]),
    eb.and([eb('status', '=', 'paused'), eb('due_date', '<', eb.ref('paused_since'))]),
  ]);
}

/** The overdue rule of `overdueWhere`, for one case in memory. */
export function isOverdue(c: Pick<CaseSummary, 'status' | 'dueDate' | 'pausedSince'>, today: IsoDate): boolean {
  if (c.dueDate === null) return false;
  if (c.status === 'open') return c.dueDate < today;
  return c.status === 'paused' && c.pausedSince !== null && c.dueDate < c.pausedSince;
}

/** At risk: running, not yet overdue, due on or before the cutoff (today + N working days). */
export function atRiskWhere(eb: Eb, today: IsoDate, cutoff: IsoDate) {
  return eb.and([eb('status', '=', 'open'), eb('due_date', '>=', today), eb('due_date', '<=', cutoff)]);
}

/** Running past the promised (承诺) deadline, whatever the statutory one says. */
export function promisedOverdueWhere(eb: Eb, today: IsoDate) {
  return eb.and([eb('status', '=', 'open'), eb('promised_due', '<', today)]);
}

export interface ListWindow {
  today: IsoDate;
  cutoff: IsoDate;
  status?: CaseStatus;
  department?: string;
  itemRef?: string;
  filter?: CaseFilter;
  limit: number;
  offset: number;
  /** Matches are counted no further than this (the count is then a lower bound). */
  countCap: number;
}

const SUMMARY_COLUMNS = [
  'id',
  'title',
  'department',
  'status',
  'item_ref',
  'process_id',
  'process_version',
  'current_step',
  'current_step_name',
  'opened_on',
  'due_date',
  'due_kind',
  'statutory_due',
  'promised_due',
  'paused_since',
  'closed_on',
  'on_time',
  'party_name',
  'party_kind',
  'party_contact',
] as const;

type Condition = ReturnType<Eb['and']>;

/**
 * The filter as index-friendly branches: overdue is two ranges (running past due; paused
 * after due), each read in due-date order from the (status, due_date, id) index, so a page
 * never sorts every match.
 */
function branches(w: ListWindow): ((eb: Eb) => Condition)[] {
  if (w.filter === 'overdue') {
    return [
      (eb) => eb.and([eb('status', '=', 'open'), eb('due_date', '<', w.today)]),
      (eb) => eb.and([eb('status', '=', 'paused'), eb('due_date', '<', eb.ref('paused_since'))]),
    ];
  }
  if (w.filter === 'at-risk') return [(eb) => atRiskWhere(eb, w.today, w.cutoff)];
  if (w.filter === 'promised-overdue') return [(eb) => promisedOverdueWhere(eb, w.today)];
  return [(eb) => eb.and([])];
}

function filtered(db: WorkflowDb, w: ListWindow, branch: (eb: Eb) => Condition) {
  return db.selectFrom('case').where((eb) => {
    const parts = [branch(eb)];
    if (w.status) parts.push(eb('status', '=', w.status));
    if (w.department) parts.push(eb('department', '=', w.department));
    if (w.itemRef) parts.push(eb('item_ref', '=', w.itemRef));
    return eb.and(parts);
  });
}

export function toSummary(row: Pick<CaseRow, (typeof SUMMARY_COLUMNS)[number]>): CaseSummary {
  return {
    id: row.id,
    title: row.title,
    department: row.department,
    status: row.status as CaseStatus,
    itemRef: row.item_ref,
    processId: row.process_id,
    processVersion: Number(row.process_version),
    currentStep: row.current_step,
    currentStepName: row.current_step_name,
    openedOn: row.opened_on,
    dueDate: row.due_date,
    dueKind: row.due_kind as CaseSummary['dueKind'],
    statutoryDue: row.statutory_due,
    promisedDue: row.promised_due,
    pausedSince: row.paused_since,
    closedOn: row.closed_on,
    onTime: row.on_time === null ? null : Number(row.on_time) === 1,
    ...(row.party_name !== null
      ? { party: { name: row.party_name, kind: row.party_kind as PartyKind, ...(row.party_contact !== null ? { contact: row.party_contact } : {}) } }
      : {}),
  };
}

/** One page of cases and how many match. Filtered lists come most urgent first. */
export async function listCases(db: WorkflowDb, w: ListWindow): Promise<{ items: CaseSummary[]; total: number; totalExact: boolean }> {
  const urgent = w.filter !== undefined;
  const page = (branch: (eb: Eb) => Condition) => {
    const q = filtered(db, w, branch).select([...SUMMARY_COLUMNS]);
    return urgent ? q.orderBy('due_date').orderBy('id') : q.orderBy('opened_on', 'desc').orderBy('id', 'desc');
  };
  const parts = branches(w);
  let rows: Pick<CaseRow, (typeof SUMMARY_COLUMNS)[number]>[];
  if (parts.length === 1) {
    rows = await page(parts[0] as (eb: Eb) => Condition).limit(w.limit).offset(w.offset).execute();
  } else {
    // Each branch's first offset+limit rows, merged: the page is among them.
    const [first, ...rest] = parts.map((b, i) => db.selectFrom(page(b).limit(w.offset + w.limit).as(`b${i}`)).selectAll());
    const union = rest.reduce((u, q) => u.unionAll(q), first as NonNullable<typeof first>);
    rows = await db.selectFrom(union.as('u')).selectAll().orderBy('due_date').orderBy('id').limit(w.limit).offset(w.offset).execute();
  }
  // Counting stops past the cap, so a page costs the same with a thousand matches or a million.
  let total = 0;
  let totalExact = true;
  for (const branch of parts) {
    const capped = filtered(db, w, branch)
      .select(sql<number>`1`.as('one'))
      .limit(w.countCap + 1)
      .as('capped');
    const { n } = await db
      .selectFrom(capped)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n) > w.countCap) totalExact = false;
    total += Math.min(Number(n), w.countCap);
  }
  return { items: rows.map(toSummary), total, totalExact };
}

export interface DepartmentCounts {
  department: string;
  open: number;
  paused: number;
  closed: number;
  overdue: number;
  atRisk: number;
}

export interface MonthOnTime {
  /** YYYY-MM of closing. */
  month: string;
  closed: number;
  onTime: number;
  late: number;
  /** Closed cases with no statutory deadline: counted, not rated. */
  noDeadline: number;
}

/** Counts by department and status, overdue and at risk, and on-time closing by month: all in SQL. */
export async function caseStats(db: WorkflowDb, today: IsoDate, cutoff: IsoDate): Promise<{ departments: DepartmentCounts[]; months: MonthOnTime[]; promisedOverdue: number }> {
  const byStatus = await db
    .selectFrom('case')
    .select(['department', 'status', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['department', 'status'])
    .execute();
  // Grouped by an expression, so the planner reads the (status, due_date …) range rather
  // than walking the (department, status) index and visiting every row.
  const dept = sql<string>`department || ''`;
  const overdue = [
    ...(await db
      .selectFrom('case')
      .where('status', '=', 'open')
      .where('due_date', '<', today)
      .select([dept.as('department'), (eb) => eb.fn.countAll().as('n')])
      .groupBy(dept)
      .execute()),
    ...(await db
      .selectFrom('case')
      .where('status', '=', 'paused')
      .whereRef('due_date', '<', 'paused_since')
      .select([dept.as('department'), (eb) => eb.fn.countAll().as('n')])
      .groupBy(dept)
      .execute()),
  ];
  const atRisk = await db
    .selectFrom('case')
    .where((eb) => atRiskWhere(eb, today, cutoff))
    .select([dept.as('department'), (eb) => eb.fn.countAll().as('n')])
    .groupBy(dept)
    .execute();
  const promised = await db
    .selectFrom('case')
    .where((eb) => promisedOverdueWhere(eb, today))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  // Literal positions, so both databases see the same expression in SELECT and GROUP BY.
  const month = sql<string>`substr(closed_on, 1, 7)`;
  const closed = await db
    .selectFrom('case')
    .where('closed_on', 'is not', null)
    .select((eb) => [month.as('month'), 'on_time', eb.fn.countAll().as('n')])
    .groupBy([month, 'on_time'])
    .execute();

  const departments = new Map<string, DepartmentCounts>();
  const entryOf = (name: string) => {
    let entry = departments.get(name);
    if (!entry) departments.set(name, (entry = { department: name, open: 0, paused: 0, closed: 0, overdue: 0, atRisk: 0 }));
    return entry;
  };
  for (const row of byStatus) {
    const status = row.status as CaseStatus;
    if (status === 'open' || status === 'paused' || status === 'closed') entryOf(row.department)[status] += Number(row.n);
  }
  for (const row of overdue) entryOf(row.department).overdue += Number(row.n);
  for (const row of atRisk) entryOf(row.department).atRisk = Number(row.n);

  const months = new Map<string, MonthOnTime>();
  for (const row of closed) {
    const month = String(row.month);
    const entry = months.get(month) ?? { month, closed: 0, onTime: 0, late: 0, noDeadline: 0 };
    const n = Number(row.n);
    entry.closed += n;
    if (row.on_time === null) entry.noDeadline += n;
    else if (Number(row.on_time) === 1) entry.onTime += n;
    else entry.late += n;
    months.set(month, entry);
  }
  return {
    departments: [...departments.values()].sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : 0)),
    months: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
    promisedOverdue: Number(promised.n),
  };
}
