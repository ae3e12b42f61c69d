import type { CaseStatus, CaseSummary } from '../../cases/index.js';
import { UNIT_WORDS } from '../../periods/index.js';
import type { LimitSpec } from '../../process/index.js';
import { html, type SafeHtml } from '../../../html/index.js';
import { href } from '../href.js';

export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = { open: '办理中', paused: '暂停计时', closed: '已办结' };
export const DUE_KIND_LABELS: Readonly<Record<string, string>> = { statutory: '法定时限', step: '环节时限' };

export function statusBadge(status: CaseStatus): SafeHtml {
  return html`<span class="status ${status}">${STATUS_LABELS[status]}</span>`;
}

/** The list store's item ids are decimal strings; other refs (a file's item, a flowchart) have no item page. */
export function itemPage(itemRef: string | null): string | null {
  return itemRef && /^\d+$/.test(itemRef) ? href(['items', itemRef]) : null;
}

export function dutyLink(itemRef: string | null, dutyNo: number | null, label: string): SafeHtml {
  const page = itemPage(itemRef);
  return page && dutyNo !== null ? html`<a href="${`${page}#step-${dutyNo}`}">${label}</a>` : html`${label}`;
}

export function caseLink(summary: Pick<CaseSummary, 'id'>): SafeHtml {
  return html`<a href="${href(['cases', summary.id])}">${summary.id}</a>`;
}

/** The due date and how it stands today: overdue (red) or due soon (amber). */
export function dueCell(summary: CaseSummary, today: string, cutoff: string): SafeHtml {
  if (!summary.dueDate) return html`<span class="muted">—</span>`;
  const kind = summary.dueKind ? html`<div class="muted">${DUE_KIND_LABELS[summary.dueKind] ?? ''}</div>` : '';
  if (summary.status === 'open' && summary.dueDate < today) return html`<span class="late">${summary.dueDate} 已超期</span>${kind}`;
  if (summary.status === 'paused' && summary.pausedSince && summary.dueDate < summary.pausedSince) return html`<span class="late">${summary.dueDate} 已超期</span>${kind}`;
  if (summary.status === 'open' && summary.dueDate <= cutoff) return html`<span class="soon">${summary.dueDate} 临近</span>${kind}`;
  return html`${summary.dueDate}${kind}`;
}

/**
 * A limit as a reader reads it: the list's own words, else the period the law gives and why
 * (a limit the list did not state has no words of its own: "90日，清单未载明法定时限，按…").
 */
export function limitText(limit: LimitSpec): string {
  const period = limit.raw || (limit.amount !== undefined && limit.unit ? `${limit.amount}${UNIT_WORDS[limit.unit]}` : '');
  return [period, limit.note].filter(Boolean).join('，');
}
