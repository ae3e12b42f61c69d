import type { ListFindings } from '../findings-queries.js';
import type { ListDetail } from '../store-port.js';
import { findingsBySeverity, ruleText, severityChips } from './findings.js';
import { href, listName } from './format.js';
import { html, type SafeHtml } from '../../html/index.js';

const ORIGIN_LABELS = { import: '导入', audit: '核查' } as const;

function rulesTable(report: ListFindings): SafeHtml {
  return html`<div class="table-scroll"><table class="rules">
<thead><tr><th scope="col">规则</th><th scope="col">来源</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col">提示</th><th scope="col">合计</th></tr></thead>
<tbody>${report.rules.map(
    (r) => html`<tr><td>${ruleText(r.ruleId)}</td><td>${ORIGIN_LABELS[r.origin]}</td><td>${r.counts.error}</td><td>${r.counts.warning}</td><td>${r.counts.info}</td><td>${r.count}</td></tr>`,
  )}</tbody>
</table></div>`;
}

function itemSection(entry: ListFindings['items'][number]): SafeHtml {
  return html`<section class="report-item" id="item-${entry.itemId}">
<h3><a href="${href(['items', entry.itemId])}"><span class="seq">${entry.label}</span> ${entry.name || '（无名称）'}</a></h3>
${severityChips(entry.counts)}
${findingsBySeverity(entry.findings, 4)}
</section>`;
}

/**
 * A list's check report: what was found in its latest version, counted by severity and by
 * rule, then item by item, each linking to its page.
 */
export function reportBody(list: ListDetail, report: ListFindings): SafeHtml {
  const listHref = href(['lists', list.id]);
  return html`<h1>${listName(list)} · 核查报告</h1>
<p>第 ${report.versionNo} 版（最新） · 共 ${report.total} 条发现 · <a href="${listHref}">返回清单</a> · <a href="${href(['api', 'lists', list.id, 'findings'])}">JSON</a></p>
${report.audited ? '' : html`<p class="muted">这一版本还没有核查规则保存的结果，下面只有导入时发现的问题。可运行 <code>quanze check --db</code> 核查并保存。</p>`}
${severityChips(report.counts)}
${report.total === 0 ? html`<p class="empty">没有发现问题。</p>` : html`<h2 id="rules">按规则</h2>${rulesTable(report)}`}
${report.list.length > 0 ? html`<h2 id="list-findings">整份清单</h2>${findingsBySeverity(report.list)}` : ''}
${report.items.length > 0 ? html`<h2 id="items">按事项（${report.items.length} 项有发现）</h2>${report.items.map(itemSection)}` : ''}`;
}
