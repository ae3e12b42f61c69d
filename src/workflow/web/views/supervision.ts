import type { Supervision, WatchedCase } from '../../supervision/index.js';
import { type Column, html, type SafeHtml, stackedTable, trusted } from '../../../html/index.js';
import { href } from '../href.js';
import { caseLink, dutyLink, itemPage, statusBadge } from './format.js';

function situations(c: WatchedCase): SafeHtml {
  if (c.situations.length === 0) return html`<span class="muted">该事项未列出相关追责情形</span>`;
  const page = itemPage(c.itemRef);
  const list = html`<ul class="situations">${c.situations.map((s) => html`<li>${s.label} ${s.text}${s.pursuer ? html` <span class="muted">（${s.pursuer}）</span>` : ''}</li>`)}</ul>`;
  return page ? html`${list}<a href="${`${page}#accountability`}">事项的追责情形</a>` : list;
}

function watchedTable(rows: readonly WatchedCase[], late: boolean): SafeHtml {
  if (rows.length === 0) return html`<p class="empty">${late ? '没有超期案件。' : '没有临近期限的案件。'}</p>`;
  const columns: Column<WatchedCase>[] = [
    { label: '案件', cell: (c) => html`${caseLink(c)} ${statusBadge(c.status)}`, nowrap: true },
    { label: '事项', cell: (c) => c.itemName },
    { label: '部门', cell: (c) => c.department },
    { label: '环节（责任事项）', cell: (c) => (c.currentStepName ? dutyLink(c.itemRef, c.dutyNo, c.currentStepName) : '—') },
    { label: '期限', cell: (c) => c.dueDate, nowrap: true },
    { label: late ? '超期' : '剩余', cell: (c) => `${c.workdays} 个工作日`, cellClass: () => (late ? 'late' : 'soon'), nowrap: true },
  ];
  return stackedTable(late ? [...columns, { label: '适用的追责情形', cell: situations }] : columns, rows);
}

type DepartmentRow = Supervision['stats']['departments'][number];

const DEPARTMENT_COLUMNS: readonly Column<DepartmentRow>[] = [
  { label: '部门', cell: (d) => html`<a href="${`/cases?department=${encodeURIComponent(d.department)}`}">${d.department}</a>` },
  { label: '办理中', cell: (d) => d.open },
  { label: '暂停计时', cell: (d) => d.paused },
  { label: '已办结', cell: (d) => d.closed },
  { label: '已超期', cell: (d) => d.overdue, cellClass: (d) => (d.overdue > 0 ? 'late' : undefined) },
  { label: '临近期限', cell: (d) => d.atRisk },
];

/** The supervision dashboard: totals, departments by status, overdue and at-risk cases, on-time rate. */
export function supervisionBody(s: Supervision, chartSvg: string): SafeHtml {
  const t = s.stats.totals;
  const total = (n: number, label: string, cls = '', link?: string) =>
    html`<li class="${cls}"><span class="n">${n}</span>${link ? html`<a href="${link}">${label}</a>` : label}</li>`;
  return html`<h1>案件监督</h1>
<p class="muted">统计日 ${s.stats.today}；${s.stats.atRiskDays} 个工作日内（${s.stats.cutoff} 前）到期的视为临近期限。</p>
<ul class="totals">
${total(t.open, '办理中', '', '/cases?status=open')}
${total(t.paused, '暂停计时', '', '/cases?status=paused')}
${total(t.closed, '已办结', '', '/cases?status=closed')}
${total(t.overdue, '已超期', 'late', '/cases?filter=overdue')}
${total(t.atRisk, '临近期限', '', '/cases?filter=at-risk')}
${total(t.promisedOverdue, '超过承诺时限', '', '/cases?filter=promised-overdue')}
</ul>
<h2>各部门案件</h2>
${
  s.stats.departments.length === 0
    ? html`<p class="empty">尚无案件。</p>`
    : stackedTable(DEPARTMENT_COLUMNS, s.stats.departments)
}
<h2 id="overdue">超期案件${s.overdueTotal > s.overdue.length ? `（共 ${s.overdueTotal} 件，显示前 ${s.overdue.length} 件）` : ''}</h2>
${watchedTable(s.overdue, true)}
<h2 id="at-risk">临近期限${s.atRiskTotal > s.atRisk.length ? `（共 ${s.atRiskTotal} 件，显示前 ${s.atRisk.length} 件）` : ''}</h2>
${watchedTable(s.atRisk, false)}
<h2>按期办结率</h2>
<div class="figure">${trusted(chartSvg)}</div>
<p class="muted">按期：办结日不晚于法定期限届满日（含暂停、延长）。没有法定时限的案件计入办结数，不计入比率。数据见 <a href="${href(['api', 'supervision'])}">/api/supervision</a>。</p>`;
}
