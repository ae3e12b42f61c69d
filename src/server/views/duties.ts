import type { Duty, DutyBasis, DutyBasisCell, DutyCell } from '../../model/index.js';
import { textBlock } from './format.js';
import { html, type SafeHtml } from '../../html/index.js';
import { provisionsView, residueView } from './provisions.js';

function basisEntry(entry: DutyBasis, steps: ReadonlySet<number>): SafeHtml {
  if (entry.sameAs !== undefined) {
    const target = `同第${entry.sameAs}步`;
    return html`<p>${steps.has(entry.sameAs) ? html`<a href="#step-${entry.sameAs}">${target}</a>` : target}<span class="muted">（原文“${entry.key}”）</span></p>`;
  }
  return html`<div class="basis-entry">
  <span class="chip" title="原文编号">${entry.key}</span>
  ${entry.provisions.length > 0 ? provisionsView(entry.provisions) : textBlock(entry.text)}
</div>`;
}

function dutyStep(duty: Duty, entries: readonly DutyBasis[], steps: ReadonlySet<number>): SafeHtml {
  return html`<li id="step-${duty.no}">
  <span class="step-no" aria-hidden="true">${duty.no}</span>
  <div>
    <h3><span class="visually-hidden">第${duty.no}步 </span>${duty.heading}${duty.unit ? html` <span class="muted">（${duty.unit}）</span>` : ''}</h3>
    ${duty.text ? html`<div class="text">${duty.text}</div>` : ''}
    ${duty.documents.length > 0 ? html`<ul class="chips" aria-label="文书">${duty.documents.map((d) => html`<li><span class="chip">《${d}》</span></li>`)}</ul>` : ''}
    <div class="step-basis">
      <h4>责任事项依据</h4>
      ${entries.length > 0 ? entries.map((e) => basisEntry(e, steps)) : html`<span class="empty">未列出</span>`}
    </div>
  </div>
</li>`;
}

/**
 * 责任事项 as numbered steps, each with the 责任事项依据 entries keyed to its number;
 * entries for steps the cell does not have (a cut-off cell) are listed after them.
 */
export function dutiesView(duties: DutyCell | undefined, basis: DutyBasisCell | undefined): SafeHtml {
  const steps = new Set((duties?.duties ?? []).map((d) => d.no));
  const entries = basis?.entries ?? [];
  const orphans = entries.filter((e) => !steps.has(e.step));
  const hasSteps = duties !== undefined && duties.duties.length > 0;
  return html`${duties?.preamble ? html`<p class="text">${duties.preamble}</p>` : ''}
${hasSteps ? html`<ol class="steps">${duties.duties.map((d) => dutyStep(d, entries.filter((e) => e.step === d.no), steps))}</ol>` : textBlock(duties?.text)}
${residueView(duties?.residue ?? [])}
${orphans.length > 0 ? html`<h3>${hasSteps ? '其他责任事项依据' : '责任事项依据'}</h3>${orphans.map((e) => basisEntry(e, steps))}` : ''}
${!hasSteps && entries.length === 0 && basis?.text ? html`<h3>责任事项依据</h3>${textBlock(basis.text)}` : ''}
${residueView(basis?.residue ?? [])}`;
}
