import type { CaseView } from '../../cases/index.js';
import { EVENT_LABELS, PARTY_KIND_LABELS, type Party, partyLabel } from '../../cases/index.js';
import type { ApplicableSituation } from '../../supervision/index.js';
import { type Column, html, type SafeHtml, stackedTable, trusted } from '../../../html/index.js';
import { href } from '../href.js';
import { DUE_KIND_LABELS, dueCell, dutyLink, itemPage, limitText, statusBadge } from './format.js';

export interface CaseEventView {
  seq: number;
  at: string;
  kind: string;
  data: Record<string, unknown>;
  hash: string;
}

export interface CasePageView {
  view: CaseView;
  events: readonly CaseEventView[];
  svg: string;
  today: string;
  cutoff: string;
  /** Set when the case is overdue: the 追责情形 that apply at its current step. */
  situations: readonly ApplicableSituation[] | null;
  /** The confirmation of an action just done. */
  notice?: SafeHtml | string;
  /** The action forms, for a signed-in user. */
  actions?: SafeHtml | string;
}

const STEP_STATUS: Readonly<Record<string, string>> = { pending: '未开始', active: '办理中', done: '已完成', skipped: '已跳过' };

function eventLine(e: CaseEventView, names: ReadonlyMap<string, string>): SafeHtml {
  const d = e.data;
  const step = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? id) : '—');
  const detail: (string | SafeHtml)[] = [];
  if (e.kind === 'advanced') detail.push(`从“${step(d.from)}”到“${d.to === null ? '全部环节完成' : step(d.to)}”`);
  if (e.kind === 'paused') detail.push(`事由：${String(d.pauseKind)}${d.note ? `（${String(d.note)}）` : ''}`);
  if (e.kind === 'extended') detail.push(`延长 ${String(d.amount)}${d.unit === 'day' ? '日' : d.unit === 'month' ? '个月' : '个工作日'}${d.approvedBy ? `，批准：${String(d.approvedBy)}` : ''}`);
  if (e.kind === 'document-attached') detail.push(`《${String(d.name)}》（${step(d.step)}${d.named ? '' : '，非该环节所列文书'}）${d.sha256 ? ` SHA-256 ${String(d.sha256).slice(0, 16)}…` : ''}`);
  if (e.kind === 'closed') detail.push(`${d.outcome ? `结果：${String(d.outcome)}；` : ''}${d.onTime === null ? '无法定时限' : d.onTime ? '按期办结' : '逾期办结'}`);
  if (typeof d.forced === 'string') detail.push(html`<span class="late">强制：${d.forced}</span>`);
  return html`<li><strong>${EVENT_LABELS[e.kind] ?? e.kind}</strong> ${typeof d.on === 'string' ? d.on : ''} ${detail.map((x) => html`· ${x} `)}
<div class="hash">#${e.seq} 记录于 ${e.at} · SM3 ${e.hash}</div></li>`;
}

function situationsBlock(view: CaseView, situations: readonly ApplicableSituation[] | null): SafeHtml | string {
  if (situations === null) return '';
  const page = itemPage(view.state.itemRef);
  const list =
    situations.length === 0
      ? html`<p class="empty">该事项的追责情形中没有与期限、程序相关的条目。</p>`
      : html`<ul class="situations">${situations.map((s) => html`<li>${s.label} ${s.text}${s.pursuer ? html` <span class="muted">（${s.pursuer}）</span>` : ''}</li>`)}</ul>`;
  return html`<h2 id="accountability">适用的追责情形</h2>${list}${page ? html`<p><a href="${`${page}#accountability`}">查看事项的全部追责情形</a></p>` : ''}`;
}

/** The party as the view has it: in full for staff, masked (no contact) for everyone else. */
function partyFact(party: Party | undefined, powerType: string | undefined): SafeHtml | string {
  if (!party) return '';
  const contact = party.contact ? html`<br><span class="muted">联系方式：</span>${party.contact}` : '';
  return html`<dt>${partyLabel(powerType)}</dt><dd>${party.name} <span class="muted">（${PARTY_KIND_LABELS[party.kind]}）</span>${contact}</dd>`;
}

