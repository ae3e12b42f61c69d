import type { DiffEntry, DiffItemRef, ListDiff } from '../diff/list-diff.js';
import { condense } from './condense.js';

/** One line per change; removed text as [-…-], added text as {+…+}, as in a word diff. */
export function renderSegmentsText(segments: Parameters<typeof condense>[0], context = 30): string {
  return condense(segments, context)
    .map((s) => (s.op === 'equal' ? s.text : s.op === 'delete' ? `[-${s.text}-]` : `{+${s.text}+}`))
    .join('')
    .replace(/\n/g, '⏎');
}

export function describeRef(ref: DiffItemRef): string {
  const place = ref.kind === 'sheet' ? `流程图${ref.index + 1}` : `第${ref.index + 1}项`;
  return `${place}${ref.seq ? `（序号${ref.seq}）` : ''} ${ref.name}${ref.type ? `［${ref.type}］` : ''}`;
}

function entryLines(entry: DiffEntry, context: number): string[] {
  if (entry.kind === 'added') return [`+ 新增 ${describeRef(entry.new)}`];
  if (entry.kind === 'removed') return [`- 删除 ${describeRef(entry.old)}`];
  const marks = [entry.renamed ? '改名' : '', entry.moved ? `移动（第${entry.old.index + 1}项 → 第${entry.new.index + 1}项）` : '', entry.changes.length > 0 && !entry.renamed ? '修改' : '']
    .filter(Boolean)
    .join('、');
  if (!marks) return [];
  const head = entry.renamed ? `~ ${marks} ${describeRef(entry.old)} → ${entry.new.name}` : `~ ${marks} ${describeRef(entry.new)}`;
  const changes = entry.changes.map((c) => `    ${c.label}${c.change === 'added' ? '（新增）' : c.change === 'removed' ? '（删除）' : ''}：${renderSegmentsText(c.segments, context)}`);
  return [head, ...changes];
}

/**
 * The Chinese text form of a version diff, for the terminal.
 *
 * @example renderDiffText(diffLists(v1, v2))
 */
export function renderDiffText(diff: ListDiff, options: { context?: number } = {}): string {
  const { counts } = diff;
  const lines = [
    `版本比对：${diff.old.label}（${diff.old.items} 项${diff.old.sheets ? `，流程图 ${diff.old.sheets} 张` : ''}） → ${diff.new.label}（${diff.new.items} 项${diff.new.sheets ? `，流程图 ${diff.new.sheets} 张` : ''}）`,
    `  新增 ${counts.added}，删除 ${counts.removed}，改名 ${counts.renamed}，移动 ${counts.moved}，内容变化 ${counts.changed}，未变 ${counts.unchanged}`,
  ];
  const body = diff.entries.flatMap((e) => entryLines(e, options.context ?? 30));
  if (body.length === 0) lines.push('  两个版本的事项完全相同。');
  else lines.push(...body.map((line) => `  ${line}`));
  return `${lines.join('\n')}\n`;
}
