import { html, type SafeHtml } from '../../../html/index.js';
import { type CaseView, currentStepOf, missingDocuments, openPause } from '../../cases/index.js';
import { DEFAULT_PAUSE_KIND, formatCitations, PAUSE_KINDS } from '../../periods/index.js';
import { findStep, nextSteps } from '../../process/index.js';
import { CASE_ACTIONS, type CaseActionName, MAX_DOCUMENT_BYTES, offeredActions } from '../actions.js';
import { href } from '../href.js';
import { datalist, type FormState, type FormUser, FormWriter } from './form-parts.js';

const UNITS: readonly (readonly [string, string])[] = [
  ['workday', '个工作日'],
  ['day', '日'],
  ['month', '个月'],
];

const OUTCOMES = ['准予许可', '不予许可', '予以处罚', '不予处罚', '准予登记', '不予登记', '申请人撤回申请', '终止办理'];

const PAUSE_OPTIONS: readonly (readonly [string, string])[] = PAUSE_KINDS.map((k) => [
  k.id,
  `${k.id}${k.name !== k.id ? `（${k.name}）` : ''}：${k.basis.length > 0 ? formatCitations(k.basis) : '依据请在说明中写明'}`,
]);

interface FormContext {
  view: CaseView;
  user: FormUser;
  today: string;
  state: FormState | undefined;
}

const actionPath = (view: CaseView, name: CaseActionName) => href(['cases', view.summary.id, name]);

function advanceForm({ view, user, today, state }: FormContext): SafeHtml {
  const f = new FormWriter('advance', state);
  const def = view.process.definition;
  const current = currentStepOf(view.state);
  const options = current ? nextSteps(def, current.id) : [];
  const missing = current ? missingDocuments(view.state, def, current.id) : [];
  const where =
    options.length > 1
      ? f.select('to', '下一环节', [['', '请选择'], ...options.map((s): [string, string] => [s.id, s.name])], '')
      : html`<p>${options.length === 1 ? `办结后进入“${options[0]?.name}”。` : '这是最后一个环节：办结后全部环节完成，再办结案件。'}</p>`;
  return f.form(
    user,
    actionPath(view, 'advance'),
    `办结当前环节“${current?.name ?? ''}”`,
    [
      where,
      missing.length > 0 ? html`<p class="soon">本环节所列文书尚未登记：${missing.map((m) => `《${m}》`).join('、')}。</p>` : '',
      f.text('force', '继续的理由', { hint: '所列文书未登记而仍要继续时必填，记入事件记录' }),
      f.date('on', '办结日期', today),
    ],
    '办结本环节',
  );
}

function documentsForm({ view, user, today, state }: FormContext): SafeHtml {
  const f = new FormWriter('documents', state);
  const step = currentStepOf(view.state) ?? view.state.steps.filter((s) => s.status === 'done').at(-1);
  const wanted = step ? (findStep(view.process.definition, step.id)?.documents ?? []) : [];
  return f.form(
    user,
    actionPath(view, 'documents'),
    `登记“${step?.name ?? ''}”环节的文书`,
    [
      f.text('name', '文书名称', { required: true, list: 'documents-names', maxlength: 200 }),
      datalist('documents-names', wanted),
      f.field('file', '文件（选填）', (a) => html`<input type="file"${a}>`, `不超过 ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB；文件本身不保存，只记录文件名、大小和 SHA-256 摘要`),
      f.date('on', '登记日期', today),
    ],
    '登记文书',
    { multipart: true },
  );
}

function pauseForm({ view, user, today, state }: FormContext): SafeHtml {
  const f = new FormWriter('pause', state);
  return f.form(
    user,
    actionPath(view, 'pause'),
    '暂停计时',
    [
      f.select('kind', '事由和法律依据', PAUSE_OPTIONS, DEFAULT_PAUSE_KIND, '补正自补正材料齐全之日起重新计算期限，其余事由暂停期间不计入期限'),
      f.text('note', '说明'),
      f.date('on', '暂停日期', today),
    ],
    '暂停计时',
  );
}

function resumeForm({ view, user, today, state }: FormContext): SafeHtml {
  const f = new FormWriter('resume', state);
  const pause = openPause(view.state);
  return f.form(user, actionPath(view, 'resume'), `恢复计时${pause ? `（${pause.from} 起因“${pause.kind}”暂停）` : ''}`, [f.date('on', '恢复日期', today)], '恢复计时');
}

function extendForm({ view, user, today, state }: FormContext): SafeHtml {
  const f = new FormWriter('extend', state);
  const limit = view.process.definition.statutoryLimit;
  return f.form(
    user,
    actionPath(view, 'extend'),
    `延长法定期限${limit?.raw ? `（${limit.raw}）` : ''}`,
    [
      f.field('amount', '延长', (a) => html`<input type="number"${a} value="${f.value('amount')}" min="1" max="3650" step="1" required>`),
      f.select('unit', '单位', UNITS, limit?.unit ?? 'workday'),
      f.text('approvedBy', '批准人'),
      f.text('note', '说明'),
      f.date('on', '批准日期', today),
    ],
    '延长期限',
  );
}

function closeForm({ view, user, today, state }: FormContext): SafeHtml {
  const f = new FormWriter('close', state);
  return f.form(
    user,
    actionPath(view, 'close'),
    '办结案件',
    [f.text('outcome', '办理结果', { list: 'close-outcomes' }), datalist('close-outcomes', OUTCOMES), f.date('on', '办结日期', today)],
    '办结案件',
  );
}

const FORMS: Readonly<Record<CaseActionName, (ctx: FormContext) => SafeHtml>> = {
  advance: advanceForm,
  documents: documentsForm,
  pause: pauseForm,
  resume: resumeForm,
  extend: extendForm,
  close: closeForm,
};

/** The confirmation of an action done (after its redirect), by action name. */
export function doneNotice(done: CaseActionName | 'open' | undefined): SafeHtml | string {
  if (done === undefined) return '';
  return html`<p class="notice" role="status">${done === 'open' ? '已立案。' : CASE_ACTIONS[done].done}</p>`;
}

/**
 * The case's action forms, each only when the case's state allows it; a refused post
 * (`state`) comes back in its form with the user's input and the reason beside the field,
 * or on top when its form is no longer offered (the case moved on in the meantime).
 */
export function caseActions(view: CaseView, user: FormUser, today: string, state?: FormState): SafeHtml {
  const allowed = offeredActions(view);
  const orphan = state && !allowed.includes(state.action as CaseActionName) ? state : undefined;
  const refused = orphan
    ? html`<p class="form-error" role="alert">未能${CASE_ACTIONS[orphan.action as CaseActionName]?.label ?? '办理'}：${Object.values(orphan.errors).join('；')}</p>`
    : '';
  const body =
    allowed.length === 0
      ? html`<p class="muted">案件已办结，不能再办理。</p>`
      : html`<div class="case-actions">${allowed.map((name) => FORMS[name]({ view, user, today, state }))}</div>`;
  return html`<section id="actions"><h2>办理</h2>${refused}${body}</section>`;
}