/** One case: its deadlines, steps, documents, flowchart, pauses, extensions and event log. */
export function caseBody(p: CasePageView): SafeHtml {
  const { view } = p;
  const { state, summary, snapshot, process } = view;
  const names = new Map(state.steps.map((s) => [s.id, s.name]));
  type Step = (typeof state.steps)[number];
  const definition = (s: Step) => process.definition.steps.find((d) => d.id === s.id);
  const documents = (s: Step) => {
    const attached = state.documents.filter((d) => d.step === s.id);
    const wanted = definition(s)?.documents ?? [];
    return html`${wanted.map((w) => html`<div>《${w}》${attached.some((a) => a.name === w) ? ' ✓' : html` <span class="muted">未附</span>`}</div>`)}${attached.filter((a) => !wanted.includes(a.name)).map((a) => html`<div>《${a.name}》 ✓</div>`)}`;
  };
  const stepColumns: Column<Step>[] = [
    { label: '环节', cell: (s) => dutyLink(state.itemRef, s.dutyNo ?? null, s.name) },
    { label: '状态', cell: (s) => STEP_STATUS[s.status] ?? s.status },
    { label: '进入', cell: (s) => s.enteredOn ?? '—', nowrap: true },
    { label: '完成', cell: (s) => s.completedOn ?? '—', nowrap: true },
    { label: '环节期限', cell: (s) => state.dues.steps[s.id] ?? html`<span class="muted">${definition(s)?.deadline?.raw ?? '—'}</span>` },
    { label: '文书', cell: documents },
  ];
  const itemHref = itemPage(state.itemRef);
  return html`<h1>案件 ${summary.id}：${summary.title}</h1>
${p.notice ?? ''}
<dl class="facts">
<dt>状态</dt><dd>${statusBadge(summary.status)}${summary.closedOn ? ` ${summary.closedOn} 办结${state.outcome ? `（${state.outcome}）` : ''}${state.onTime === false ? '，逾期' : state.onTime ? '，按期' : ''}` : ''}</dd>
<dt>事项</dt><dd>${itemHref ? html`<a href="${itemHref}">${snapshot.name}</a>` : snapshot.name}${snapshot.powerType ? html` <span class="muted">（${snapshot.powerType}）</span>` : ''}</dd>
<dt>部门</dt><dd>${summary.department}</dd>
${partyFact(state.party, snapshot.powerType)}
<dt>立案日期</dt><dd>${summary.openedOn}</dd>
<dt>当前环节</dt><dd>${summary.currentStepName ?? '—'}</dd>
<dt>当前期限</dt><dd>${dueCell(summary, p.today, p.cutoff)}</dd>
<dt>法定期限</dt><dd>${summary.statutoryDue ?? '—'}${process.definition.statutoryLimit ? html` <span class="muted">（${limitText(process.definition.statutoryLimit)}）</span>` : ''}</dd>
<dt>承诺期限</dt><dd>${summary.promisedDue ?? '—'}</dd>
<dt>流程定义</dt><dd><a href="${href(['processes', process.id])}">${process.id} 第${process.version}版</a></dd>
</dl>
${state.dues.provisional ? html`<p class="soon">注意：期限跨越尚未公布节假日安排的年份，按周末推算，结果为暂定。</p>` : ''}
${situationsBlock(view, p.situations)}
${p.actions ?? ''}
<h2>办理环节</h2>
${stackedTable(stepColumns, state.steps, (s) => (s.id === state.currentStep ? html` aria-current="step"` : ''))}
<h2>流程图</h2>
<div class="figure">${trusted(p.svg)}</div>
${state.pauses.length > 0 ? html`<h2>暂停计时</h2><ul>${state.pauses.map((x) => html`<li>${x.from} 起，${x.kind}${x.note ? `（${x.note}）` : ''}，${x.resumedOn ? `${x.resumedOn} 恢复` : '尚未恢复'}</li>`)}</ul>` : ''}
${state.extensions.length > 0 ? html`<h2>延长期限</h2><ul>${state.extensions.map((x) => html`<li>${x.approvedOn} 延长 ${x.amount}${x.unit === 'day' ? '日' : x.unit === 'month' ? '个月' : '个工作日'}${x.approvedBy ? `，${x.approvedBy}批准` : ''}</li>`)}</ul>` : ''}
<h2>事件记录</h2>
<p class="muted">每条事件带有前一条的 SM3 摘要；${DUE_KIND_LABELS.statutory}和${DUE_KIND_LABELS.step}在每次变动时按工作日历重新计算并记入事件。</p>
<ol class="events">${p.events.map((e) => eventLine(e, names))}</ol>`;
}
