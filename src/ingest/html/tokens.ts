/** An HTML token: a start or end tag with its attributes, or a run of text. */
export type Token =
  | { kind: 'open'; name: string; attrs: string; at: number; selfClosing: boolean }
  | { kind: 'close'; name: string; at: number }
  | { kind: 'text'; text: string; at: number };

const TAG = /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** Elements whose content is not text of the page. */
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'xmp']);

/**
 * Splits markup into tags and text, tolerant of what real pages hold: comments, doctype,
 * unquoted attributes, unclosed tags. Script and style contents are skipped whole.
 */
export function* tokenize(html: string): Generator<Token> {
  TAG.lastIndex = 0;
  let last = 0;
  let lower: string | null = null;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    if (match.index > last) yield { kind: 'text', text: html.slice(last, match.index), at: last };
    last = TAG.lastIndex;
    const name = match[2]?.toLowerCase();
    if (!name) continue;
    if (match[1]) {
      yield { kind: 'close', name, at: match.index };
      continue;
    }
    const attrs = match[3] ?? '';
    yield { kind: 'open', name, attrs, at: match.index, selfClosing: attrs.trimEnd().endsWith('/') };
    if (RAW_TEXT.has(name)) {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, last);
      const close = end === -1 ? html.length : html.indexOf('>', end) + 1 || html.length;
      yield { kind: 'close', name, at: end === -1 ? html.length : end };
      last = close;
      TAG.lastIndex = close;
    }
  }
  if (last < html.length) yield { kind: 'text', text: html.slice(last), at: last };
}

/** A numeric attribute such as rowspan="3" (undefined when absent or not a number). */
export function numberAttr(attrs: string, name: string): number | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']?\\s*(\\d+)`, 'i').exec(attrs);
  return match ? Number(match[1]) : undefined;
}
