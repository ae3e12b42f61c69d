import type { Alignment, Comparison, EntryInfo, ListInfo } from '../align.js';

export function describeEntry(entry: EntryInfo): string {
  const place = entry.ref.kind === 'sheet' ? `流程图${entry.ref.index + 1}` : `第${entry.ref.index + 1}项`;
  return `${place} ${entry.label}［${entry.type || '类型未填'}］`;
}

function describeList(list: ListInfo): string {
  return `${list.label}（${list.file}，${list.items} 项${list.sheets ? `，流程图 ${list.sheets} 张` : ''}）`;
}

function comparisonLines(comparison: Comparison, lists: readonly ListInfo[]): string[] {
  const left = lists[comparison.left] as ListInfo;
  const right = lists[comparison.right] as ListInfo;
  const lines = [
    `比对：${describeList(left)} ↔ ${describeList(right)}`,
    `  配对 ${comparison.pairs.length} 对；${left.label}未配对 ${comparison.unmatchedLeft.length} 项，${right.label}未配对 ${comparison.unmatchedRight.length} 项（评分候选 ${comparison.candidates} 对）`,
  ];
  for (const pair of comparison.pairs) {
    lines.push(`  [${pair.score.toFixed(2)}] ${describeEntry(pair.left)}  ↔  ${describeEntry(pair.right)}`);
    lines.push(`      理由：${pair.reasons.map((r) => r.message).join('；')}`);
    for (const issue of pair.inconsistencies) lines.push(`      ! ${issue.message}`);
  }
  if (comparison.unmatchedLeft.length > 0) {
    lines.push(`  ${left.label}未配对：`);
    for (const entry of comparison.unmatchedLeft) lines.push(`    ${describeEntry(entry)}`);
  }
  if (comparison.unmatchedRight.length > 0) {
    lines.push(`  ${right.label}未配对：`);
    for (const entry of comparison.unmatchedRight) lines.push(`    ${describeEntry(entry)}`);
  }
  return lines;
}

/**
 * The Chinese text report of an alignment: each comparison's pairs with score, reasons and
 * inconsistencies, then what stayed unmatched.
 */
export function renderAlignmentText(alignment: Alignment): string {
  const blocks = alignment.comparisons.map((c) => comparisonLines(c, alignment.lists).join('\n'));
  const inconsistent = alignment.comparisons.reduce((n, c) => n + c.pairs.filter((p) => p.inconsistencies.length > 0).length, 0);
  const pairs = alignment.comparisons.reduce((n, c) => n + c.pairs.length, 0);
  const summary = `共 ${alignment.lists.length} 份清单，${alignment.comparisons.length} 组比对，配对 ${pairs} 对，其中 ${inconsistent} 对有不一致（配对阈值 ${alignment.minScore}）`;
  return `${[...blocks, summary].join('\n\n')}\n`;
}
