import { escapeHtml } from './escape.js';

/**
 * Markup this code base wrote. The `html` tag escapes every interpolation that is not
 * already `SafeHtml`, so imported text can only ever reach a page as text. The portal and
 * the workflow pages share this one class, so a fragment made by either is safe in both.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: nothing, false, true and null render as nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * @example html`<p title="${title}">${text}</p>` // every ${…} escaped
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Joins fragments, each escaped unless already safe. */
export function join(values: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  const sep = render(separator);
  return new SafeHtml(values.map(render).join(sep));
}

/**
 * Marks markup written in this code base as safe (an SVG a generator here escaped as it
 * wrote it, a page shell). Never pass it anything that came from a request or an imported file.
 */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
