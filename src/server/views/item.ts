import { countBySeverity } from '../../audit/index.js';
import type { AccountabilityCell, Finding, LocalCode, PowerItem, TextCell, TimeLimit } from '../../model/index.js';
import type { ItemDetail } from '../store-port.js';
import { dutiesView } from './duties.js';
import { href, lineRange, listName, textBlock } from './format.js';
import { findingsBySeverity, severityChips } from './findings.js';
import { html, type SafeHtml, trusted } from '../../html/index.js';
import { provisionCellView, residueView } from './provisions.js';

function cellValue(cell: TextCell | undefined): SafeHtml {
  if (!cell || cell.text === '') return html`<span class="empty">无</span>`;
  return html`<span class="text">${cell.text}</span>${cell.flags.includes('truncated') ? html` <span class="badge warn">原文被截断</span>` : ''}`;
}

/** A cell the source cut off mid-text says so where it is shown. */
function cutNote(cell: TextCell | undefined): SafeHtml {
  return cell?.flags.includes('truncated') ? html`<p><span class="badge warn">原文被截断</span><span class="muted">来源文件中此栏内容不完整。</span></p>` : html``;
}

function limitValue(limit: TimeLimit): string {
  return limit.value !== undefined && limit.unit ? `${limit.value} 个${limit.unit}（原文：${limit.raw}）` : limit.raw;
}

function localCodeValue(code: LocalCode): SafeHtml {
  return html`<code>${code.raw}</code>
<ul class="chips">
  ${code.creditCode ? html`<li><span class="chip">统一社会信用代码 ${code.creditCode}</span></li>` : ''}
  ${code.typeSegment ? html`<li><span class="chip">类型段 ${code.typeSegment}</span></li>` : ''}
  ${code.itemNo ? html`<li><span class="chip">事项号 ${code.itemNo}</span></li>` : ''}
  ${code.subNo ? html`<li><span class="chip">子项号 ${code.subNo}</span></li>` : ''}
  ${code.undocumented.length > 0 ? html`<li><span class="chip">含义未说明的位 ${code.undocumented.join(' ')}</span></li>` : ''}
</ul>`;
}

function accountabilityView(cell: AccountabilityCell | undefined): SafeHtml {
  if (!cell || cell.text === '') return textBlock(undefined);
  if (cell.situations.length === 0) return html`${textBlock(cell.text)}${residueView(cell.residue)}`;
  return html`${cell.preamble ? html`<p class="text">${cell.preamble}</p>` : ''}
<ul class="provisions">${cell.situations.map(
    (s) => html`<li class="provision"><span class="muted">${s.label}</span> <span class="text">${s.text}</span>${s.pursuer ? html` <span class="chip">追责机关：${s.pursuer}</span>` : ''}</li>`,
  )}</ul>
${residueView(cell.residue)}`;
}

function facts(detail: ItemDetail): SafeHtml {
  const item = detail.item;
  return html`<dl class="facts">
  <dt>权力类型</dt><dd>${item.powerType.type ?? html`${item.powerType.raw} <span class="badge warn">未识别的类型</span>`}</dd>
  <dt>事项名称</dt><dd>${cellValue(item.name)}</dd>
  <dt>子项</dt><dd>${cellValue(item.subItem)}</dd>
  <dt>实施主体</dt><dd>${cellValue(item.subject)}</dd>
  <dt>承办机构</dt><dd>${cellValue(item.office)}</dd>
  ${item.serviceLevel ? html`<dt>办事层级</dt><dd>${cellValue(item.serviceLevel)}</dd>` : ''}
  ${item.statutoryLimit ? html`<dt>法定时限</dt><dd>${limitValue(item.statutoryLimit)}</dd>` : ''}
  ${item.promisedLimit ? html`<dt>承诺时限</dt><dd>${limitValue(item.promisedLimit)}</dd>` : ''}
  ${item.localCode ? html`<dt>地方权力编码</dt><dd>${localCodeValue(item.localCode)}</dd>` : ''}
  ${item.subLocalCode ? html`<dt>子项地方权力编码</dt><dd>${localCodeValue(item.subLocalCode)}</dd>` : ''}
  <dt>所属清单</dt><dd><a href="${href(['lists', detail.listId])}">${listName({ title: detail.listTitle, department: detail.department, sourceFile: detail.sourceFile })}</a>${detail.department ? `（${detail.department}）` : ''}</dd>
</dl>`;
}

