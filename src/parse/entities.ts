/**
 * HTML character references, decoded one way for every reader: the HTML reader's text and
 * every cell that cleanCell reads (markup pasted into Excel, Word or TSV cells).
 */

/** Named character references seen on government pages (the full HTML table has 2,000). */
const NAMED: Readonly<Record<string, string>> = {
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  plusmn: '±',
  yen: '¥',
  cent: '¢',
  pound: '£',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
  sect: '§',
  para: '¶',
  deg: '°',
  permil: '‰',
  prime: '′',
  Prime: '″',
  le: '≤',
  ge: '≥',
  ne: '≠',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  rArr: '⇒',
  hArr: '⇔',
  radic: '√',
  infin: '∞',
  there4: '∴',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  sup1: '¹',
  sup2: '²',
  sup3: '³',
  shy: '\u00ad',
};

/** Names that decode without their ";" too ("&nbsp中文"), as browsers read them. */
const BARE = /^(?:nbsp|amp|lt|gt|quot)$/i;

/**
 * What numeric references to 0x80–0x9F mean, one character per number from 0x80: pages
 * saved from Word write windows-1252's “ ” – — as &#147; &#148; &#150; &#151;, and browsers
 * show those characters (the HTML standard's table), not the C1 control codes. The five
 * numbers windows-1252 leaves empty (0x81, 0x8D, 0x8F, 0x90, 0x9D) stand for themselves.
 */
const WINDOWS_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const REFERENCE = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,9});?/g;

function decodeReference(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return code >= 0x80 && code <= 0x9f ? (WINDOWS_1252[code - 0x80] as string) : String.fromCodePoint(code);
  }
  const named = NAMED[body] ?? NAMED[body.toLowerCase()];
  if (named === undefined) return whole;
  return whole.endsWith(';') || BARE.test(body) ? named : whole;
}

/**
 * Decodes character references: named ones of the table above (exact case first, then in
 * lower case: "&NBSP;"), decimal and hexadecimal ones. What is not a reference it knows is
 * left as written: an unknown name ("&zwsp;"), a code point that cannot be a character
 * ("&#0;", "&#xD800;"), a name other than nbsp/amp/lt/gt/quot without its ";", and any "&"
 * that starts none ("R&D"). One pass: "&amp;lt;" is "&lt;".
 *
 * @example decodeEntities('A&amp;B&nbsp;&#x4E00;') // 'A&B\u00a0一'
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, decodeReference);
}
