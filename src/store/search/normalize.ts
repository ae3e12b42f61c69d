/**
 * Search compares text after one normalisation, applied alike to stored text, to queries and
 * to the exhaustive reference: each code point goes through NFKC and lower-casing, whitespace
 * and control characters are dropped (PDF line breaks split words), lone surrogates become
 * U+FFFD. Working code point by code point keeps a map back to the source for snippets.
 */
export interface NormalizedText {
  text: string;
  /** For each UTF-16 unit of `text`, the [start, end) span of its source code point. */
  starts: number[];
  ends: number[];
}

const DROP = /[\s\p{Cc}]/u;
const cache = new Map<string, string>();

function normalizeCodePoint(ch: string): string {
  const code = ch.codePointAt(0)!;
  // Fast paths for the bulk of list text: CJK ideographs and ASCII lower-case letters and digits are fixed points.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return ch;
  let out = cache.get(ch);
  if (out === undefined) {
    const wellFormed = ch.length === 1 && code >= 0xd800 && code <= 0xdfff ? '\ufffd' : ch;
    out = [...wellFormed.normalize('NFKC').toLowerCase()].filter((c) => !DROP.test(c)).join('');
    if (cache.size < 65_536) cache.set(ch, out);
  }
  return out;
}

/**
 * The normalised form used for matching.
 *
 * @example normalizeForSearch('《中华人民共和国\n行政处罚法》ＡＢ') === '《中华人民共和国行政处罚法》ab'
 */
export function normalizeForSearch(source: string): string {
  let out = '';
  for (const ch of source) out += normalizeCodePoint(ch);
  return out;
}

/** The normalised form with a map back to source offsets, for highlighting. */
export function normalizeWithMap(source: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of source) {
    const out = normalizeCodePoint(ch);
    for (let k = 0; k < out.length; k++) {
      starts.push(offset);
      ends.push(offset + ch.length);
    }
    text += out;
    offset += ch.length;
  }
  return { text, starts, ends };
}

/** Text safe to store in either database: no NUL (PostgreSQL rejects it), no lone surrogates. */
export function storableText(value: string): string {
  return value.replace(/\u0000/g, '\ufffd').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
