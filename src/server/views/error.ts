import { html, type SafeHtml } from '../../html/index.js';

/** The body of a portal error page. */
export function errorBody(status: number, title: string, detail?: string): SafeHtml {
  return html`<h1>${title}</h1>
${detail ? html`<p class="text">${detail}</p>` : ''}
<p class="muted">状态码 ${status}。<a href="/">返回首页</a></p>`;
}
