/**
 * Text keys for comparing Chinese names: full-width folded (NFKC), whitespace and
 * punctuation removed, so 《 》、，() and spaces never decide a match.
 */

const NOISE = /[\s\p{P}\p{S}]/gu;

/**
 * @example compact('对非法获取、持有 国家秘密载体的处罚') // '对非法获取持有国家秘密载体的处罚'
 */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(NOISE, '');
}

/** Code points, so a character outside the BMP is one unit, never two halves. */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/**
 * Overlapping character pairs of a compacted text; a one-character text is its own gram.
 *
 * @example bigrams('保密检查') // ['保密', '密检', '检查']
 */
export function bigrams(text: string): string[] {
  const chars = codePoints(text);
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** Dice coefficient of two gram multisets: 1 for equal texts, 0 when nothing is shared. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const gram of a) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of b) {
    const left = counts.get(gram) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(gram, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Jaccard index of two sets; undefined when both are empty (nothing to compare). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number | undefined {
  if (a.size === 0 && b.size === 0) return undefined;
  let shared = 0;
  for (const key of a) if (b.has(key)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The distinct bigrams of a text as sorted numbers (two UTF-16 units packed in 32 bits), so
 * long texts compare by a linear merge with little memory.
 */
export function gramSet(text: string): Uint32Array {
  if (text.length < 2) return new Uint32Array();
  const grams = new Uint32Array(text.length - 1);
  for (let i = 0; i + 1 < text.length; i++) grams[i] = text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
  grams.sort();
  let unique = 0;
  for (let i = 0; i < grams.length; i++) if (i === 0 || grams[i] !== grams[i - 1]) grams[unique++] = grams[i] as number;
  return grams.slice(0, unique);
}

/** How many values two ascending arrays have in common, repeats counted: a linear merge. */
function sharedSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Dice coefficient of two gramSets; undefined when either is empty. */
export function setDice(a: Uint32Array, b: Uint32Array): number | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  return (2 * sharedSorted(a, b)) / (a.length + b.length);
}

/** Keeps a one-character text's code apart from every bigram code. */
const UNIGRAM = 2 ** 45;

/**
 * Bigrams of a text as sorted numbers, repeats kept (a multiset), for a fast Dice by merge.
 * Code points pack exactly (first · 0x110000 + second fits a double), so nothing collides.
 */
export function gramCodes(text: string): Float64Array {
  const cps = Array.from(text, (ch) => ch.codePointAt(0) as number);
  if (cps.length < 2) return Float64Array.from(cps, (cp) => UNIGRAM + cp);
  const codes = new Float64Array(cps.length - 1);
  for (let i = 0; i + 1 < cps.length; i++) codes[i] = (cps[i] as number) * 0x110000 + (cps[i + 1] as number);
  return codes.sort();
}

/** Dice coefficient of two gramCodes multisets: the same value `dice` gives on the grams themselves. */
export function codeDice(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * sharedSorted(a, b)) / (a.length + b.length);
}
