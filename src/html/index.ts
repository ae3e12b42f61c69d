/**
 * HTML writing shared by every page quanze serves or writes (portal, workflow pages, diff
 * reports): one escape, one template tag, and the hidden field forms carry their session's
 * token in. A leaf: it imports nothing of quanze.
 */
export { escapeHtml } from './escape.js';
export { type HtmlValue, html, join, SafeHtml, trusted } from './template.js';
export { FORM_TOKEN_FIELD, formTokenInput } from './form-token.js';
export { type Column, stackedTable } from './table.js';
export { sectionNav } from './section-nav.js';
