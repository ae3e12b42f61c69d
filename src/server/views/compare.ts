import type { AlignedPair, Comparison, EntryInfo, Inconsistency, ListInfo } from '../../align/index.js';
import type { CompareResult } from '../align-queries.js';
import { MAX_COMPARED, MIN_COMPARED } from '../api/align-params.js';
import type { ListSummary } from '../store-port.js';
import { type Agreement, type GroupSummary, summarizeGroups } from './compare-summary.js';
import { href, listName } from './format.js';
import { html, type SafeHtml } from '../../html/index.js';
import { segmentsView } from './segments.js';

export interface CompareView {
  /** Every list, for the form. */
  lists: readonly ListSummary[];
  selected: readonly string[];
  /** Why the selection cannot be compared, shown above the form. */
  error?: string;
  result?: CompareResult & {
    /** Per compared list, item ids by position, for links. */
    itemIds: readonly ReadonlyMap<number, string>[];
  };
}

type Linker = (entry: EntryInfo) => string | undefined;

function compareForm(view: CompareView): SafeHtml {
  const selected = new Set(view.selected);
  return html`<form class="compare-form" action="/compare" method="get">
<fieldset>
  <legend>选择要比对的清单（${MIN_COMPARED}–${MAX_COMPARED} 份）</legend>
  ${view.error ? html`<p class="form-error" role="alert">${view.error}</p>` : ''}
  <ul class="choices">${view.lists.map(
    (list) => html`<li><label><input type="checkbox" name="lists" value="${list.id}"${selected.has(list.id) ? html` checked` : ''}>
    <span><strong>${listName(list)}</strong> <span class="muted">${[list.level, `${list.itemCount} 项`].filter(Boolean).join(' · ')}</span></span></label></li>`,
  )}</ul>
  <button type="submit">比对</button>
</fieldset>
</form>`;
}

function entryView(entry: EntryInfo | undefined, link: Linker): SafeHtml {
  if (!entry) return html`<span class="empty">无</span>`;
  const target = link(entry);
  const seq = entry.seq ? html`<span class="seq">${entry.seq}</span> ` : entry.ref.kind === 'sheet' ? html`<span class="seq">流程图</span> ` : '';
  return html`${seq}${target ? html`<a href="${target}">${entry.label}</a>` : entry.label} <span class="chip">${entry.type || '类型未填'}</span>`;
}

const COMPONENT = { name: '名称', action: '行为', type: '类型', basis: '依据', code: '编码' } as const;

function inconsistencyView(issue: Inconsistency): SafeHtml {
  if (issue.kind === 'name') return html`<li class="issue">事项名称不同：<span class="diff">${segmentsView(issue.segments)}</span></li>`;
  return html`<li class="issue">${issue.message}</li>`;
}

function pairRow(pair: AlignedPair, link: Linker, names: readonly [string, string]): SafeHtml {
  const percent = Math.round(pair.score * 100);
  return html`<tr${pair.inconsistencies.length > 0 ? html` class="has-issues"` : ''}>
  <td data-label="${names[0]}">${entryView(pair.left, link)}</td>
  <td data-label="${names[1]}">${entryView(pair.right, link)}</td>
  <td data-label="相似度" class="score"><meter min="0" max="1" low="0.6" high="0.85" optimum="1" value="${pair.score.toFixed(3)}" aria-hidden="true"></meter> <span>${percent}%</span></td>
  <td data-label="说明">
    <ul class="reasons">${pair.reasons.map((r) => html`<li><span class="badge plain">${COMPONENT[r.component]}</span>${r.message}</li>`)}</ul>
    ${pair.inconsistencies.length > 0 ? html`<ul class="issues" aria-label="不一致之处">${pair.inconsistencies.map(inconsistencyView)}</ul>` : ''}
  </td>
</tr>`;
}

function unmatched(list: ListInfo, entries: readonly EntryInfo[], link: Linker): SafeHtml {
  return html`<h4>只在${list.label}中（${entries.length} 项）</h4>
${entries.length > 0 ? html`<ul class="unmatched">${entries.map((e) => html`<li>${entryView(e, link)}</li>`)}</ul>` : html`<p class="empty">没有。</p>`}`;
}

