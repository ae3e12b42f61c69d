import type { CasePage, CaseSummary } from '../../cases/index.js';
import { type Column, html, type SafeHtml, stackedTable } from '../../../html/index.js';
import { caseLink, dueCell, STATUS_LABELS, statusBadge } from './format.js';

export interface CaseListView {
  page: CasePage;
  departments: readonly string[];
  status?: string | undefined;
  department?: string | undefined;
  filter?: string | undefined;
}

const FILTERS: Readonly<Record<string, string>> = { '': '全部', overdue: '已超期', 'at-risk': '临近期限', 'promised-overdue': '超过承诺时限' };

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${(selected ?? '') === value ? html` selected` : ''}>${label}</option>`;
}

/** The case list with its filters as a plain GET form. */
export function caseListBody(view: CaseListView): SafeHtml {
  const { page } = view;
  const form = html`<form class="filters" method="get" action="/cases">
<label>状态<select name="status">${option('', '全部', view.status)}${Object.entries(STATUS_LABELS).map(([v, l]) => option(v, l, view.status))}</select></label>
<label>部门<select name="department">${option('', '全部', view.department)}${view.departments.map((d) => option(d, d, view.department))}</select></label>
<label>期限<select name="filter">${Object.entries(FILTERS).map(([v, l]) => option(v, l, view.filter))}</select></label>
<button type="submit">筛选</button>
</form>`;
  const columns: Column<CaseSummary>[] = [
    { label: '案件编号', cell: (c) => caseLink(c), nowrap: true },
    { label: '事项', cell: (c) => c.title },
    { label: '申请人/当事人', cell: (c) => c.party?.name ?? html`<span class="muted">—</span>` },
    { label: '部门', cell: (c) => c.department },
    { label: '状态', cell: (c) => statusBadge(c.status) },
    { label: '当前环节', cell: (c) => c.currentStepName ?? html`<span class="muted">—</span>` },
    { label: '立案日期', cell: (c) => c.openedOn, nowrap: true },
    { label: '期限', cell: (c) => dueCell(c, page.today, page.cutoff), nowrap: true },
  ];
  const table = page.items.length === 0 ? html`<p class="empty">没有符合条件的案件。</p>` : stackedTable(columns, page.items);
  return html`<h1>案件</h1>
${form}
<p class="muted">共 ${page.total}${page.totalExact ? '' : '+'} 件${page.total > page.items.length ? `，显示前 ${page.items.length} 件` : ''}；今天是 ${page.today}，${page.cutoff} 前到期的视为临近期限。</p>
${table}`;
}
