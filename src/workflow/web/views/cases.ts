import type { CasePage } from '../../cases/index.js';
import { html, type SafeHtml } from '../../../html/index.js';
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
  const rows = page.items.map(
    (c) => html`<tr>
<td>${caseLink(c)}</td>
<td>${c.title}</td>
<td>${c.party?.name ?? html`<span class="muted">—</span>`}</td>
<td>${c.department}</td>
<td>${statusBadge(c.status)}</td>
<td>${c.currentStepName ?? html`<span class="muted">—</span>`}</td>
<td>${c.openedOn}</td>
<td>${dueCell(c, page.today, page.cutoff)}</td>
</tr>`,
  );
  const table =
    page.items.length === 0
      ? html`<p class="empty">没有符合条件的案件。</p>`
      : html`<div class="table-scroll"><table><thead><tr><th>案件编号</th><th>事项</th><th>申请人/当事人</th><th>部门</th><th>状态</th><th>当前环节</th><th>立案日期</th><th>期限</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return html`<h1>案件</h1>
${form}
<p class="muted">共 ${page.total}${page.totalExact ? '' : '+'} 件${page.total > page.items.length ? `，显示前 ${page.items.length} 件` : ''}；今天是 ${page.today}，${page.cutoff} 前到期的视为临近期限。</p>
${table}`;
}
