import { escapeHtml } from '../../html/index.js';
import type { DiffEntry, ListDiff } from '../diff/list-diff.js';
import type { Segment } from '../diff/text-diff.js';
import { condense } from './condense.js';
import { describeRef } from './diff-text.js';

export { escapeHtml };

/** Segments as HTML: <del> for removed text, <ins> for added; every character escaped. */
export function renderSegmentsHtml(segments: readonly Segment[], context = 60): string {
  return condense(segments, context)
    .map((s) => {
      const text = escapeHtml(s.text);
      if (s.op === 'delete') return `<del>${text}</del>`;
      if (s.op === 'insert') return `<ins>${text}</ins>`;
      return s.elided ? `<span class="elided">${text}</span>` : text;
    })
    .join('');
}

const KIND_LABEL = { added: '新增', removed: '删除' } as const;

function entryHtml(entry: DiffEntry, context: number): string {
  if (entry.kind !== 'kept') {
    const ref = entry.kind === 'added' ? entry.new : entry.old;
    return `<li class="${entry.kind}"><span class="mark">${KIND_LABEL[entry.kind]}</span> ${escapeHtml(describeRef(ref))}</li>`;
  }
  const marks = [entry.renamed ? '改名' : '', entry.moved ? `移动（第${entry.old.index + 1}项 → 第${entry.new.index + 1}项）` : '', entry.changes.length > 0 && !entry.renamed ? '修改' : ''].filter(Boolean);
  if (marks.length === 0) return '';
  const rows = entry.changes
    .map((c) => `<tr><th>${escapeHtml(c.label)}</th><td>${renderSegmentsHtml(c.segments, context)}</td></tr>`)
    .join('');
  return `<li class="kept"><span class="mark">${escapeHtml(marks.join('、'))}</span> ${escapeHtml(describeRef(entry.new))}${rows ? `<table>${rows}</table>` : ''}</li>`;
}

const STYLE = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em;line-height:1.6}
ul{list-style:none;padding:0}li{margin:.6em 0;padding:.4em .6em;border-left:4px solid #ccc}
li.added{border-color:#2a7}li.removed{border-color:#c33}li.kept{border-color:#c90}
.mark{font-weight:bold}table{border-collapse:collapse;margin-top:.4em}th{text-align:left;vertical-align:top;padding-right:1em;white-space:nowrap}
td{white-space:pre-wrap}del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}.elided{color:#888}`;

/**
 * A standalone HTML page of a version diff for `quanze diff --format html`. Everything
 * from the lists is escaped; the page holds no script.
 *
 * @example await writeFile('diff.html', renderDiffHtml(diffLists(v1, v2)))
 */
export function renderDiffHtml(diff: ListDiff, options: { context?: number } = {}): string {
  const { counts } = diff;
  const title = `版本比对：${diff.old.label} → ${diff.new.label}`;
  const items = diff.entries.map((e) => entryHtml(e, options.context ?? 60)).filter(Boolean);
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(`${diff.old.label}：${diff.old.items} 项；${diff.new.label}：${diff.new.items} 项`)}</p>
<p>新增 ${counts.added}，删除 ${counts.removed}，改名 ${counts.renamed}，移动 ${counts.moved}，内容变化 ${counts.changed}，未变 ${counts.unchanged}</p>
${items.length > 0 ? `<ul>\n${items.join('\n')}\n</ul>` : '<p>两个版本的事项完全相同。</p>'}
</body>
</html>
`;
}
