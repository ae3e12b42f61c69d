/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** Wide characters (CJK, full-width forms) take a full em; the rest about 0.6 em. */
function charWidth(ch: string, fontSize: number): number {
  const code = ch.codePointAt(0) ?? 0;
  const wide = (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x3000 && code <= 0x303f);
  return wide ? fontSize : fontSize * 0.6;
}

export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch, fontSize);
  return width;
}

/**
 * Breaks text into lines no wider than `maxWidth`, at most `maxLines` (the last ending
 * in "…" when text was left out). Chinese text breaks between any two characters.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  const flat = text.replace(/\s+/g, ' ').trim();
  for (const ch of flat) {
    const w = charWidth(ch, fontSize);
    if (width + w > maxWidth && line !== '') {
      lines.push(line);
      line = '';
      width = 0;
    }
    if (line === '' && ch === ' ') continue;
    line += ch;
    width += w;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] as string;
  kept[maxLines - 1] = `${[...last].slice(0, Math.max(0, [...last].length - 1)).join('')}…`;
  return kept;
}
