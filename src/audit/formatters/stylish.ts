import { type Finding, placeText } from '../../model/index.js';
import type { CheckResult } from '../runner.js';
import { SEVERITY_LABELS } from '../severity.js';
import { groupFindings } from '../describe.js';
import { countBySeverity } from './counts.js';

function line(f: Finding): string {
  const where = [placeText(f.place, { file: false }), f.place.field ?? ''].filter((s) => s !== '').join(' ');
  return `    ${where ? `${where}  ` : ''}${SEVERITY_LABELS[f.severity]}  ${f.message}  ${f.ruleId}`;
}

/**
 * The Chinese report for people, grouped by list and then by item, with a total at the end.
 *
 * @example formatStylish([checkList(list, { library, today })])
 */
export function formatStylish(results: readonly CheckResult[]): string {
  const out: string[] = [];
  const all: Finding[] = [];
  for (const result of results) {
    all.push(...result.findings);
    out.push(`${result.file}${result.title ? `  ${result.title}` : ''}`);
    if (result.findings.length === 0) {
      out.push('  没有发现问题', '');
      continue;
    }
    const grouped = groupFindings(result);
    if (grouped.list.length > 0) out.push('  清单', ...grouped.list.map(line));
    for (const item of grouped.items) out.push(`  事项 ${item.label}  ${item.name}`, ...item.findings.map(line));
    out.push('');
  }
  const c = countBySeverity(all);
  const total = c.error + c.warning + c.info;
  out.push(total === 0 ? '✔ 没有发现问题' : `✖ 共 ${total} 个问题（错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}）`);
  return `${out.join('\n')}\n`;
}
