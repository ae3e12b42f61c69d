import { formTokenInput, html, type SafeHtml } from '../../../html/index.js';

/** A signed-in user of the pages: what their forms carry to prove they come from this site. */
export interface FormUser {
  readonly formToken: string;
}

/**
 * A posted form the server refused, shown again: what was entered and what was wrong, by
 * field name (the API's body keys); '' holds what concerns the form as a whole.
 */
export interface FormState {
  readonly action: string;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

/** One form of a page: its name, and the refused post to show again when it is this form's. */
export class FormWriter {
  private readonly state: FormState | undefined;
  private readonly shown = new Set<string>();

  constructor(
    readonly action: string,
    state: FormState | undefined,
  ) {
    this.state = state?.action === action ? state : undefined;
  }

  /** The value to show: as entered when the form comes back, else the default. */
  value(name: string, fallback = ''): string {
    return this.state ? (this.state.values[name] ?? '') : fallback;
  }

  error(name: string): string | undefined {
    return this.state?.errors[name];
  }

  /** A labelled control with its error (if any) beside it, tied to it for screen readers. */
  field(name: string, label: string, control: (attrs: SafeHtml) => SafeHtml, hint?: string): SafeHtml {
    // A nested body key (party.name) is posted as named; its id has no dot, which CSS selectors would misread.
    const id = `${this.action}-${name.replaceAll('.', '-')}`;
    const error = this.error(name);
    this.shown.add(name);
    const attrs = html` id="${id}" name="${name}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}`;
    return html`<div class="field${error ? ' invalid' : ''}"><label for="${id}">${label}</label>${control(attrs)}${hint ? html`<span class="hint">${hint}</span>` : ''}${
      error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''
    }</div>`;
  }

  text(name: string, label: string, options: { fallback?: string; required?: boolean; hint?: string; list?: string; maxlength?: number } = {}): SafeHtml {
    const value = this.value(name, options.fallback);
    return this.field(
      name,
      label,
      (a) =>
        html`<input type="text"${a} value="${value}" maxlength="${options.maxlength ?? 500}"${options.list ? html` list="${options.list}"` : ''}${options.required ? html` required` : ''}>`,
      options.hint,
    );
  }

  /** The date an action takes effect: today unless changed; never later (the store refuses it too). */
  date(name: string, label: string, today: string): SafeHtml {
    return this.field(name, label, (a) => html`<input type="date"${a} value="${this.value(name, today)}" max="${today}">`);
  }

  select(name: string, label: string, options: readonly (readonly [string, string])[], fallback: string, hint?: string): SafeHtml {
    const chosen = this.value(name, fallback);
    return this.field(
      name,
      label,
      (a) => html`<select${a}>${options.map(([value, text]) => html`<option value="${value}"${value === chosen ? html` selected` : ''}>${text}</option>`)}</select>`,
      hint,
    );
  }

  /**
   * The form: a POST carrying the session's form token, with what was wrong with it as a
   * whole on top, and so what was wrong with a field it does not show (call it last).
   */
  form(user: FormUser, path: string, legend: string, fields: readonly (SafeHtml | string)[], button: string, options: { multipart?: boolean } = {}): SafeHtml {
    const unshown = Object.entries(this.state?.errors ?? {}).filter(([name]) => !this.shown.has(name));
    const whole = unshown.map(([, message]) => message).join('；');
    const enctype = options.multipart ? html` enctype="multipart/form-data"` : '';
    return html`<form class="case-action" id="${this.action}-form" method="post" action="${path}"${enctype}>${formTokenInput(user.formToken)}
<fieldset><legend>${legend}</legend>
${whole ? html`<p class="form-error" role="alert">${whole}</p>` : ''}${fields}
<button type="submit">${button}</button>
</fieldset></form>`;
  }
}

/** A datalist of suggestions (any text is still accepted). */
export function datalist(id: string, values: readonly string[]): SafeHtml {
  return html`<datalist id="${id}">${values.map((v) => html`<option value="${v}">`)}</datalist>`;
}
