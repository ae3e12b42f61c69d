/**
 * Character grams of normalised text. Chinese has no spaces, so search indexes every
 * character (unigram) and every pair of neighbouring characters (bigram) of each field,
 * never across a field boundary.
 */

/** Code points of a string (not UTF-16 units). */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/**
 * One token per position: the bigram starting there, or the lone last character.
 * A query of n ≥ 2 characters is then exactly the phrase of its n − 1 bigrams.
 *
 * @example bigramSequence('行政处罚') → ['行政', '政处', '处罚', '罚']
 */
export function bigramSequence(text: string): string[] {
  const chars = codePoints(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) out.push(i + 1 < chars.length ? chars[i]! + chars[i + 1]! : chars[i]!);
  return out;
}

/** Distinct characters of a text. */
export function unigramSet(text: string): Set<string> {
  return new Set(codePoints(text));
}

/** Distinct characters and bigrams of a text: a document contains a query of n ≤ 2 iff it holds the gram. */
export function gramSet(text: string, into: Set<string> = new Set()): Set<string> {
  const chars = codePoints(text);
  for (let i = 0; i < chars.length; i++) {
    into.add(chars[i]!);
    if (i + 1 < chars.length) into.add(chars[i]! + chars[i + 1]!);
  }
  return into;
}

/** The grams a normalised query needs: itself when 1 or 2 characters long, otherwise its bigrams in order. */
export function queryGrams(query: string): string[] {
  const chars = codePoints(query);
  if (chars.length <= 2) return chars.length === 0 ? [] : [query];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}
