import type { IsoDate } from '../calendar/index.js';
import type { CaseStats, CaseStore, CaseSummary } from '../cases/index.js';
import { type ApplicableSituation, applicableSituations } from './situations.js';

export interface WatchedCase extends CaseSummary {
  /** Working days past the due date (overdue) or left before it (at risk). */
  workdays: number;
  /** The duty (责任事项) the current step comes from, when the case's item has one. */
  dutyNo: number | null;
  /** The 追责情形 that apply when the case is late at this step. */
  situations: ApplicableSituation[];
  /** The item's name as the case keeps it. */
  itemName: string;
}

export interface Supervision {
  stats: CaseStats;
  overdue: WatchedCase[];
  atRisk: WatchedCase[];
  overdueTotal: number;
  atRiskTotal: number;
}

async function watched(cases: CaseStore, summary: CaseSummary, today: IsoDate, late: boolean): Promise<WatchedCase> {
  const view = await cases.getCase(summary.id);
  const due = summary.dueDate ?? today;
  const asOf = late && summary.status === 'paused' && summary.pausedSince ? summary.pausedSince : today;
  const workdays = late ? Math.max(cases.calendar.workdaysBetween(due, asOf), 0) : Math.max(cases.calendar.workdaysBetween(today, due), 0);
  const step = view?.state.steps.find((s) => s.id === summary.currentStep);
  return {
    ...summary,
    workdays,
    dutyNo: step?.dutyNo ?? null,
    situations: view ? applicableSituations(view.snapshot, summary.currentStepName) : [],
    itemName: view?.snapshot.name ?? summary.title,
  };
}

/**
 * What the supervision dashboard shows: counts by department and status, the overdue and
 * at-risk cases (each with the duty and 追责情形 that apply), and on-time closing by month.
 * Every number comes from a query over stored due dates.
 */
export async function supervise(cases: CaseStore, options: { today?: IsoDate; limit?: number } = {}): Promise<Supervision> {
  const stats = await cases.stats(options.today);
  const limit = options.limit ?? 50;
  const overdue = await cases.listCases({ filter: 'overdue', today: stats.today, limit });
  const atRisk = await cases.listCases({ filter: 'at-risk', today: stats.today, limit });
  return {
    stats,
    overdue: await Promise.all(overdue.items.map((s) => watched(cases, s, stats.today, true))),
    atRisk: await Promise.all(atRisk.items.map((s) => watched(cases, s, stats.today, false))),
    overdueTotal: stats.totals.overdue,
    atRiskTotal: stats.totals.atRisk,
  };
}
