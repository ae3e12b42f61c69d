import { FIELD_LABELS, isFieldName } from '../../model/index.js';
import type { ItemSummary, ListDetail, Page } from '../store-port.js';
import { auditSummary, severityBadge } from './findings.js';
import { formatDateTime, href, lineRange, listName, pager, powerTypeName, where } from './format.js';
import { html, type SafeHtml } from '../../html/index.js';

export interface ListView {
  list: ListDetail;
  items: Page<ItemSummary>;
  type?: string | undefined;
}

function typeFilter(list: ListDetail, current: string | undefined): SafeHtml {
  const all = html`<li><a class="chip${current ? '' : ' current'}" href="${href(['lists', list.id])}"${current ? '' : html` aria-current="true"`}>全部 ${list.itemCount}</a></li>`;
  const types = Object.entries(list.countsByType).map(
    ([type, count]) =>
      html`<li><a class="chip${type === current ? ' current' : ''}" href="${href(['lists', list.id], { type })}"${type === current ? html` aria-current="true"` : ''}>${type} ${count}</a></li>`,
  );
  return html`<nav aria-label="按权力类型筛选"><ul class="chips">${all}${types}</ul></nav>`;
}

function itemsTable(view: ListView): SafeHtml {
  const { items } = view;
  if (items.items.length === 0) return html`<p class="empty">${view.type ? `没有“${view.type}”类的事项。` : '这份清单没有事项。'}</p>`;
  return html`<div class="table-scroll"><table>
<thead><tr><th scope="col">序号</th><th scope="col">事项名称</th><th scope="col">权力类型</th></tr></thead>
<tbody>
${items.items.map(
  (item) => html`<tr>
  <td>${item.seq ?? (item.impliedSeq !== null ? html`<span title="原文无序号，按前后推断">${item.impliedSeq}*</span>` : '—')}</td>
  <td><a href="${href(['items', item.id])}">${item.name}</a>${item.subItem ? html`<div class="muted">子项：${item.subItem}</div>` : ''}</td>
  <td>${powerTypeName(item.powerType)}</td>
</tr>`,
)}
</tbody></table></div>
${items.items.some((item) => item.seq === null && item.impliedSeq !== null) ? html`<p class="muted">* 原文无序号，按前后推断。</p>` : ''}
${pager(items, (page) => href(['lists', view.list.id], { type: view.type, page }))}`;
}

function processLinks(list: ListDetail): SafeHtml {
  if (list.metadata.processSheets.length === 0) return html``;
  return html`<h2>办理流程图</h2>
<ul>${list.metadata.processSheets.map((sheet, i) => html`<li><a href="${href(['lists', list.id, 'processes', i + 1])}">${sheet.title}</a>${sheet.category ? html` <span class="chip">${sheet.category}</span>` : ''}</li>`)}</ul>`;
}

function aboutList(list: ListDetail): SafeHtml {
  return html`<h2>关于这份清单</h2>
<details>
<summary>版本（${list.versions.length}）</summary>
<ul>${list.versions.map((v) => html`<li>第 ${v.versionNo} 版${v.latest ? '（最新）' : ''} · ${formatDateTime(v.importedAt)} · ${v.sourceFile} · ${v.itemCount} 项 · <code>${v.sha256.slice(0, 12)}</code></li>`)}</ul>
</details>
${
  list.metadata.columns.length > 0
    ? html`<details><summary>列映射（${list.metadata.columns.length}）</summary><ul>${list.metadata.columns.map((c) => html`<li>${c.header} → ${c.field === null ? '（未识别，原样保留）' : isFieldName(c.field) ? FIELD_LABELS[c.field] : c.field}</li>`)}</ul></details>`
    : ''
}
${
  list.metadata.residue.length > 0
    ? html`<details><summary>未归入事项的文字（${list.metadata.residue.length} 处）</summary>${list.metadata.residue.map(
        (r) => html`<div class="residue"><p class="muted">${lineRange(r.firstLine, r.lastLine)} · ${r.reason}</p><pre class="raw">${r.text}</pre></div>`,
      )}</details>`
    : ''
}
${
  list.metadata.findings.length > 0
    ? html`<details><summary>导入时的提示（${list.metadata.findings.length} 条）</summary><ul>${list.metadata.findings.map(
        (f) => html`<li>${severityBadge(f.severity)}${where(f.place) ? `${where(f.place)}：` : ''}${f.message}</li>`,
      )}</ul></details>`
    : ''
}`;
}

/** A list page: its facts, a type filter, its items (paged), its flowcharts. */
export function listBody(view: ListView): SafeHtml {
  const { list } = view;
  return html`<h1>${listName(list)}</h1>
<dl class="facts">
  <dt>部门</dt><dd>${list.department ?? '未知'}</dd>
  ${list.level ? html`<dt>层级</dt><dd>${list.level}</dd>` : ''}
  ${list.region ? html`<dt>地区</dt><dd>${list.region}</dd>` : ''}
  <dt>来源文件</dt><dd>${list.sourceFile}</dd>
  <dt>导入时间</dt><dd>${formatDateTime(list.importedAt)}</dd>
  <dt>版本</dt><dd>第 ${list.versionNo} 版（共 ${list.versionCount} 个） · <a href="${href(['lists', list.id, 'versions'])}">版本历史${list.versionCount > 1 ? '与比较' : ''}</a></dd>
  <dt>核查</dt><dd>${auditSummary(list)}</dd>
</dl>
${list.itemCount > 0 || list.metadata.processSheets.length === 0 ? html`<h2>权力事项</h2>${typeFilter(list, view.type)}${itemsTable(view)}` : ''}
${processLinks(list)}
${aboutList(list)}`;
}
