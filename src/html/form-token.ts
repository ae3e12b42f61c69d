import { html, type SafeHtml } from './template.js';

/**
 * The hidden field every portal form posts its session's form token in (CSRF). The site
 * checks it (src/server/http/write-guard.ts); the portal and the workflow pages both write
 * forms, so the name lives here, in the leaf they share.
 */
export const FORM_TOKEN_FIELD = '_csrf';

/** @example html`<form method="post" action="/logout">${formTokenInput(token)}…</form>` */
export function formTokenInput(token: string): SafeHtml {
  return html`<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${token}">`;
}
