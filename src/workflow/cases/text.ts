import type { ChainedEvent } from '../audit-log/index.js';
import type { Calendar } from '../calendar/index.js';
import type { CasePage, CaseView } from './store.js';
import { isOverdue } from './db/queries.js';
import type { CaseSummary } from './db/queries.js';
import { EVENT_LABELS } from './events.js';
import { PARTY_KIND_LABELS, type Party, partyLabel } from './party.js';

const STATUS: Readonly<Record<string, string>> = { open: '办理中', paused: '暂停计时', closed: '已办结' };
const DUE_KIND: Readonly<Record<string, string>> = { statutory: '法定时限', step: '环节时限' };
const STEP_STATUS: Readonly<Record<string, string>> = { pending: '未开始', active: '办理中', done: '已完成', skipped: '已跳过' };

/** How a case's due date stands on `today`, in words. */
export function dueText(c: CaseSummary, today: string, calendar: Calendar): string {
  if (!c.dueDate) return c.status === 'closed' ? '' : '无期限';
  const kind = c.dueKind ? `，${DUE_KIND[c.dueKind]}` : '';
  if (isOverdue(c, today)) {
    const asOf = c.status === 'paused' && c.pausedSince ? c.pausedSince : today;
    return `期限 ${c.dueDate}${kind}，已超期 ${calendar.workdaysBetween(c.dueDate, asOf)} 个工作日`;
  }
  if (c.status === 'open') return `期限 ${c.dueDate}${kind}，还有 ${calendar.workdaysBetween(today, c.dueDate)} 个工作日`;
  return `期限 ${c.dueDate}${kind}`;
}

/** One line per case, for `quanze case list` (staff: the party in full, without its contact). */
export function caseListText(page: CasePage, calendar: Calendar): string {
  if (page.items.length === 0) return '没有符合条件的案件。\n';
  const lines = page.items.map((c) => {
    const step = c.currentStepName ? `【${c.currentStepName}】` : '';
    const party = c.party ? `  ${c.party.name}` : '';
    const closed = c.closedOn ? `${c.closedOn} 办结${c.onTime === true ? '（按期）' : c.onTime === false ? '（逾期）' : ''}` : dueText(c, page.today, calendar);
    return `${c.id}  ${STATUS[c.status]}  ${c.department}  ${c.title}${step}${party}  ${closed}`;
  });
  const total = `${page.total}${page.totalExact ? '' : '+'}`;
  const more = page.total > page.items.length ? `（共 ${total} 件，显示 ${page.offset + 1}–${page.offset + page.items.length}）` : `（共 ${total} 件）`;
  return `${lines.join('\n')}\n${more}\n`;
}

/** The party in one line, in full: for staff (the CLI, signed-in pages). */
export function partyText(party: Party): string {
  return `${party.name}（${PARTY_KIND_LABELS[party.kind]}）${party.contact ? `，联系方式：${party.contact}` : ''}`;
}

/** A case as `quanze case show` and every action print it. */
export function caseText(view: CaseView, today: string, calendar: Calendar, events: readonly ChainedEvent[] = []): string {
  const { summary, state, process } = view;
  const lines = [
    `案件 ${summary.id}：${summary.title}`,
    `  部门：${summary.department}　状态：${STATUS[summary.status]}${state.outcome ? `（${state.outcome}）` : ''}`,
    ...(state.party ? [`  ${partyLabel(view.snapshot.powerType)}：${partyText(state.party)}`] : []),
    `  流程：${process.id} 第${process.version}版　立案：${summary.openedOn}`,
    `  当前环节：${summary.currentStepName ?? (summary.status === 'closed' ? '—' : '全部环节已完成，待办结')}`,
    `  ${dueText(summary, today, calendar) || `办结：${summary.closedOn ?? ''}${state.onTime === true ? '，按期' : state.onTime === false ? '，逾期' : ''}`}`,
    `  法定期限：${summary.statutoryDue ?? '—'}　承诺期限：${summary.promisedDue ?? '—'}${state.dues.provisional ? '（跨越未公布节假日安排的年份，为暂定）' : ''}`,
  ];
  if (summary.status === 'paused') lines.push(`  自 ${summary.pausedSince} 起暂停计时（${state.pauses.at(-1)?.kind ?? ''}）`);
  for (const w of view.warnings) lines.push(`  警告：${w}`);
  if (events.length > 0) {
    lines.push('  环节：');
    for (const s of state.steps) {
      const docs = process.definition.steps.find((d) => d.id === s.id)?.documents ?? [];
      const missing = docs.filter((d) => !state.documents.some((a) => a.step === s.id && a.name === d));
      const due = state.dues.steps[s.id] ? ` 期限 ${state.dues.steps[s.id]}` : '';
      lines.push(`    ${s.id} ${s.name}：${STEP_STATUS[s.status]}${due}${missing.length > 0 ? `，待附：${missing.map((m) => `《${m}》`).join('')}` : ''}`);
    }
    lines.push('  事件：');
    for (const e of events) {
      const data = JSON.parse(e.data) as { on?: string };
      lines.push(`    #${e.seq} ${data.on ?? ''} ${EVENT_LABELS[e.kind] ?? e.kind}  SM3 ${e.hash.slice(0, 16)}…`);
    }
  }
  return `${lines.join('\n')}\n`;
}
