import type { ListSummary } from '../store-port.js';
import { auditSummary } from './findings.js';
import { formatDateTime, href, listName } from './format.js';
import { html, type SafeHtml } from '../../html/index.js';

/** Adds up the per-type counts of every list, largest first. */
export function totalsByType(lists: readonly ListSummary[]): [string, number][] {
  const totals = new Map<string, number>();
  for (const list of lists) {
    for (const [type, count] of Object.entries(list.countsByType)) totals.set(type, (totals.get(type) ?? 0) + count);
  }
  return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
}

export function typeChips(counts: Readonly<Record<string, number>> | readonly [string, number][], link?: (type: string) => string): SafeHtml {
  const entries = Array.isArray(counts) ? (counts as [string, number][]) : Object.entries(counts);
  return html`<ul class="chips">${entries.map(([type, count]) =>
    link ? html`<li><a class="chip" href="${link(type)}">${type} ${count}</a></li>` : html`<li><span class="chip">${type} ${count}</span></li>`,
  )}</ul>`;
}

/** What a list holds: its items, its flowcharts (a flowchart document holds no items, so "0 项事项" says nothing), its versions. */
function listCounts(list: ListSummary): string {
  const parts = list.itemCount > 0 || list.processCount === 0 ? [`${list.itemCount} 项事项`] : [];
  if (list.processCount > 0) parts.push(`办理流程图 ${list.processCount} 份`);
  if (list.versionCount > 1) parts.push(`${list.versionCount} 个版本`);
  return parts.join('，');
}

/** The home page body: every list with its counts by power type. */
export function homeBody(lists: readonly ListSummary[]): SafeHtml {
  const items = lists.reduce((sum, l) => sum + l.itemCount, 0);
  return html`<h1>权责清单</h1>
<p>已收录 ${lists.length} 份清单，共 ${items} 项权力事项。${lists.length > 1 ? html` <a href="/compare">比对清单（四级四同）</a>` : ''}</p>
${typeChips(totalsByType(lists))}
${lists.length === 0 ? html`<p class="empty">还没有导入任何清单。可用 <code>quanze start</code> 导入内置示例。</p>` : ''}
<ul class="cards">
${lists.map(
  (list) => html`<li class="card">
  <h2><a href="${href(['lists', list.id])}">${listName(list)}</a></h2>
  <p class="muted">${list.department ?? '部门未知'}${list.level ? ` · ${list.level}` : ''}${list.region ? ` · ${list.region}` : ''}</p>
  <p>${listCounts(list)}</p>
  ${typeChips(list.countsByType, (type) => href(['lists', list.id], { type }))}
  <p class="audit">核查：${auditSummary(list)}</p>
  <p class="muted">来源：${list.sourceFile} · 导入于 ${formatDateTime(list.importedAt)}</p>
</li>`,
)}
</ul>`;
}
