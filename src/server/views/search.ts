import { FIELD_LABELS, POWER_TYPES } from '../../model/index.js';
import type { SearchHit, SearchPage, SnippetSegment } from '../store-port.js';
import { href, pager, powerTypeName } from './format.js';
import { html, type SafeHtml } from '../../html/index.js';

export interface SearchView {
  q: string;
  type?: string | undefined;
  agency?: string | undefined;
  /** Absent when nothing was asked yet. */
  results?: SearchPage;
}

/** Snippet segments with the matched ones in <mark>; the text itself is always escaped. */
export function snippetView(segments: readonly SnippetSegment[]): SafeHtml {
  return html`${segments.map((s) => (s.hit ? html`<mark>${s.text}</mark>` : s.text))}`;
}

function searchForm(view: SearchView): SafeHtml {
  return html`<form class="filters" action="/search" method="get" role="search">
  <label>关键词<input name="q" type="search" value="${view.q}" maxlength="200" required></label>
  <label>权力类型<select name="type">
    <option value="">全部</option>
    ${POWER_TYPES.map((t) => html`<option value="${t}"${t === view.type ? html` selected` : ''}>${t}</option>`)}
  </select></label>
  <label>部门<input name="agency" type="text" value="${view.agency ?? ''}" maxlength="100" placeholder="部门或实施主体，可只填一部分"></label>
  <button type="submit">搜索</button>
</form>`;
}

function hitView(hit: SearchHit): SafeHtml {
  return html`<li>
  <a href="${href(['items', hit.id])}"><strong>${hit.name}</strong></a>
  <span class="chip">${powerTypeName(hit.powerType)}</span>
  <p class="snippet"><span class="badge plain">${FIELD_LABELS[hit.field]}</span>${snippetView(hit.snippet)}</p>
  <p class="muted">${hit.listTitle ?? hit.department ?? ''}</p>
</li>`;
}

/** The search page: the form, then highlighted hits and paging. */
export function searchBody(view: SearchView): SafeHtml {
  const { results } = view;
  return html`<h1>搜索权力事项</h1>
${searchForm(view)}
${
  results === undefined
    ? html`<p class="muted">可按事项名称、依据条文、责任事项、部门等搜索。</p>`
    : results.total === 0
      ? html`<p class="empty">没有找到与“${view.q}”相关的事项。</p>`
      : html`<p>找到${results.totalExact ? '' : '至少'} ${results.total} 项与“${view.q}”相关的事项。</p>
<ol class="hits" start="${(results.page - 1) * results.pageSize + 1}">${results.items.map(hitView)}</ol>
${pager(results, (page) => href(['search'], { q: view.q, type: view.type, agency: view.agency, page }))}`
}`;
}
