import type { AlignEntry } from './entry.js';

/**
 * Which pairs are worth scoring. Entries are indexed by name-core bigram, cited
 * law+article, 地方权力编码 and exact name core; each entry is compared only with the few
 * that share its rarest keys, so alignment grows with the list sizes, not their product.
 */
export interface BlockingOptions {
  /** Candidates kept per entry from shared bigrams (ranked by IDF-weighted overlap). */
  perEntry?: number;
  /** Bigrams more common than this (on the indexed side) are skipped unless an entry has nothing rarer. */
  maxPosting?: number;
}

interface Index {
  grams: Map<string, number[]>;
  articles: Map<string, number[]>;
  codes: Map<string, number[]>;
  cores: Map<string, number[]>;
  size: number;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

function buildIndex(entries: readonly AlignEntry[]): Index {
  const index: Index = { grams: new Map(), articles: new Map(), codes: new Map(), cores: new Map(), size: entries.length };
  entries.forEach((entry, i) => {
    for (const gram of entry.grams) push(index.grams, gram, i);
    for (const key of entry.articleKeys) push(index.articles, key, i);
    if (entry.code !== undefined) push(index.codes, entry.code, i);
    push(index.cores, entry.name.core, i);
  });
  return index;
}

/** For each query entry, the indexed entries it should be scored against. */
function candidatesFrom(
  queries: readonly AlignEntry[],
  index: Index,
  options: Required<BlockingOptions>,
  emit: (query: number, target: number) => void,
): void {
  const rareEnough = options.maxPosting;
  queries.forEach((query, q) => {
    for (const t of index.cores.get(query.name.core) ?? []) emit(q, t);
    if (query.code !== undefined) for (const t of index.codes.get(query.code) ?? []) emit(q, t);
    for (const key of query.articleKeys) {
      const posting = index.articles.get(key);
      if (posting && posting.length <= rareEnough) for (const t of posting) emit(q, t);
    }
    const grams = [...new Set(query.grams)]
      .map((gram) => ({ gram, posting: index.grams.get(gram) }))
      .filter((g): g is { gram: string; posting: number[] } => g.posting !== undefined)
      .sort((x, y) => x.posting.length - y.posting.length);
    const overlap = new Map<number, number>();
    grams.forEach(({ posting }, rank) => {
      // The two rarest bigrams are always used, so an entry of common words still finds peers.
      if (posting.length > rareEnough && rank >= 2) return;
      const weight = Math.log(1 + index.size / posting.length);
      for (const t of posting.length > rareEnough ? posting.slice(0, rareEnough) : posting) {
        overlap.set(t, (overlap.get(t) ?? 0) + weight);
      }
    });
    const best = [...overlap].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, options.perEntry);
    for (const [t] of best) emit(q, t);
  });
}

/**
 * Visits each candidate pair between two sides once, left entry by left entry, without
 * holding all pairs at once.
 */
export function forEachCandidate(
  left: readonly AlignEntry[],
  right: readonly AlignEntry[],
  visit: (left: number, right: number) => void,
  options: BlockingOptions = {},
): void {
  const resolved: Required<BlockingOptions> = {
    perEntry: options.perEntry ?? 10,
    maxPosting: options.maxPosting ?? Math.max(32, Math.ceil(Math.sqrt(Math.max(left.length, right.length)))),
  };
  const byLeft: number[][] = left.map(() => []);
  candidatesFrom(left, buildIndex(right), resolved, (l, r) => (byLeft[l] as number[]).push(r));
  candidatesFrom(right, buildIndex(left), resolved, (r, l) => (byLeft[l] as number[]).push(r));
  byLeft.forEach((targets, l) => {
    targets.sort((x, y) => x - y);
    targets.forEach((r, k) => {
      if (k === 0 || targets[k - 1] !== r) visit(l, r);
    });
    byLeft[l] = [];
  });
}

/**
 * Candidate pairs between two sides, as [left index, right index], each pair once.
 *
 * @example candidatePairs(left, right).length // far fewer than left.length * right.length
 */
export function candidatePairs(left: readonly AlignEntry[], right: readonly AlignEntry[], options: BlockingOptions = {}): [number, number][] {
  const pairs: [number, number][] = [];
  forEachCandidate(left, right, (l, r) => pairs.push([l, r]), options);
  return pairs;
}
