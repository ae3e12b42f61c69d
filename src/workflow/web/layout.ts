import { html, type SafeHtml, sectionNav } from '../../html/index.js';
import type { FormUser } from './views/form-parts.js';

export interface Crumb {
  label: string;
  href?: string;
}

/**
 * A page shell: given the title, the body (markup the html tag wrote), the breadcrumbs, the
 * signed-in user (null: nobody) and the request's path (for the header to mark the page's
 * section), the whole document. The host site passes its own so the workflow pages wear
 * its header, which says who is signed in.
 */
export type Shell = (title: string, body: SafeHtml, crumbs: readonly Crumb[], user: FormUser | null, path?: string) => string;

/** The workflow pages' own shell, for when no host shell is given: the portal's stylesheet and its own, no script. */
export function page(title: string, body: SafeHtml, crumbs: readonly Crumb[] = [], path?: string): string {
  const nav: SafeHtml | string =
    crumbs.length > 0
      ? html`<nav class="crumbs" aria-label="位置">${crumbs.map((c, i) => html`${i > 0 ? ' › ' : ''}${c.href ? html`<a href="${c.href}">${c.label}</a>` : html`<span aria-current="page">${c.label}</span>`}`)}</nav>`
      : '';
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · quanze 权责清单</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
<link rel="stylesheet" href="/assets/workflow.css">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site"><a class="brand" href="/">quanze 权责清单</a> ${sectionNav(
    [
      { label: '案件', href: '/cases' },
      { label: '监督', href: '/supervision' },
    ],
    path,
  )}</header>
<main id="main">
${nav}
${body}
</main>
<footer class="site">案件期限按国务院办公厅公布的节假日安排和法定期间规则计算；全部案件事件以 SM3 摘要链记录，可用 <code>quanze audit verify</code> 核验。</footer>
</body>
</html>
`.value;
}

/** The shell a workflow app renders with: the host's or its own. */
export function shellOf(options: { shell?: Shell }): (title: string, body: SafeHtml, crumbs?: readonly Crumb[], user?: FormUser | null, path?: string) => string {
  const host = options.shell;
  return host ? (title, body, crumbs = [], user = null, path) => host(title, body, crumbs, user, path) : (title, body, crumbs, _user, path) => page(title, body, crumbs, path);
}
