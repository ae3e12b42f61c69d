/**
 * HTML character references, decoded one way for every reader: the HTML reader's text and
 * every cell that cleanCell reads (markup pasted into Excel, Word or TSV cells).
 */

/**
 * The names browsers also read without their ";" ("&nbsp中文", "&copy 2024"): the HTML
 * standard's 106 legacy names (entities.json's names without ";"), each the same character
 * as its ";" form. They are Latin-1's 96 characters from U+00A0, one name each in code point
 * order, and & < > " © ® under a second spelling in capitals.
 */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr ' +
  'deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml ' +
  'eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const LEGACY: readonly (readonly [string, string])[] = [
  ...LATIN1_NAMES.split(' ').map((name, i) => [name, String.fromCharCode(0xa0 + i)] as const),
  ...Object.entries({ amp: '&', AMP: '&', lt: '<', LT: '<', gt: '>', GT: '>', quot: '"', QUOT: '"', COPY: '\u00a9', REG: '\u00ae' }),
];

/** Names that decode without their ";" too, as browsers read them. */
const BARE: ReadonlySet<string> = new Set(LEGACY.map(([name]) => name));

/**
 * Named character references: the legacy names, and those seen on government pages that
 * need their ";" (the full HTML table has 2,000). A Map, so that "&toString;" names nothing.
 */
const NAMED: ReadonlyMap<string, string> = new Map([
  ...LEGACY,
  ...Object.entries({
    ensp: '\u2002',
    emsp: '\u2003',
    thinsp: '\u2009',
    apos: "'",
    ldquo: '“',
    rdquo: '”',
    lsquo: '‘',
    rsquo: '’',
    hellip: '…',
    mdash: '—',
    ndash: '–',
    bull: '•',
    euro: '€',
    trade: '™',
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
  }),
]);

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
  const name = NAMED.has(body) ? body : body.toLowerCase();
  const named = NAMED.get(name);
  if (named === undefined) return whole;
  return whole.endsWith(';') || BARE.has(name) ? named : whole;
}

/**
 * Decodes character references: named ones of the table above (exact case first, then in
 * lower case: "&NBSP;"), decimal and hexadecimal ones. What is not a reference it knows is
 * left as written: an unknown name ("&zwsp;"), a code point that cannot be a character
 * ("&#0;", "&#xD800;"), a name that is not a legacy name without its ";" ("&hellip"), and
 * any "&" that starts none ("R&D"). A name is the whole run of letters and digits after the
 * "&": "&copy2024" and "&ampy=2" stay as written, where a browser's text would read a legacy
 * name's prefix; nothing here is an attribute value, where browsers would not. One pass:
 * "&amp;lt;" is "&lt;".
 *
 * @example decodeEntities('A&amp;B&nbsp;&#x4E00;') // 'A&B\u00a0一'
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, decodeReference);
}
