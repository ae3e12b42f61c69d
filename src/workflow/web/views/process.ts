import type { StoredProcess } from '../../cases/index.js';
import { html, type SafeHtml, trusted } from '../../../html/index.js';
import { href } from '../href.js';
import { limitText } from './format.js';

/** A process definition: its flowchart, steps with deadlines and documents, notes, downloads. */
export function processBody(stored: StoredProcess, svg: string): SafeHtml {
  const def = stored.definition;
  const anchor = (a: NonNullable<(typeof def.steps)[number]['deadline']>['anchor']) =>
    a.kind === 'case-opened' ? '自立案之日' : a.kind === 'step-entered' ? '自进入本环节之日' : `自“${def.steps.find((s) => s.id === a.step)?.name ?? a.step}”完成之日`;
  return html`<h1>${def.name}</h1>
<dl class="facts">
<dt>流程编号</dt><dd>${stored.id} 第${stored.version}版（${stored.createdAt.slice(0, 10)}）</dd>
${def.powerType ? html`<dt>权力类型</dt><dd>${def.powerType}</dd>` : ''}
${def.department ? html`<dt>部门</dt><dd>${def.department}</dd>` : ''}
${def.statutoryLimit ? html`<dt>法定时限</dt><dd>${limitText(def.statutoryLimit)}</dd>` : ''}
${def.promisedLimit ? html`<dt>承诺时限</dt><dd>${def.promisedLimit.raw}</dd>` : ''}
<dt>下载</dt><dd><a href="${href(['api', 'processes', stored.id, 'bpmn'])}">BPMN 2.0</a> · <a href="${href(['api', 'processes', stored.id, 'svg'])}">SVG</a> · <a href="${href(['api', 'processes', stored.id])}">JSON</a></dd>
</dl>
<div class="figure">${trusted(svg)}</div>
<h2>环节</h2>
<ol>${def.steps.map(
    // Not step-…: the flowchart above already gives each step's box that id.
    (s) => html`<li id="${`entry-${s.id}`}"><strong>${s.name}</strong>${s.unit ? html` <span class="muted">（${s.unit}）</span>` : ''}
${s.deadline ? html`<div>时限：${s.deadline.raw}${s.deadline.amount !== undefined ? html` <span class="muted">（${anchor(s.deadline.anchor)}起算）</span>` : ''}</div>` : ''}
${s.documents.length > 0 ? html`<div>文书：${s.documents.map((d) => `《${d}》`).join('')}</div>` : ''}</li>`,
  )}</ol>
${def.notes.length > 0 ? html`<h2>请核对</h2><ul>${def.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}`;
}
