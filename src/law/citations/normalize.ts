/**
 * The text the citation patterns read: full-width ASCII forms (０-９, （）, ：, ，) become their
 * ASCII forms, the ideographic space a space, and markup (<p>, &nbsp;) spaces. Every
 * replacement keeps the length, one UTF-16 unit for one, so an offset in the normalised text
 * is the same offset in the source and spans need no mapping back.
 */

const WIDE = /[\uff01-\uff5e\u3000\r]/g;
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*\b[^<>]{0,200}>/g;
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;
/** Tags that end a paragraph keep a line break, so "</p> <p>第四十四条" still starts a line. */
const BLOCK_TAG = /^<\/?(?:p|br|div|li|tr|td|th|h[1-6])\b/i;

function blank(match: string, lineBreak: boolean): string {
  return (lineBreak ? '\n' : ' ') + ' '.repeat(match.length - 1);
}

/**
 * @example normalizeForCitations('<p>第２３条（一）</p>') // '\n  第23条(一)\n   '
 */
export function normalizeForCitations(source: string): string {
  let out = source.replace(WIDE, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ' ';
  });
  if (out.includes('<')) out = out.replace(TAG, (m) => blank(m, BLOCK_TAG.test(m)));
  if (out.includes('&')) out = out.replace(ENTITY, (m) => blank(m, false));
  return out;
}
