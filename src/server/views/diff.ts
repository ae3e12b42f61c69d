import type { DiffEntry, DiffItemRef, FieldChange } from '../../align/index.js';
import type { VersionDiffResult } from '../align-queries.js';
import { formatDateTime, href, listName } from './format.js';
import { html, type SafeHtml } from '../../html/index.js';
import { segmentsView } from './segments.js';
import { versionLabel, versionPicker } from './versions.js';

export interface DiffView extends VersionDiffResult {
  /** Item ids by position in the older and the newer version, for links. */
  oldIds: ReadonlyMap<number, string>;
  newIds: ReadonlyMap<number, string>;
}

const CHANGE = { added: '新填', removed: '清空', modified: '' } as const;

function changeRow(change: FieldChange): SafeHtml {
  return html`<tr><th scope="row">${change.label}${CHANGE[change.change] ? html` <span class="muted">（${CHANGE[change.change]}）</span>` : ''}</th><td class="diff">${segmentsView(change.segments)}</td></tr>`;
}

function refView(ref: DiffItemRef, ids: ReadonlyMap<number, string>, sheetLink: boolean, listId: string): SafeHtml {
  const target =
    ref.kind === 'item' ? (ids.has(ref.index) ? href(['items', ids.get(ref.index) as string]) : undefined) : sheetLink ? href(['lists', listId, 'processes', ref.index + 1]) : undefined;
  const place = ref.kind === 'sheet' ? '流程图' : ref.seq;
  return html`${place ? html`<span class="seq">${place}</span> ` : ''}${target ? html`<a href="${target}">${ref.name}</a>` : ref.name} <span class="chip">${ref.type || '类型未填'}</span>`;
}

function entryView(entry: DiffEntry, view: DiffView): SafeHtml | null {
  const listId = view.list.id;
  if (entry.kind === 'added') return html`<li class="entry added"><p><span class="badge add">新增</span>${refView(entry.new, view.newIds, view.to.latest, listId)}</p></li>`;
  if (entry.kind === 'removed') return html`<li class="entry removed"><p><span class="badge del">删除</span>${refView(entry.old, view.oldIds, false, listId)}</p></li>`;
  if (entry.changes.length === 0 && !entry.moved) return null;
  const marks = [entry.renamed ? '改名' : '', entry.changes.length > 0 && !entry.renamed ? '修改' : '', entry.moved ? '移动' : ''].filter(Boolean);
  return html`<li class="entry kept"><p>${marks.map((m) => html`<span class="badge warn">${m}</span>`)}${refView(entry.new, view.newIds, view.to.latest, listId)}</p>
${entry.moved ? html`<p class="muted">位置：第 ${entry.old.index + 1} 项 → 第 ${entry.new.index + 1} 项</p>` : ''}
${entry.changes.length > 0 ? html`<table class="changes">${entry.changes.map(changeRow)}</table>` : ''}
</li>`;
}

/** The diff between two versions of a list: counts, then every entry that changed. */
export function diffBody(view: DiffView): SafeHtml {
  const { list, from, to, diff } = view;
  const { counts } = diff;
  const shown = diff.entries.map((e) => entryView(e, view)).filter((e): e is SafeHtml => e !== null);
  return html`<h1>${listName(list)}：${versionLabel(from)} → ${versionLabel(to)}</h1>
<dl class="facts">
  <dt>${versionLabel(from)}</dt><dd>${formatDateTime(from.importedAt)} · ${from.sourceFile} · ${diff.old.items} 项${diff.old.sheets ? ` · 流程图 ${diff.old.sheets} 张` : ''}</dd>
  <dt>${versionLabel(to)}</dt><dd>${formatDateTime(to.importedAt)} · ${to.sourceFile} · ${diff.new.items} 项${diff.new.sheets ? ` · 流程图 ${diff.new.sheets} 张` : ''}</dd>
</dl>
${list.versions.length > 1 ? versionPicker(list, from.versionNo, to.versionNo) : ''}
<h2>变化</h2>
<ul class="chips counts" aria-label="变化统计">
  <li><span class="chip">新增 ${counts.added}</span></li>
  <li><span class="chip">删除 ${counts.removed}</span></li>
  <li><span class="chip">改名 ${counts.renamed}</span></li>
  <li><span class="chip">移动 ${counts.moved}</span></li>
  <li><span class="chip">内容有变化 ${counts.changed}</span></li>
  <li><span class="chip">未变 ${counts.unchanged}</span></li>
</ul>
${
  from.id === to.id
    ? html`<p class="empty">选的是同一个版本。</p>`
    : shown.length > 0
      ? html`<ol class="diff-entries">${shown}</ol>`
      : html`<p class="empty">两个版本的事项完全相同。</p>`
}
<p><a href="${href(['lists', list.id, 'versions'])}">返回版本历史</a></p>`;
}
