import { html, join, type SafeHtml } from './template.js';

/**
 * The header's section links. The link of the section the page at `path` belongs to (the
 * section's own address or one below it: /cases for /cases/2025-00001) carries
 * aria-current="page", which screen readers announce and the stylesheet shows.
 *
 * @example sectionNav([{ label: '办件', href: '/cases' }], '/cases/2025-00001')
 */
export function sectionNav(links: readonly { label: string; href: string }[], path?: string): SafeHtml {
  const current = (href: string) => path !== undefined && (path === href || path.startsWith(`${href}/`));
  return html`<nav class="site-nav" aria-label="栏目">${join(
    links.map((link) => html`<a href="${link.href}"${current(link.href) ? html` aria-current="page"` : ''}>${link.label}</a>`),
    ' ',
  )}</nav>`;
}