function comparisonView(comparison: Comparison, lists: readonly ListInfo[], link: Linker, n: number): SafeHtml {
  const left = lists[comparison.left] as ListInfo;
  const right = lists[comparison.right] as ListInfo;
  const issues = comparison.pairs.filter((p) => p.inconsistencies.length > 0).length;
  return html`<section class="comparison" id="pair-${n}">
<h3>${left.label} ↔ ${right.label}</h3>
<p>配对 ${comparison.pairs.length} 对，其中 ${issues} 对有不一致；${left.label}另有 ${comparison.unmatchedLeft.length} 项、${right.label}另有 ${comparison.unmatchedRight.length} 项未配对。</p>
${
  comparison.pairs.length > 0
    ? html`<table class="pairs">
<thead><tr><th scope="col">${left.label}</th><th scope="col">${right.label}</th><th scope="col">相似度</th><th scope="col">理由与不一致</th></tr></thead>
<tbody>${comparison.pairs.map((p) => pairRow(p, link, [left.label, right.label]))}</tbody>
</table>`
    : html`<p class="empty">两份清单没有可配对的事项。</p>`
}
${unmatched(left, comparison.unmatchedLeft, link)}
${unmatched(right, comparison.unmatchedRight, link)}
</section>`;
}

const AGREEMENT: Readonly<Record<Agreement, { text: string; cls: string }>> = {
  same: { text: '相同', cls: 'ok' },
  different: { text: '不同', cls: 'bad' },
  unknown: { text: '无法判断', cls: 'unknown' },
};

function agreement(value: Agreement, what: string): SafeHtml {
  const { text, cls } = AGREEMENT[value];
  return html`<td data-label="${what}"><span class="agree ${cls}">${text}</span></td>`;
}

function summaryView(groups: readonly GroupSummary[], lists: readonly ListInfo[], link: Linker): SafeHtml {
  if (groups.length === 0) return html`<p class="empty">所选清单之间没有找到同一项权力。</p>`;
  const all = groups.filter((g) => g.name === 'same' && g.type === 'same' && g.basis === 'same').length;
  return html`<p>${groups.length} 项权力出现在两份以上清单中，其中 ${all} 项名称、类型、依据都相同。</p>
<table class="summary">
<thead><tr><th scope="col">权力事项（各清单的写法）</th><th scope="col">名称</th><th scope="col">类型</th><th scope="col">依据</th></tr></thead>
<tbody>${groups.map(
  (g) => html`<tr>
  <td data-label="事项"><ul class="members">${g.members.map((entries, i) =>
    entries.length > 0 ? html`<li><span class="muted">${(lists[i] as ListInfo).label}：</span>${entries.map((e) => entryView(e, link))}</li>` : '',
  )}</ul></td>
  ${agreement(g.name, '名称')}${agreement(g.type, '类型')}${agreement(g.basis, '依据')}
</tr>`,
)}</tbody>
</table>`;
}

/** The compare page: the choice of lists, then 四级四同 across them and each pair of lists in detail. */
export function compareBody(view: CompareView): SafeHtml {
  const { result } = view;
  if (!result) {
    return html`<h1>清单比对</h1>
<p>比对同一权力在不同部门、不同层级清单中的写法：名称、权力类型、实施依据是否一致（“四级四同”），哪些事项只有一方列出。</p>
${compareForm(view)}`;
  }
  const { alignment, lists } = result;
  const link: Linker = (entry) => {
    const list = lists[entry.ref.list];
    if (!list) return undefined;
    if (entry.ref.kind === 'sheet') return href(['lists', list.id, 'processes', entry.ref.index + 1]);
    const id = result.itemIds[entry.ref.list]?.get(entry.ref.index);
    return id ? href(['items', id]) : undefined;
  };
  return html`<h1>清单比对</h1>
<ol class="compared">${lists.map((list, i) => html`<li><a href="${href(['lists', list.id])}">${listName(list)}</a> <span class="muted">${(alignment.lists[i] as ListInfo).items} 项${list.level ? ` · ${list.level}` : ''}</span></li>`)}</ol>
<details class="change-selection"><summary>更换清单</summary>${compareForm(view)}</details>
<h2>四级四同</h2>
${summaryView(summarizeGroups(alignment), alignment.lists, link)}
<h2>逐对比对</h2>
${alignment.comparisons.length > 1 ? html`<nav aria-label="比对目录"><ul>${alignment.comparisons.map((c, n) => html`<li><a href="#pair-${n + 1}">${(alignment.lists[c.left] as ListInfo).label} ↔ ${(alignment.lists[c.right] as ListInfo).label}</a></li>`)}</ul></nav>` : ''}
${alignment.comparisons.map((c, n) => comparisonView(c, alignment.lists, link, n + 1))}
<p class="muted">相似度低于 ${Math.round(alignment.minScore * 100)}% 的不配对。配对由名称、行为、权力类型、实施依据和地方权力编码综合判断。</p>`;
}
