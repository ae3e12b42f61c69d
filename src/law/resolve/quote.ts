import type { LawArticle, LawTextFile } from '../registry/index.js';

/**
 * Compares the text a list quotes with the law's text. Lists excerpt (a lead-in and one
 * 项, a cell cut off mid-sentence), so the quote is compared clause by clause: a clause is
 * fine when the article contains it; a clause the article does not contain is a wording
 * difference when a close variant is there, and unrelated text otherwise.
 */

export interface QuoteDifference {
  /** The clause as the list writes it (normalised: no spaces or punctuation). */
  quoted: string;
  /** The closest stretch of the law's text. */
  law: string;
  distance: number;
}

export type QuoteCheck =
  | { kind: 'match' }
  | { kind: 'differs'; differences: QuoteDifference[] }
  /** Most of the quote is not in the article; `elsewhere` is an article of the same text that has it. */
  | { kind: 'unrelated'; share: number; elsewhere?: string }
  | { kind: 'skipped'; reason: string };

/** Clauses shorter than this (after normalising) say too little to compare. */
const MIN_CLAUSE = 6;
/** A clause within this share of edits of the law's wording is the same clause, reworded or mistyped. */
const NEAR = 0.2;
/** Beyond this share of the quote not found, the quote is not this article's. */
const UNRELATED = 0.5;

/** Letters and digits only, full-width folded: what is compared. */
export function compactText(s: string): string {
  return s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}

/** Splits a quote into clauses at punctuation, ellipses and item markers. */
export function clauses(quote: string): string[] {
  return quote
    .normalize('NFKC')
    .split(/[。；;：:，,、！？!?\n]|…+|\.{3,}|\([一二三四五六七八九十]+\)|（[一二三四五六七八九十]+）/u)
    .map(compactText)
    .filter((c) => c.length >= MIN_CLAUSE);
}

/** The article's whole text, paragraphs and items, as written. */
export function articleFullText(article: LawArticle): string {
  return article.paragraphs.map((p) => [p.text, ...(p.items ?? [])].join('\n')).join('\n');
}

/**
 * The smallest edit distance between `needle` and any stretch of `hay` (approximate
 * substring match), with where that stretch starts and ends. O(|needle|·|hay|) time.
 */
export function nearestStretch(needle: string, hay: string): { distance: number; start: number; end: number } {
  const n = needle.length;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) prev[i] = i;
  let best = { distance: n, end: 0 };
  for (let j = 1; j <= hay.length; j++) {
    cur[0] = 0;
    const h = hay[j - 1];
    for (let i = 1; i <= n; i++) {
      const sub = (prev[i - 1] as number) + (needle[i - 1] === h ? 0 : 1);
      cur[i] = Math.min(sub, (prev[i] as number) + 1, (cur[i - 1] as number) + 1);
    }
    // On a tie, a stretch one character longer is the same match, not a cut-off one.
    if ((cur[n] as number) < best.distance || ((cur[n] as number) === best.distance && j === best.end + 1)) best = { distance: cur[n] as number, end: j };
    [prev, cur] = [cur, prev];
  }
  // The start is found the same way from the end backwards.
  const from = Math.max(0, best.end - 2 * n - 1);
  const back = endOfNearest(reverse(needle), reverse(hay.slice(from, best.end)));
  return { distance: best.distance, start: best.end - back, end: best.end };
}

function reverse(s: string): string {
  return [...s].reverse().join('');
}

function endOfNearest(needle: string, hay: string): number {
  const n = needle.length;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) prev[i] = i;
  let best = { distance: n + 1, end: 0 };
  for (let j = 1; j <= hay.length; j++) {
    cur[0] = 0;
    for (let i = 1; i <= n; i++) {
      cur[i] = Math.min((prev[i - 1] as number) + (needle[i - 1] === hay[j - 1] ? 0 : 1), (prev[i] as number) + 1, (cur[i - 1] as number) + 1);
    }
    if ((cur[n] as number) < best.distance || ((cur[n] as number) === best.distance && j === best.end + 1)) best = { distance: cur[n] as number, end: j };
    [prev, cur] = [cur, prev];
  }
  return best.end;
}

/**
 * Checks a quote against the article (or articles) it cites in one version's text.
 *
 * @example checkQuote('必须全面、客观、公正地调查', [article54], text) // { kind: 'match' }
 */
export function checkQuote(quote: string, articles: readonly LawArticle[], text?: Pick<LawTextFile, 'articles'>): QuoteCheck {
  const parts = clauses(quote);
  if (parts.length === 0) return { kind: 'skipped', reason: '所引条文过短，无法比对' };
  const law = compactText(articles.map(articleFullText).join('\n'));
  const missing = parts.filter((c) => !law.includes(c));
  if (missing.length === 0) return { kind: 'match' };
  const total = parts.reduce((n, c) => n + c.length, 0);
  const differences: QuoteDifference[] = [];
  let unrelated = 0;
  for (const clause of missing) {
    const near = nearestStretch(clause, law);
    if (near.distance <= Math.max(1, Math.floor(clause.length * NEAR))) {
      differences.push({ quoted: clause, law: law.slice(near.start, near.end), distance: near.distance });
    } else unrelated += clause.length;
  }
  if (unrelated / total > UNRELATED) {
    const elsewhere = text ? articleContaining(parts, text, articles) : undefined;
    return { kind: 'unrelated', share: unrelated / total, ...(elsewhere ? { elsewhere } : {}) };
  }
  return differences.length > 0 ? { kind: 'differs', differences } : { kind: 'match' };
}

/** The label of another article of the text that contains most of the quote's clauses. */
function articleContaining(parts: readonly string[], text: Pick<LawTextFile, 'articles'>, cited: readonly LawArticle[]): string | undefined {
  let best: { label: string; score: number } | undefined;
  for (const article of text.articles) {
    if (cited.includes(article)) continue;
    const body = compactText(articleFullText(article));
    const score = parts.filter((c) => body.includes(c)).reduce((n, c) => n + c.length, 0);
    if (score > 0 && (!best || score > best.score)) best = { label: article.label, score };
  }
  const total = parts.reduce((n, c) => n + c.length, 0);
  return best && best.score / total >= UNRELATED ? best.label : undefined;
}
