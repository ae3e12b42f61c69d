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

function normalizeCodePoint(ch: string): string {
  return [...ch.normalize('NFKC').toLowerCase()].filter((c) => !DROP.test(c)).join('');
}

// What each BMP code unit becomes, learnt on first sight: most text is a few thousand
// distinct characters, and a table lookup per unit is far cheaper than NFKC per character.
const UNKNOWN = 0;
const SAME = 1;
const DROPPED = 2;
const REPLACED = 3;
const SURROGATE = 4;
const kinds = new Uint8Array(0x10000);
const replacements = new Map<number, string>();
const astral = new Map<string, string>();

function kindOf(code: number): number {
  let kind = kinds[code]!;
  if (kind !== UNKNOWN) return kind;
  if (code >= 0xd800 && code <= 0xdfff) kind = SURROGATE;
  else {
    const ch = String.fromCharCode(code);
    const out = normalizeCodePoint(ch);
    kind = out === ch ? SAME : out === '' ? DROPPED : REPLACED;
    if (kind === REPLACED) replacements.set(code, out);
  }
  kinds[code] = kind;
  return kind;
}

/** The normalised form of the code point at `i` (a surrogate), and how many units it took. */
function surrogateAt(source: string, i: number): [string, number] {
  const high = source.charCodeAt(i);
  const low = source.charCodeAt(i + 1);
  if (high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
    const pair = source.slice(i, i + 2);
    let out = astral.get(pair);
    if (out === undefined) astral.set(pair, (out = normalizeCodePoint(pair)));
    return [out, 2];
  }
  return ['\ufffd', 1];
}

/**
 * The normalised form used for matching.
 *
 * @example normalizeForSearch('《中华人民共和国\n行政处罚法》ＡＢ') === '《中华人民共和国行政处罚法》ab'
 */
export function normalizeForSearch(source: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < source.length; i++) {
    const kind = kindOf(source.charCodeAt(i));
    if (kind === SAME) continue;
    out += source.slice(run, i);
    if (kind === REPLACED) out += replacements.get(source.charCodeAt(i))!;
    else if (kind === SURROGATE) {
      const [text, units] = surrogateAt(source, i);
      out += text;
      i += units - 1;
    }
    run = i + 1;
  }
  return run === 0 ? source : out + source.slice(run);
}

/** The normalised form with a map back to source offsets, for highlighting. */
export function normalizeWithMap(source: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const kind = kindOf(source.charCodeAt(i));
    let out: string;
    let units = 1;
    if (kind === SAME) out = source[i]!;
    else if (kind === DROPPED) continue;
    else if (kind === REPLACED) out = replacements.get(source.charCodeAt(i))!;
    else [out, units] = surrogateAt(source, i);
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(i + units);
    }
    text += out;
    i += units - 1;
  }
  return { text, starts, ends };
}

/** Text safe to store in either database: no NUL (PostgreSQL rejects it), no lone surrogates. */
export function storableText(value: string): string {
  return value.replace(/\u0000/g, '\ufffd').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
