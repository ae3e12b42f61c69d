import { formTokenInput, html, type SafeHtml } from '../../html/index.js';
import type { SeverityCounts } from '../../audit/index.js';
import type { Published } from '../../publish/index.js';
import type { ListSummary } from '../store-port.js';
import { listName } from './format.js';

/** File types the readers take, for the file picker; the format is still told by content. */
export const UPLOAD_ACCEPT = '.xlsx,.xlsm,.xls,.ods,.docx,.doc,.odt,.pdf,.csv,.tsv,.txt,.md,.html,.htm,.json';

export interface UploadFormView {
  formToken: string;
  lists: readonly ListSummary[];
  maxMegabytes: number;
  /** The list key chosen before an error, so the form keeps it. */
  listKey?: string;
  error?: string;
}

/** The 上传清单 form: a file, and which list it is a version of (by default told by its department). */
export function uploadFormBody(view: UploadFormView): SafeHtml {
  const { error } = view;
  return html`<h1>上传清单</h1>
<p>上传一份权责清单文件：Excel（.xlsx/.xls）、Word（.docx/.doc）、PDF、CSV、网页或文本均可，格式按内容识别。导入后立即核查，并在门户公开。同一部门再次上传内容有变化的文件，成为该清单的新版本，旧版本保留；内容完全相同的文件不会重复导入。</p>
<form class="login upload" method="post" action="/upload" enctype="multipart/form-data">
${formTokenInput(view.formToken)}
<div class="field${error ? ' invalid' : ''}"><label for="upload-file">清单文件</label>
<input id="upload-file" name="file" type="file" required accept="${UPLOAD_ACCEPT}"${error ? html` aria-invalid="true" aria-describedby="upload-file-error"` : ''}>
<span class="hint">不超过 ${view.maxMegabytes} MB</span>
${error ? html`<p class="field-error" id="upload-file-error">${error}</p>` : ''}</div>
<div class="field"><label for="upload-list">归入清单</label>
<select id="upload-list" name="list">
<option value="">自动：按实施部门归入已有清单，没有则新建</option>
${view.lists.map((list) => html`<option value="${list.key}"${list.key === view.listKey ? ' selected' : ''}>作为“${listName(list)}”的新版本</option>`)}
</select></div>
<button type="submit">上传并核查</button>
</form>`;
}

const STATUS: Record<Published['outcome']['status'], string> = {
  created: '已导入为新清单',
  'new-version': '已导入为新版本',
  unchanged: '内容与已有版本完全相同，未重复导入',
};

function counts(c: SeverityCounts): string {
  return `错误 ${c.error} 条，警告 ${c.warning} 条，提示 ${c.info} 条`;
}

/** What an upload did: the list and version it made, and what the audit found. */
export function uploadResultBody(fileName: string, published: Published): SafeHtml {
  const { outcome } = published;
  const list = `/lists/${encodeURIComponent(outcome.listId)}`;
  const found = published.auditFindings
    ? html`<p>核查发现：${counts(published.auditFindings)}。<a href="${list}/report">查看核查报告</a></p>`
    : published.auditError !== null
      ? html`<p class="field-error">已导入，但核查未完成：${published.auditError}。再次上传同一文件即可重新核查。</p>`
      : outcome.status === 'unchanged'
        ? ''
        : html`<p>导入时的提示：${counts(published.importFindings)}（法规库不可用，未核查）。</p>`;
  return html`<h1>${STATUS[outcome.status]}</h1>
<p class="notice">${fileName}：${published.department ?? published.title ?? '（未识别部门）'}，第 ${outcome.versionNo} 版，${outcome.items} 项事项。</p>
${found}
<p><a href="${list}">查看清单</a> · <a href="${list}/versions">版本记录</a> · <a href="/upload">继续上传</a></p>`;
}
