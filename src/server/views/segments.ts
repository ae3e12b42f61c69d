import { condense, ELISION, type Segment } from '../../align/index.js';
import { html, type SafeHtml } from '../../html/index.js';

/** Unchanged text kept on each side of a change; the rest of a long stretch is elided. */
export const DIFF_CONTEXT = 30;

/**
 * A character-level diff as markup: removed text in <del>, added text in <ins>, long
 * unchanged stretches shortened around an "…". Every character of the text is escaped.
 *
 * @example segmentsView(diffText('调查处理', '处理')).value // '<del>调查</del>处理'
 */
export function segmentsView(segments: readonly Segment[], context = DIFF_CONTEXT): SafeHtml {
  return html`${condense(segments, context).map((s, i) => {
    if (s.op === 'delete') return html`<del>${s.text}</del>`;
    if (s.op === 'insert') return html`<ins>${s.text}</ins>`;
    if (!s.elided) return s.text;
    // condense() keeps `context` characters before the mark unless the stretch opens the text.
    const chars = Array.from(s.text);
    const head = i > 0 ? chars.slice(0, context).join('') : '';
    const tail = chars.slice(Array.from(head).length + 1).join('');
    // The mark is ours, not the list's: set apart so it is not read as quoted text.
    return html`${head}<span class="elided" title="此处省略了未改动的文字">${ELISION}</span>${tail}`;
  })}`;
}
