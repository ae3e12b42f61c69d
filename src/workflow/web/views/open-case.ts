import { html, type SafeHtml } from '../../../html/index.js';
import { PARTY_KIND_LABELS, PARTY_KINDS, partyLabel } from '../../cases/index.js';
import { href } from '../href.js';
import { type FormState, type FormUser, FormWriter } from './form-parts.js';

export interface OpenCaseFormView {
  /** The list store's item the case is opened for. */
  itemId: string;
  /** The item's department, the case's by default. */
  department: string | null;
  /** The item's power type: says whether its party is the 申请人 or the 当事人. */
  powerType?: string | null | undefined;
  today: string;
  user: FormUser;
  /** A refused 立案, shown again. */
  state?: FormState | undefined;
}

const KINDS: readonly (readonly [string, string])[] = PARTY_KINDS.map((k) => [k, PARTY_KIND_LABELS[k]]);

/**
 * The 立案 form: the fields POST /api/cases takes for an item (its department, the day the
 * application was received, the applicant or party), posted to /cases, which validates
 * them with the same schema. The party's fields are named by their body keys (party.name).
 */
export function openCaseForm(v: OpenCaseFormView): SafeHtml {
  const f = new FormWriter('open', v.state);
  const label = partyLabel(v.powerType);
  return f.form(
    v.user,
    '/cases',
    '立案',
    [
      html`<input type="hidden" name="itemId" value="${v.itemId}">`,
      f.text('department', '办理部门', { fallback: v.department ?? '', maxlength: 500 }),
      f.date('on', '受理日期', v.today),
      html`<fieldset class="party"><legend>${label}（选填）</legend>
${f.text('party.name', `${label}姓名或名称`, { maxlength: 100, hint: '公开的办件信息只显示部分文字（如 张**、北京**有限公司）' })}
${f.select('party.kind', '类型', KINDS, 'person')}
${f.text('party.contact', '联系方式', { maxlength: 100, hint: '仅办理人员可见，不公开' })}
</fieldset>`,
    ],
    '立案',
  );
}

/** The item page's 办件 section: the 立案 form and what opening a case does. */
export function openCaseSection(v: OpenCaseFormView): SafeHtml {
  return html`<section id="open-case"><h2>办件</h2>
<p class="muted">为本事项立案：按责任事项生成的流程逐环节办理，法定时限自受理日期起按工作日计算。</p>
${openCaseForm(v)}</section>`;
}

/** The page a refused 立案 comes back on (and GET /cases/new?itemId=…). */
export function openCasePageBody(v: OpenCaseFormView & { itemName: string }): SafeHtml {
  return html`<h1>立案：${v.itemName}</h1>
${openCaseForm(v)}
<p><a href="${href(['items', v.itemId])}">返回事项</a></p>`;
}
