import { buildLexicon, type TitleLexicon } from './lexicon.js';
import { normalizeForCitations } from './normalize.js';
import { KIND_WORDS, PATTERNS, TITLE_SUFFIXES } from './patterns.js';
import { type Mention, scanMentions } from './scan.js';
import type { Citation, ExtractOptions, TitleKind } from './types.js';

/** Lists cite the same few titles thousands of times: both answers below are remembered. */
const kinds = new Map<string, TitleKind>();
const words = new Map<string, string | undefined>();
const MEMO_LIMIT = 10_000;

function memo<T>(map: Map<string, T>, key: string, compute: (key: string) => T): T {
  if (map.has(key)) return map.get(key) as T;
  const value = compute(key);
  if (map.size >= MEMO_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

/** What a title's last word says it is (law, form, or neither). */
export function titleKind(title: string): TitleKind {
  return memo(kinds, title, (key) => {
    const t = key.replace(/\s+/g, '');
    let best: readonly [string, TitleKind] | undefined;
    for (const entry of TITLE_SUFFIXES) {
      if (t.endsWith(entry[0]) && (best === undefined || entry[0].length > best[0].length)) best = entry;
    }
    return best?.[1] ?? 'unknown';
  });
}

/** The word a context word and a title share: 本条例 ↔ …条例, 本法 ↔ …法 (but not …办法). */
export function kindWord(text: string): string | undefined {
  return memo(words, text, (key) => {
    const t = key.replace(/\s+/g, '');
    return KIND_WORDS.find((w) => t.endsWith(w));
  });
}

const lexicons = new WeakMap<readonly string[], TitleLexicon>();

function lexiconFor(titles: readonly string[] | undefined): TitleLexicon | undefined {
  if (!titles || titles.length === 0) return undefined;
  let lexicon = lexicons.get(titles);
  if (!lexicon) {
    lexicon = buildLexicon(titles);
    lexicons.set(titles, lexicon);
  }
  return lexicon;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * True when what precedes `pos` opens a provision: a line or cell start, a full stop (see
 * PATTERNS.sentenceEnd), or an enumerator ("2.", "2-1.") after a space. Read backwards by
 * hand: it runs for every mention.
 */
function opensProvision(text: string, pos: number): boolean {
  let j = pos;
  while (j > 0 && text[j - 1] === ' ') j--;
  if (j === 0) return true;
  const prev = text[j - 1] as string;
  if ('\n\t|。;:'.includes(prev)) return true;
  if (prev !== '.' && prev !== '、') return false;
  let k = j - 1;
  const digits = () => {
    const end = k;
    while (k > 0 && isDigit(text[k - 1])) k--;
    return end - k >= 1 && end - k <= 3;
  };
  if (!digits()) return false;
  if (text[k - 1] === '-') {
    k--;
    if (!digits()) return false;
  }
  return k === 0 || /\s/.test(text[k - 1] ?? '');
}

/** Offsets where a quoted law text must stop: enumerators and level tags opening the next provision. */
function enumeratorStops(text: string): number[] {
  const stops: number[] = [];
  const re = new RegExp(PATTERNS.enumerator.pattern.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    stops.push(m.index + lead);
  }
  const tags = new RegExp(PATTERNS.provisionTag.pattern.source, 'g');
  for (let m = tags.exec(text); m !== null; m = tags.exec(text)) stops.push(m.index);
  return stops;
}

function firstAfter(sorted: Int32Array, pos: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

/**
 * Extracts every citation of a law from a text (a cell, or a whole file): 《title》 and bare
 * short titles with their notes and version hints, 本法/本条例/该法 resolved to the law they
 * stand for, articles continuing the provision before them, references in any numerals, lists
 * and ranges. Spans are offsets into `source` itself.
 *
 * @example
 * extractCitations('【法律】《中华人民共和国行政处罚法》第五十四条 除本法第五十一条规定的…')
 * // [{ via: 'title', title: '中华人民共和国行政处罚法', refs: [{ article: 54 }], … },
 * //  { via: 'context', contextWord: '本法', title: '中华人民共和国行政处罚法', refs: [{ article: 51 }], … }]
 */
export function extractCitations(source: string, options: ExtractOptions = {}): Citation[] {
  const text = normalizeForCitations(source);
  const mentions = scanMentions(text, source, lexiconFor(options.titles));
  const citations: Citation[] = [];
  const boundaries: number[] = [];
  /** Index into `citations` of the last top-level citation of the current cell. */
  let enclosing: number | undefined;
  /** Citations of the current cell, for context words. */
  let cellStart = 0;
  for (const m of mentions) {
    if (m.kind === 'boundary') {
      boundaries.push(m.start);
      enclosing = undefined;
      cellStart = citations.length;
      continue;
    }
    const topLevel = m.kind !== 'context' && opensProvision(text, m.start);
    const c = toCitation(m, topLevel, citations, enclosing, cellStart, options.context);
    citations.push(c);
    if (topLevel && c.title !== undefined && c.titleKind !== 'document') enclosing = citations.length - 1;
  }
  addQuotes(text, source, citations, boundaries);
  return citations;
}

function toCitation(
  m: Exclude<Mention, { kind: 'boundary' }>,
  topLevel: boolean,
  before: readonly Citation[],
  enclosing: number | undefined,
  cellStart: number,
  context: readonly string[] | undefined,
): Citation {
  const base = { span: [m.start, m.end] as const, refs: m.refs, topLevel, hints: [] as Citation['hints'] };
  if (m.kind === 'title' || m.kind === 'alias') {
    return {
      ...base,
      via: m.kind,
      title: m.title,
      titleSpan: m.titleSpan,
      titleKind: titleKind(m.title),
      ...(m.level !== undefined ? { level: m.level } : {}),
      ...(m.note ? { note: m.note } : {}),
      hints: m.hints,
    };
  }
  if (m.kind === 'context') {
    const word = kindWord(m.word);
    const anaphor = m.word.startsWith('本') || m.word.startsWith('前');
    const parent = anaphor ? findEnclosingOrPrevious(before, enclosing, cellStart, word) : findPrevious(before, cellStart, word);
    return withParent({ ...base, via: 'context', contextWord: m.word, titleKind: 'unknown' }, before, parent, word, context);
  }
  if (topLevel) {
    const parent = enclosing ?? findPrevious(before, cellStart, undefined, true);
    return withParent({ ...base, via: 'continuation', titleKind: 'unknown' }, before, parent);
  }
  return withParent({ ...base, via: 'bare', titleKind: 'unknown' }, before, enclosing);
}

/** 本法 inside a quoted law text means that law; elsewhere, the nearest law of its kind cited before. */
function findEnclosingOrPrevious(before: readonly Citation[], enclosing: number | undefined, cellStart: number, word: string | undefined): number | undefined {
  if (enclosing !== undefined) {
    const e = before[enclosing];
    if (e?.title !== undefined && kindWord(e.title) === word) return enclosing;
  }
  return findPrevious(before, cellStart, word, true);
}

function findPrevious(before: readonly Citation[], cellStart: number, word: string | undefined, topOnly = false): number | undefined {
  for (let i = before.length - 1; i >= cellStart; i--) {
    const c = before[i] as Citation;
    if (c.title === undefined || c.titleKind === 'document' || (topOnly && !c.topLevel)) continue;
    if (word === undefined || kindWord(c.title) === word) return i;
  }
  return undefined;
}

function withParent(
  c: Citation,
  before: readonly Citation[],
  parent: number | undefined,
  word?: string,
  context?: readonly string[],
): Citation {
  const p = parent === undefined ? undefined : before[parent];
  if (p?.title !== undefined) {
    return { ...c, title: p.title, ...(p.titleSpan ? { titleSpan: p.titleSpan } : {}), titleKind: p.titleKind, parent: parent as number };
  }
  // A context word with nothing to refer to in its own text: the surrounding text's law of that kind.
  const fallback = word !== undefined ? [...(context ?? [])].reverse().find((t) => kindWord(t) === word) : undefined;
  return fallback !== undefined ? { ...c, title: fallback, titleKind: titleKind(fallback) } : c;
}

/** The text each top-level citation quotes: from its references to the next provision or cell. */
function addQuotes(text: string, source: string, citations: Citation[], boundaries: readonly number[]): void {
  const all = [...boundaries, ...enumeratorStops(text)];
  for (const c of citations) if (c.topLevel) all.push(c.span[0]);
  // A typed array sorts numbers natively, without a comparator call per pair.
  const stops = Int32Array.from(all).sort();
  for (const c of citations) {
    if (!c.topLevel || c.refs.length === 0 || c.title === undefined) continue;
    PATTERNS.quoteLead.pattern.lastIndex = c.span[1];
    const lead = PATTERNS.quoteLead.pattern.exec(text)?.[0].length ?? 0;
    const start = c.span[1] + lead;
    let end = firstAfter(stops, start - 1) ?? text.length;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) c.quote = { text: source.slice(start, end), span: [start, end] };
  }
}
