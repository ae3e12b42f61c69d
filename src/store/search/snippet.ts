import { normalizeWithMap } from './normalize.js';

/** A piece of a snippet; the portal escapes `text` and marks up the pieces with `hit`. */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

export interface SnippetOptions {
  /** Characters of context kept before the first hit. */
  before?: number;
  /** Characters of the snippet window after the first hit starts. */
  length?: number;
}

/** Source [start, end) spans of every occurrence of a normalised query in a text. */
export function matchSpans(text: string, normalizedQuery: string): [number, number][] {
  if (normalizedQuery === '') return [];
  const map = normalizeWithMap(text);
  const spans: [number, number][] = [];
  let from = 0;
  for (;;) {
    const at = map.text.indexOf(normalizedQuery, from);
    if (at < 0) break;
    const start = map.starts[at]!;
    const end = map.ends[at + normalizedQuery.length - 1]!;
    const last = spans[spans.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else spans.push([start, end]);
    from = at + 1;
  }
  return spans;
}

/**
 * A window of `text` around the first occurrence of the query, cut into plain and hit
 * segments; "…" marks a cut. Returns null when the query does not occur.
 *
 * @example snippet('对违反规定的处罚', '处罚') → [{ text: '对违反规定的', hit: false }, { text: '处罚', hit: true }]
 */
export function snippet(text: string, normalizedQuery: string, options: SnippetOptions = {}): SnippetSegment[] | null {
  const spans = matchSpans(text, normalizedQuery);
  const first = spans[0];
  if (!first) return null;
  const before = options.before ?? 24;
  const length = Math.max(options.length ?? 96, first[1] - first[0]);
  let start = Math.max(0, first[0] - before);
  let end = Math.min(text.length, start + before + length);
  // Never cut a hit or a surrogate pair in half.
  for (const [s, e] of spans) if (s < end && e > end) end = e;
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const segments: SnippetSegment[] = [];
  const push = (piece: string, hit: boolean) => {
    if (piece === '') return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += piece;
    else segments.push({ text: piece, hit });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const [s, e] of spans) {
    if (s >= end) break;
    const hs = Math.max(s, start);
    const he = Math.min(e, end);
    push(text.slice(at, hs), false);
    push(text.slice(hs, he), true);
    at = he;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push('…', false);
  return segments;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