function extraView(item: PowerItem): SafeHtml {
  const entries = Object.entries(item.extra);
  if (entries.length === 0) return html``;
  return html`<h2>其他列</h2><dl class="facts">${entries.map(([header, cell]) => html`<dt>${header}</dt><dd>${cellValue(cell)}</dd>`)}</dl>`;
}

function findingsView(findings: readonly Finding[]): SafeHtml {
  return html`<h2 id="findings">核查发现</h2>
${findings.length === 0 ? html`<p class="empty">暂无核查发现。</p>` : html`${severityChips(countBySeverity(findings))}${findingsBySeverity(findings)}`}`;
}

/** The item's flowchart and where to download it. */
export interface ItemFlow {
  /** The SVG drawn from the item's 责任事项 (its text already escaped); null when it has no numbered step. */
  svg: string | null;
  /** BPMN 2.0 and SVG downloads: the stored definition's when there is one, else derived from the item. */
  bpmnHref: string;
  svgHref: string;
  /** The stored process definition the downloads come from, when there is one. */
  stored?: { id: string; version: number } | undefined;
}

function flowView(flow: ItemFlow): SafeHtml {
  if (flow.svg === null) return html`<h2 id="flow">办理流程图</h2><p class="empty">责任事项中没有编号的办理环节，无法画出流程图。</p>`;
  return html`<h2 id="flow">办理流程图</h2>
<p class="muted">按责任事项逐步画出；点击环节可跳到对应的责任事项。</p>
<div class="flowchart">${trusted(flow.svg)}</div>
<p>导出：<a href="${flow.bpmnHref}" download>BPMN 2.0</a> · <a href="${flow.svgHref}" download>SVG</a>${
    flow.stored ? html` <span class="muted">（已保存的流程定义 <a href="${href(['processes', flow.stored.id])}">${flow.stored.id}</a> 第 ${flow.stored.version} 版）</span>` : ''
  }</p>`;
}

function sourceView(detail: ItemDetail): SafeHtml {
  const p = detail.item.provenance;
  const lines = lineRange(p.firstLine, p.lastLine);
  return html`<h2 id="source">来源</h2>
<p>${detail.sourceFile}${p.sheet ? html` · 工作表“${p.sheet}”` : ''}${p.page ? ` · 第 ${p.page} 页` : ''} · ${lines} · 第 ${p.record + 1} 条记录</p>
<details>
<summary>原始单元格（${p.cells.length} 个）</summary>
<div class="table-scroll"><table>
<thead><tr><th scope="col">列</th><th scope="col">行</th><th scope="col">原文</th></tr></thead>
<tbody>${p.cells.map((c) => html`<tr><td>${c.header}</td><td>${c.line}</td><td><pre class="raw">${c.raw}</pre></td></tr>`)}</tbody>
</table></div>
</details>`;
}

/**
 * The item page body: every field, the duties as steps with their bases, findings, source;
 * `actions` (the 立案 form of a signed-in user) right under the facts.
 */
export function itemBody(detail: ItemDetail, findings: readonly Finding[], flow?: ItemFlow, actions?: SafeHtml): SafeHtml {
  const item = detail.item;
  const seq = item.seq ?? (item.impliedSeq !== undefined ? `${item.impliedSeq}（推断）` : null);
  return html`<article class="item">
<p><span class="badge">${item.powerType.type ?? item.powerType.raw}</span>${seq ? html`<span class="muted">序号 ${seq}</span>` : ''}</p>
<h1>${item.name.text || '（无名称）'}</h1>
${facts(detail)}
${actions ? html`${actions}
` : ''}<h2 id="basis">实施依据</h2>
${cutNote(item.basis)}${provisionCellView(item.basis, 'basis')}
<h2 id="duties">责任事项</h2>
${cutNote(item.duties)}${item.dutyBasis?.flags.includes('truncated') ? html`<p><span class="badge warn">原文被截断</span><span class="muted">来源文件中“责任事项依据”一栏内容不完整。</span></p>` : ''}
${dutiesView(item.duties, item.dutyBasis)}
${flow ? flowView(flow) : ''}
<h2 id="accountability">追责情形</h2>
${cutNote(item.accountability)}${accountabilityView(item.accountability)}
<h2>追责依据</h2>
${cutNote(item.accountabilityBasis)}${provisionCellView(item.accountabilityBasis, 'accountability-basis')}
<h2>免责情形</h2>
${cutNote(item.exemption)}${textBlock(item.exemption?.text)}
<h2>备注</h2>
${cutNote(item.remark)}${textBlock(item.remark?.text)}
${extraView(item)}
${findingsView(findings)}
${sourceView(detail)}
</article>`;
}
