import type { ProcessSheet, ProcessStep, TimeLimit } from '../../model/index.js';
import type { ListDetail } from '../store-port.js';
import { href, lineRange, listName } from './format.js';
import { html, type SafeHtml } from '../../html/index.js';
import { residueView } from './provisions.js';

function limit(label: string, value: TimeLimit | undefined): SafeHtml {
  return value ? html`<dt>${label}</dt><dd>${value.raw}</dd>` : html``;
}

/** The step's text without the name the box already shows as its heading. */
function stepText(step: ProcessStep): string {
  const text = step.text.trim();
  if (text === step.name) return '';
  return text.startsWith(`${step.name}\n`) ? text.slice(step.name.length + 1) : text;
}

/**
 * What a step box shows under its number: its name and the rest of its text; or, for a step
 * that spells out a numbered procedure, the words that introduce it and the procedure as a
 * numbered list.
 */
function stepContent(step: ProcessStep): { heading: string; body: SafeHtml | string } {
  const parts = step.subSteps ?? [];
  const first = parts[0];
  if (!first) return { heading: step.name, body: stepText(step) ? html`<div class="text">${stepText(step)}</div>` : '' };
  return { heading: step.text.slice(0, first.span[0]).trim(), body: html`<ol class="sub-steps">${parts.map((p) => html`<li class="text">${p.text}</li>`)}</ol>` };
}

function stepView(step: ProcessStep, index: number): SafeHtml {
  const { heading, body } = stepContent(step);
  return html`<li>
  <div class="flow-box">
    <h3><span class="step-no">${index + 1}</span> ${heading}${step.deadline ? html` <span class="deadline">时限：${step.deadline.raw}</span>` : ''}</h3>
    ${body}
    ${step.documents.length > 0 ? html`<ul class="chips" aria-label="文书">${step.documents.map((d) => html`<li><span class="chip">《${d}》</span></li>`)}</ul>` : ''}
    <p class="muted">原文${lineRange(step.lines.firstLine, step.lines.lastLine)}</p>
  </div>
</li>`;
}

function listOf(title: string, entries: readonly string[]): SafeHtml {
  if (entries.length === 0) return html``;
  return html`<h2>${title}</h2><ol>${entries.map((e) => html`<li class="text">${e}</li>`)}</ol>`;
}

/** A flowchart as a vertical flow of boxes, with its limits, contacts, conditions and materials. */
export function processBody(list: ListDetail, sheet: ProcessSheet): SafeHtml {
  return html`<h1>${sheet.title}</h1>
<dl class="facts">
  ${sheet.category ? html`<dt>项目类别</dt><dd>${sheet.category}</dd>` : ''}
  ${limit('法定时限', sheet.statutoryLimit)}
  ${limit('承诺时限', sheet.promisedLimit)}
  ${limit('优化后时限', sheet.optimizedLimit)}
  ${sheet.office ? html`<dt>办理机构</dt><dd>${sheet.office}</dd>` : ''}
  ${sheet.address ? html`<dt>办理地点</dt><dd>${sheet.address}</dd>` : ''}
  ${sheet.applicant ? html`<dt>服务对象</dt><dd>${sheet.applicant}</dd>` : ''}
  ${sheet.phones.map((p) => html`<dt>${p.label}</dt><dd><a href="tel:${p.number.replace(/[^\d+-]/g, '')}">${p.number}</a>${p.note ? `（${p.note}）` : ''}</dd>`)}
  <dt>所属清单</dt><dd><a href="${href(['lists', list.id])}">${listName(list)}</a></dd>
</dl>
${listOf('申请条件', sheet.conditions)}
${listOf('提交材料', sheet.materials)}
<h2>办理流程</h2>
${sheet.steps.length > 0 ? html`<ol class="flow">${sheet.steps.map(stepView)}</ol>` : html`<p class="empty">流程图中没有识别出步骤。</p>`}
${sheet.residue.length > 0 ? html`<details><summary>未能归位的文字（${sheet.residue.length} 处）</summary>${residueView(sheet.residue)}</details>` : ''}
<h2>来源</h2>
<p>${list.sourceFile} · ${lineRange(sheet.lines.firstLine, sheet.lines.lastLine)}</p>`;
}
