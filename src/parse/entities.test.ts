import { describe, expect, it } from 'vitest';
import { cleanCell } from './cell-text.js';
import { decodeEntities } from './entities.js';

describe('decodeEntities', () => {
  it.each<[string, string, string]>([
    // Named references.
    ['the spaces, kept as the characters they are', '甲&nbsp;乙&ensp;丙&emsp;丁&thinsp;戊', '甲\u00a0乙\u2002丙\u2003丁\u2009戊'],
    ['escaped markup', '&lt;p&gt;甲&lt;/p&gt; &amp; &quot;乙&quot; &apos;', '<p>甲</p> & "乙" \''],
    ['quotation marks and dashes (the HTML test page)', '商用密码产品&ldquo;销售&rdquo;许可 &lsquo;甲&rsquo; &laquo;乙&raquo;', '商用密码产品“销售”许可 ‘甲’ «乙»'],
    ['punctuation and signs', '&hellip;&mdash;&ndash;&middot;&bull;&times;&divide;&plusmn;&yen;&euro;&copy;&sect;&deg;&permil;', '…—–·•×÷±¥€©§°‰'],
    ['names with digits', '&frac12;&frac14;&frac34;&sup1;&sup2;&sup3;&there4;', '½¼¾¹²³∴'],
    ['case tells names apart', '&prime;&Prime; &rarr;&rArr; &harr;&hArr;', '′″ →⇒ ↔⇔'],
    ['a name in capitals that only exists in lower case', '&NBSP;&AMP;&Lt;', '\u00a0&<'],
    ['nbsp, amp, lt, gt and quot without their ";"', '甲&nbsp乙 &amp &lt &gt &quot', '甲\u00a0乙 & < > "'],
    ['other legacy names without their ";", as browsers read them', '&copy 2024 &reg&sect，&para；&deg;C &frac12', '© 2024 ®§，¶；°C ½'],
    ['a legacy name in capitals that only exists in lower case', '&NBSP &Copy &EACUTE', '\u00a0 © é'],
    // Numeric references.
    ['decimal and hexadecimal', '&#20013;&#x6587;&#X4E00;&#x3002;&#38;', '中文一。&'],
    ['beyond the basic plane', '&#x20BB7;&#134071;', '𠮷𠮷'],
    ['windows-1252 numbers, as browsers show them', '&#147;甲&#148; &#150; &#151; &#128; &#133;', '“甲” – — € …'],
    ['the five C1 numbers windows-1252 leaves empty', '&#129;&#x8D;', '\u0081\u008d'],
    // Left as written.
    ['unknown names', '&unknown; &zwsp; &nbspx; &ampy=2', '&unknown; &zwsp; &nbspx; &ampy=2'],
    ['a legacy name followed by more letters or digits is another name', '&copy2024 &notit &regards', '&copy2024 &notit &regards'],
    ['names that are no legacy name without their ";"', '&hellip &mdash &euro &ldquo甲', '&hellip &mdash &euro &ldquo甲'],
    ['the names of an object’s own properties', '&toString; &valueOf; &tostring', '&toString; &valueOf; &tostring'],
    ['numbers that are no character', '&#0; &#xD800; &#xDFFF; &#x110000; &#12345678;', '&#0; &#xD800; &#xDFFF; &#x110000; &#12345678;'],
    ['an ampersand that starts no reference', 'R&D a & b & &; &#; &#x; &中', 'R&D a & b & &; &#; &#x; &中'],
    ['one pass only', '&amp;lt;b&amp;gt; &amp;amp;', '&lt;b&gt; &amp;'],
    ['text without "&"', '《中华人民共和国保守国家秘密法》第二十条', '《中华人民共和国保守国家秘密法》第二十条'],
  ])('%s', (_what, input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

/**
 * The HTML standard's legacy names, the entries of its entities.json without ";" (as in
 * Python's html.entities.html5), with the code point each stands for.
 */
const LEGACY_NAMES: Readonly<Record<string, number>> = {
  Aacute: 0xc1, aacute: 0xe1, Acirc: 0xc2, acirc: 0xe2, acute: 0xb4, AElig: 0xc6, aelig: 0xe6, Agrave: 0xc0,
  agrave: 0xe0, AMP: 0x26, amp: 0x26, Aring: 0xc5, aring: 0xe5, Atilde: 0xc3, atilde: 0xe3, Auml: 0xc4, auml: 0xe4,
  brvbar: 0xa6, Ccedil: 0xc7, ccedil: 0xe7, cedil: 0xb8, cent: 0xa2, COPY: 0xa9, copy: 0xa9, curren: 0xa4, deg: 0xb0,
  divide: 0xf7, Eacute: 0xc9, eacute: 0xe9, Ecirc: 0xca, ecirc: 0xea, Egrave: 0xc8, egrave: 0xe8, ETH: 0xd0,
  eth: 0xf0, Euml: 0xcb, euml: 0xeb, frac12: 0xbd, frac14: 0xbc, frac34: 0xbe, GT: 0x3e, gt: 0x3e, Iacute: 0xcd,
  iacute: 0xed, Icirc: 0xce, icirc: 0xee, iexcl: 0xa1, Igrave: 0xcc, igrave: 0xec, iquest: 0xbf, Iuml: 0xcf,
  iuml: 0xef, laquo: 0xab, LT: 0x3c, lt: 0x3c, macr: 0xaf, micro: 0xb5, middot: 0xb7, nbsp: 0xa0, not: 0xac,
  Ntilde: 0xd1, ntilde: 0xf1, Oacute: 0xd3, oacute: 0xf3, Ocirc: 0xd4, ocirc: 0xf4, Ograve: 0xd2, ograve: 0xf2,
  ordf: 0xaa, ordm: 0xba, Oslash: 0xd8, oslash: 0xf8, Otilde: 0xd5, otilde: 0xf5, Ouml: 0xd6, ouml: 0xf6, para: 0xb6,
  plusmn: 0xb1, pound: 0xa3, QUOT: 0x22, quot: 0x22, raquo: 0xbb, REG: 0xae, reg: 0xae, sect: 0xa7, shy: 0xad,
  sup1: 0xb9, sup2: 0xb2, sup3: 0xb3, szlig: 0xdf, THORN: 0xde, thorn: 0xfe, times: 0xd7, Uacute: 0xda, uacute: 0xfa,
  Ucirc: 0xdb, ucirc: 0xfb, Ugrave: 0xd9, ugrave: 0xf9, uml: 0xa8, Uuml: 0xdc, uuml: 0xfc, Yacute: 0xdd,
  yacute: 0xfd, yen: 0xa5, yuml: 0xff,
};

describe('the legacy names, with and without their ";"', () => {
  it('are the 106 of the HTML standard', () => {
    expect(Object.keys(LEGACY_NAMES)).toHaveLength(106);
  });
  it.each(Object.entries(LEGACY_NAMES))('&%s', (name, code) => {
    const char = String.fromCodePoint(code);
    expect(decodeEntities(`甲&${name};乙`)).toBe(`甲${char}乙`);
    expect(decodeEntities(`甲&${name} 乙&${name}`)).toBe(`甲${char} 乙${char}`);
  });
});

describe('cleanCell decodes with decodeEntities', () => {
  it.each<[string, string, string[]]>([
    // Spaces of any width are spaces of the cell text; a decoded reference marks the cell html.
    ['甲&nbsp;&nbsp;乙&emsp;丙&thinsp;丁', '甲 乙 丙 丁', ['html']],
    ['&frac12;&sup2; &copy; &Prime;', '½² © ″', ['html']],
    ['&#150;&#147;引号&#148;', '–“引号”', ['html']],
    ['&lt;p&gt;甲&lt;/p&gt;&lt;p&gt;乙', '甲\n乙', ['html']],
    ['&zwsp; R&D', '&zwsp; R&D', []],
  ])('%j', (raw, text, flags) => {
    expect(cleanCell(raw)).toEqual({ text, flags });
  });
});
