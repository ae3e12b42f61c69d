import { formTokenInput, html, type SafeHtml } from '../../html/index.js';

export type LoginView =
  /** No administrator token is configured: nobody can sign in. */
  | { kind: 'disabled' }
  | { kind: 'form'; next: string; error?: string }
  | { kind: 'signed-in'; next: string; formToken: string };

const INTRO = html`<p>登录后可在门户中为事项立案、办理案件（推进环节、暂停和恢复计时、延长期限、办结）。登录使用启动本站时设置的管理令牌 <code>QUANZE_ADMIN_TOKEN</code>；令牌不会保存在浏览器中。</p>`;

/** The sign-in page: the token form, why signing in is off, or who is signed in. */
export function loginBody(view: LoginView): SafeHtml {
  if (view.kind === 'disabled') {
    return html`<h1>登录</h1>
<p class="form-error">写操作未开启：本站没有设置管理令牌，任何人都不能登录或办理案件。</p>
<p>如需在门户中办理案件，请在启动时设置环境变量 <code>QUANZE_ADMIN_TOKEN</code>（足够长的随机串），例如：</p>
<pre class="raw">QUANZE_ADMIN_TOKEN=换成足够长的随机串 npm start</pre>
<p>然后回到本页，输入该令牌登录。</p>`;
  }
  if (view.kind === 'signed-in') {
    return html`<h1>登录</h1>
<p>已登录，可以办理案件。</p>
<p><a href="${view.next}">继续</a> · <a href="/cases">案件列表</a></p>
<form method="post" action="/logout">${formTokenInput(view.formToken)}<button type="submit">退出登录</button></form>`;
  }
  const error = view.error;
  return html`<h1>登录</h1>
${INTRO}
<form class="login" method="post" action="/login">
<input type="hidden" name="next" value="${view.next}">
<div class="field${error ? ' invalid' : ''}"><label for="login-token">管理令牌</label>
<input id="login-token" name="token" type="password" autocomplete="current-password" required maxlength="1000"${error ? html` aria-invalid="true" aria-describedby="login-token-error"` : ''}>
${error ? html`<p class="field-error" id="login-token-error">${error}</p>` : ''}</div>
<button type="submit">登录</button>
</form>`;
}
