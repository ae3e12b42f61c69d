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
    // Numeric references.
    ['decimal and hexadecimal', '&#20013;&#x6587;&#X4E00;&#x3002;&#38;', '中文一。&'],
    ['beyond the basic plane', '&#x20BB7;&#134071;', '𠮷𠮷'],
    ['windows-1252 numbers, as browsers show them', '&#147;甲&#148; &#150; &#151; &#128; &#133;', '“甲” – — € …'],
    ['the five C1 numbers windows-1252 leaves empty', '&#129;&#x8D;', '\u0081\u008d'],
    // Left as written.
    ['unknown names', '&unknown; &zwsp; &nbspx; &ampy=2', '&unknown; &zwsp; &nbspx; &ampy=2'],
    ['other names without their ";"', '&copy 2024 &hellip', '&copy 2024 &hellip'],
    ['numbers that are no character', '&#0; &#xD800; &#xDFFF; &#x110000; &#12345678;', '&#0; &#xD800; &#xDFFF; &#x110000; &#12345678;'],
    ['an ampersand that starts no reference', 'R&D a & b & &; &#; &#x; &中', 'R&D a & b & &; &#; &#x; &中'],
    ['one pass only', '&amp;lt;b&amp;gt; &amp;amp;', '&lt;b&gt; &amp;'],
    ['text without "&"', '《中华人民共和国保守国家秘密法》第二十条', '《中华人民共和国保守国家秘密法》第二十条'],
  ])('%s', (_what, input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
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
