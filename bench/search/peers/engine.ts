/**
 * What the bench asks of every search engine, in corpus document numbers: the first page a
 * user sees with the number of hits, and every hit (for recall).
 */
export interface PageResult {
  ids: number[];
  total: number;
  /** False when the engine stopped counting and `total` is a lower bound. */
  totalExact?: boolean;
}

export interface Engine {
  name: string;
  /** How the engine was set up, and what it cannot do, in one line. */
  note: string;
  /** The search runs in another process (a database server): this process's CPU time says nothing. */
  outOfProcess?: boolean;
  page(query: string): Promise<PageResult> | PageResult;
  all(query: string): Promise<number[]> | number[];
  close(): Promise<void> | void;
}

export const PAGE_SIZE = 20;

/**
 * Character grams for engines that split text into terms: each character and each pair of
 * neighbouring characters of every field, distinct, never across fields. A one-character
 * query looks up its character; a longer one needs all of its bigrams (AND), which finds
 * every document containing the query but also some that hold its bigrams apart.
 */
export function indexGrams(fields: readonly string[]): string[] {
  const out = new Set<string>();
  for (const field of fields) {
    const chars = Array.from(field);
    for (let i = 0; i < chars.length; i++) {
      out.add(chars[i]!);
      if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...out];
}

export function queryGrams(query: string): string[] {
  const chars = Array.from(query);
  if (chars.length === 1) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/**
 * The engine asked with the query normalised as quanze normalises it (NFKC, lower case, no
 * whitespace), over text normalised alike: differences then come from the index alone.
 */
export function withNormalisedQueries<E extends Engine>(engine: E, normalise: (q: string) => string): E {
  return { ...engine, page: (q: string) => engine.page(normalise(q)), all: (q: string) => engine.all(normalise(q)) };
}
