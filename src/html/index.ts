/**
 * HTML writing shared by every page quanze serves or writes (portal, workflow pages, diff
 * reports): one escape and one template tag. A leaf: it imports nothing of quanze.
 */
export { escapeHtml } from './escape.js';
export { type HtmlValue, html, join, SafeHtml, trusted } from './template.js';
