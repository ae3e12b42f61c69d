import { HEADER_SYNONYMS, normalizeHeader } from '../header-map.js';

/** Known header names, longest first, so that “责任事项依据” is not read as “责任事项” + “依据”. */
const NAMES: readonly string[] = [...new Set(Object.values(HEADER_SYNONYMS).flat().map(normalizeHeader))].sort((a, b) => b.length - a.length);

/**
 * The header names a paragraph begins with when they are written together with nothing
 * between them (“序号权力分类项目名称子项…”): the trace of a table whose cell boundaries a
 * conversion lost (LibreOffice reading a .doc that ends with a table turns it into one
 * paragraph). Three names in a row make it one; null otherwise.
 */
export function runTogetherHeaders(paragraph: string): string[] | null {
  const text = paragraph.trimStart();
  const found: string[] = [];
  let at = 0;
  for (;;) {
    const name = NAMES.find((n) => text.startsWith(n, at));
    if (!name) break;
    found.push(name);
    at += name.length;
  }
  return found.length >= 3 ? found : null;
}
