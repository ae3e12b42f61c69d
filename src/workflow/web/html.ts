import { escapeHtml } from '../../html/index.js';

/** Markup this code base wrote; everything else interpolated into `html` is escaped. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

export { escapeHtml };

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** @example html`<td>${userText}</td>` // escaped */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** For SVG this code base generated (every text in it already escaped by its generator). */
export function trustedSvg(svg: string): Html {
  return new Html(svg);
}

/** A path from segments, each URL-encoded. */
export function href(segments: readonly (string | number)[], hash?: string): string {
  return `/${segments.map((s) => encodeURIComponent(String(s))).join('/')}${hash ? `#${encodeURIComponent(hash)}` : ''}`;
}
