import { html, type SafeHtml } from '../../html/index.js';
import { type Place, placeText, type SourceFormat } from '../../model/index.js';

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An ISO timestamp as Beijing time, "2025/01/02 10:20"; unparsable input is shown as is. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

/**
 * A same-site URL with its path segments and query values encoded; empty values are left
 * out so filter links stay short.
 *
 * @example href(['lists', id], { type: '行政处罚', page: 2 }) // "/lists/…?type=%E8%A1%8C…&page=2"
 */
export function href(segments: readonly (string | number)[], query: Readonly<Record<string, string | number | undefined | null>> = {}): string {
  const path = `/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Previous / next links and "第 2 / 5 页"; nothing when everything fits on one page. */
export function pager(page: { page: number; pageSize: number; total: number }, link: (page: number) => string): SafeHtml {
  const last = pageCount(page.total, page.pageSize);
  if (last <= 1 && page.page <= 1) return html``;
  return html`<nav class="pager" aria-label="分页">
    ${page.page > 1 ? html`<a href="${link(Math.min(page.page - 1, last))}" rel="prev">上一页</a>` : ''}
    <span>第 ${page.page} / ${last} 页（共 ${page.total} 条）</span>
    ${page.page < last ? html`<a href="${link(page.page + 1)}" rel="next">下一页</a>` : ''}
  </nav>`;
}

/** Where in its file a finding is, in the portal's spelling: "工作表“许可” 第 5 行"; '' when unknown. */
export function where(place: Place): string {
  return placeText(place, { file: false, spaced: true });
}

/** "第 3 行" or "第 3–7 行". */
export function lineRange(first: number, last: number): string {
  return first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`;
}

/** What a list is called on pages: its title, else its department, else its file. */
export function listName(list: { title: string | null; department: string | null; sourceFile: string }): string {
  return list.title ?? (list.department ? `${list.department}权责清单` : list.sourceFile);
}

/** What a reader calls the kind of file a version was imported from; the readers' own names are for the API. */
export const SOURCE_FORMAT_LABELS: Readonly<Record<SourceFormat, string>> = {
  'tab-records': '无表头的制表符分隔文本',
  'header-tsv': '带表头的制表符分隔文本',
  'markdown-table': 'Markdown 表格',
  'flowchart-text': '流程图文本',
  xlsx: 'Excel 表格',
  csv: 'CSV 表格',
  docx: 'Word 文档',
  html: '网页',
  pdf: 'PDF 文档',
  json: 'JSON 数据',
};

export function sourceFormatName(format: string): string {
  return Object.hasOwn(SOURCE_FORMAT_LABELS, format) ? SOURCE_FORMAT_LABELS[format as SourceFormat] : format;
}

/** A 权力类型 as shown: the known type, or the cell's own text when it names none. */
export function powerTypeName(powerType: { type: string | null; raw: string }): string {
  return powerType.type ?? powerType.raw.trim();
}

/** Multi-line cell text, or a muted placeholder when there is none. */
export function textBlock(text: string | undefined | null, empty = '（空）'): SafeHtml {
  if (text === undefined || text === null || text.trim() === '') return html`<span class="empty">${empty}</span>`;
  return html`<div class="text">${text}</div>`;
}
