import { formTokenInput, html, type HtmlValue, type SafeHtml, sectionNav } from '../../html/index.js';

export interface Crumb {
  label: string;
  href?: string;
}

export interface NavLink {
  label: string;
  href: string;
}

/** The header's sections: comparison always; 办件 and 督办 when the site runs the workflow. */
export function siteNav(workflow: boolean): NavLink[] {
  const compare = { label: '清单比对', href: '/compare' };
  return workflow ? [compare, { label: '办件', href: '/cases' }, { label: '督办', href: '/supervision' }] : [compare];
}

/**
 * The header's sign-in corner: 已登录 and a 退出 button (a form carrying the session's form
 * token), a 登录 link, or nothing when the site takes no writes.
 */
export type HeaderAccount = { formToken: string } | 'sign-in' | undefined;

/** The corner for a request: signed in (its session's form token), else 登录 where signing in is offered. */
export function headerAccount(formToken: string | null, offered: boolean): HeaderAccount {
  return formToken !== null ? { formToken } : offered ? 'sign-in' : undefined;
}

/** The header's 上传清单 · 已登录 · 退出, or its 登录 link. */
export function accountCorner(account: HeaderAccount): SafeHtml | string {
  if (account === undefined) return '';
  if (account === 'sign-in') return html`<a class="account" href="/login">登录</a>`;
  return html`<form class="account" method="post" action="/logout"><a href="/upload">上传清单</a><span>已登录</span>${formTokenInput(account.formToken)}<button type="submit">退出</button></form>`;
}

export interface PageOptions {
  title: string;
  body: HtmlValue;
  crumbs?: readonly Crumb[];
  /** The search box's current text, so a results page keeps it. */
  query?: string;
  year: number;
  /** The header's sections (default: siteNav(false)). */
  nav?: readonly NavLink[];
  /** The request's path, so the header marks the section the page belongs to. */
  path?: string;
  /** Stylesheets beyond the site's own (the workflow pages add theirs). */
  stylesheets?: readonly string[];
  account?: HeaderAccount;
}

/** The page shell: header with search, breadcrumbs, main, footer. No scripts, one stylesheet. */
export function layout(options: PageOptions): SafeHtml {
  const crumbs = options.crumbs ?? [];
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · quanze 权责清单</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
${options.account !== undefined ? html`<link rel="stylesheet" href="/assets/forms.css">
` : ''}${(options.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`)}
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site">
  <a class="brand" href="/">quanze 权责清单</a>
  ${sectionNav(options.nav ?? siteNav(false), options.path)}
  <form action="/search" method="get" role="search">
    <label class="visually-hidden" for="site-q">搜索权力事项</label>
    <input id="site-q" name="q" type="search" value="${options.query ?? ''}" placeholder="搜索事项名称、依据、部门……" maxlength="200">
    <button type="submit">搜索</button>
  </form>
  ${accountCorner(options.account)}
</header>
<main id="main">
${crumbs.length > 0 ? html`<nav class="crumbs" aria-label="位置">${crumbs.map((c, i) => html`${i > 0 ? ' › ' : ''}${c.href ? html`<a href="${c.href}">${c.label}</a>` : html`<span aria-current="page">${c.label}</span>`}`)}</nav>` : ''}
${options.body}
</main>
<footer class="site">
  数据来自各部门公开发布的权责清单，按原文导入并保留来源。 · <a href="/api/openapi.json">开放接口（OpenAPI）</a> · © ${options.year} quanze
</footer>
</body>
</html>
`;
}
