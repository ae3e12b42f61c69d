import type { ListDetail, ListVersionInfo } from '../store-port.js';
import { formatDateTime, href, listName, sourceFormatName } from './format.js';
import { type Column, html, type SafeHtml, stackedTable } from '../../html/index.js';

/** "第 2 版（最新）". */
export function versionLabel(version: ListVersionInfo): string {
  return `第 ${version.versionNo} 版${version.latest ? '（最新）' : ''}`;
}

function versionSelect(name: string, label: string, list: ListDetail, chosen: number): SafeHtml {
  return html`<label>${label}<select name="${name}">${list.versions.map(
    (v) => html`<option value="${v.versionNo}"${v.versionNo === chosen ? html` selected` : ''}>${versionLabel(v)} · ${formatDateTime(v.importedAt)}</option>`,
  )}</select></label>`;
}

/**
 * A GET form to pick two versions of a list; it submits to the diff page.
 * Defaults: the version before the latest, and the latest.
 */
export function versionPicker(list: ListDetail, from?: number, to?: number): SafeHtml {
  const latest = list.versions.find((v) => v.latest)?.versionNo ?? list.versions.length;
  return html`<form class="filters" action="${href(['lists', list.id, 'diff'])}" method="get">
  ${versionSelect('from', '从', list, from ?? Math.max(1, latest - 1))}
  ${versionSelect('to', '到', list, to ?? latest)}
  <button type="submit">比较两个版本</button>
</form>`;
}

function versionColumns(list: ListDetail): Column<ListVersionInfo>[] {
  return [
    { label: '版本', cell: versionLabel },
    { label: '导入时间（北京时间）', cell: (v) => formatDateTime(v.importedAt), nowrap: true },
    { label: 'SHA-256', cell: (v) => html`<code title="${v.sha256}">${v.sha256.slice(0, 12)}</code>` },
    { label: '事项数', cell: (v) => v.itemCount },
    { label: '来源文件', cell: (v) => html`${v.sourceFile} <span class="muted">（${sourceFormatName(v.sourceFormat)}）</span>` },
    {
      label: '比较',
      unlabelled: true,
      cell: (v) => (v.versionNo > 1 ? html`<a href="${href(['lists', list.id, 'diff'], { from: v.versionNo - 1, to: v.versionNo })}">与上一版比较</a>` : ''),
    },
  ];
}

/** A list's version history, newest first, with the form to diff two versions. */
export function versionsBody(list: ListDetail): SafeHtml {
  const newestFirst = [...list.versions].reverse();
  return html`<h1>${listName(list)} · 版本历史</h1>
<p>同一份清单（按部门识别）每导入一次内容有变化的文件，就记下一个新版本。共 ${list.versions.length} 个版本。</p>
${list.versions.length > 1 ? versionPicker(list) : html`<p class="empty">只有一个版本；再次导入这份清单的新文件后，可在这里比较两个版本的差异。</p>`}
${stackedTable(versionColumns(list), newestFirst)}`;
}
