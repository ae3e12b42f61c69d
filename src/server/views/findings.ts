import { describeRule, SEVERITY_LABELS, type SeverityCounts } from '../../audit/index.js';
import type { Finding, Severity } from '../../model/index.js';
import { html, type SafeHtml } from '../../html/index.js';
import type { ListSummary } from '../store-port.js';
import { href, where } from './format.js';

/** Most severe first, as pages list them. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const BADGE_CLASS: Record<Severity, string> = { error: 'badge', warning: 'badge warn', info: 'badge plain' };

export function severityBadge(severity: Severity): SafeHtml {
  return html`<span class="${BADGE_CLASS[severity]}">${SEVERITY_LABELS[severity]}</span>`;
}

/** "错误 1 · 警告 26 · 提示 3" as chips; levels with none are left out. */
export function severityChips(counts: SeverityCounts): SafeHtml {
  const present = SEVERITIES.filter((s) => counts[s] > 0);
  if (present.length === 0) return html``;
  return html`<ul class="chips" aria-label="按严重程度">${present.map((s) => html`<li><span class="chip sev-${s}">${SEVERITY_LABELS[s]} ${counts[s]}</span></li>`)}</ul>`;
}

/**
 * A list's audit state in one line, linking to its report: the latest version's findings by
 * severity (the import's alone, said so, when it was never audited), or that the audit found
 * nothing, or that it was never audited.
 */
export function auditSummary(list: Pick<ListSummary, 'id' | 'auditedAt' | 'findingCounts'>): SafeHtml {
  const report = href(['lists', list.id, 'report']);
  const total = SEVERITIES.reduce((n, s) => n + list.findingCounts[s], 0);
  if (total > 0) {
    return html`<a class="audit-summary" href="${report}" title="核查报告">${SEVERITIES.filter((s) => list.findingCounts[s] > 0).map(
      (s) => html`<span class="chip sev-${s}">${SEVERITY_LABELS[s]} ${list.findingCounts[s]}</span>`,
    )}</a> <a href="${report}">核查报告</a>${list.auditedAt === null ? html` <span class="muted">（导入时的提示；未核查）</span>` : ''}`;
  }
  return list.auditedAt === null ? html`<span class="muted">未核查</span>` : html`<a href="${report}">核查未发现问题</a>`;
}

/** What a rule id stands for, in Chinese; the id itself for a rule quanze does not know. */
export function ruleText(ruleId: string): SafeHtml {
  const description = describeRule(ruleId)?.description;
  return html`<span class="rule"><code>${ruleId}</code>${description ? html`：${description}` : ''}</span>`;
}

/** One finding: its message, the field it points at, and its rule's description. */
export function findingEntry(finding: Finding): SafeHtml {
  return html`<li class="finding">
  <p>${severityBadge(finding.severity)}${finding.message}${finding.place.field ? html` <span class="muted">（${finding.place.field}）</span>` : ''}${where(finding.place) ? html` <span class="muted">${where(finding.place)}</span>` : ''}</p>
  <p class="muted">${ruleText(finding.ruleId)}</p>
</li>`;
}

/**
 * Findings grouped by severity, each group under its own heading; `level` is the heading
 * level the page needs there.
 */
export function findingsBySeverity(findings: readonly Finding[], level: 3 | 4 = 3): SafeHtml {
  return html`${SEVERITIES.map((severity) => {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) return '';
    const heading = html`${SEVERITY_LABELS[severity]}（${group.length} 条）`;
    return html`<section class="findings sev-${severity}">
${level === 3 ? html`<h3>${heading}</h3>` : html`<h4>${heading}</h4>`}
<ul class="findings">${group.map(findingEntry)}</ul>
</section>`;
  })}`;
}
