import { readVersionHints } from './hints.js';
import type { TitleLexicon } from './lexicon.js';
import { PATTERNS } from './patterns.js';
import { readRefs } from './refs.js';
import type { CitedRef, Span, VersionHint } from './types.js';

/** What the scanner found at one place, before context is resolved. */
export type Mention =
  | {
      kind: 'title' | 'alias';
      start: number;
      end: number;
      title: string;
      titleSpan: Span;
      level?: string;
      note?: { text: string; span: Span };
      hints: VersionHint[];
      refs: CitedRef[];
    }
  | { kind: 'context'; start: number; end: number; word: string; refs: CitedRef[] }
  | { kind: 'bare'; start: number; end: number; refs: CitedRef[] }
  | { kind: 'boundary'; start: number; end: number };

/** Where the text of an unclosed 《 ends. */
const UNCLOSED_END = /[\n\t|《》]/g;

/** Notes longer than this are not notes but text that happens to follow a title. */
const MAX_NOTE = 400;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function skipSpaces(text: string, pos: number): number {
  let at = pos;
  while (at < text.length && (text[at] === ' ' || text[at] === '\n')) at++;
  return at;
}

/** A balanced (…) at `pos` on one line, or null. */
function noteAt(text: string, pos: number): { inner: [number, number]; end: number } | null {
  if (text[pos] !== '(') return null;
  let depth = 0;
  const limit = Math.min(text.length, pos + MAX_NOTE);
  for (let i = pos; i < limit; i++) {
    const c = text[i];
    if (c === '\n' || c === '\t' || c === '|') return null;
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return { inner: [pos + 1, i], end: i + 1 };
  }
  return null;
}

/**
 * Hints by note text, spans relative to the note: lists repeat the same note on every item
 * ("（国务院令第760号修订）"), and reading a note is the costly part of a citation.
 */
const hintCache = new Map<string, VersionHint[]>();
const HINT_CACHE_LIMIT = 10_000;

function hintsOf(note: string, offset: number, source: string): VersionHint[] {
  let relative = hintCache.get(note);
  if (!relative) {
    relative = readVersionHints(note);
    if (hintCache.size >= HINT_CACHE_LIMIT) hintCache.clear();
    hintCache.set(note, relative);
  }
  return relative.map((h) => {
    const span = [h.span[0] + offset, h.span[1] + offset] as const;
    return { ...h, span, raw: source.slice(span[0], span[1]) };
  });
}

/** What follows a title (written or bare): its note, hints and references. */
function afterTitle(text: string, source: string, pos: number) {
  let at = skipSpaces(text, pos);
  let note: { text: string; span: Span } | undefined;
  let hints: VersionHint[] = [];
  const n = noteAt(text, at);
  if (n) {
    note = { text: source.slice(n.inner[0], n.inner[1]), span: n.inner };
    hints = hintsOf(text.slice(n.inner[0], n.inner[1]), n.inner[0], source);
    at = skipSpaces(text, n.end);
  }
  const refs = readRefs(text, at, source);
  return { note, hints, refs: refs?.refs ?? [], end: refs ? refs.end : (n?.end ?? pos) };
}

function levelBefore(text: string, pos: number): { level: string; start: number } | undefined {
  // Most titles have no tag before them: look for its 】 before slicing anything.
  const close = text.lastIndexOf('】', pos - 1);
  if (close < 0 || close < pos - 16 || text.slice(close + 1, pos).trim() !== '') return undefined;
  const head = text.slice(Math.max(0, pos - 16), pos);
  const m = PATTERNS.levelTag.pattern.exec(head);
  return m ? { level: (m[1] ?? '').trim(), start: pos - head.length + m.index } : undefined;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMERAL_AHEAD = '(?=\\s*[0-9零〇一二两三四五六七八九十百千])';
const triggers = new WeakMap<TitleLexicon, RegExp>();
const BARE_TRIGGER = new RegExp(`《|第${NUMERAL_AHEAD}|(?:本|该|上述|前述)(?=办法|条例|规定|细则|决定|规则|法)|[\\t|]`, 'g');

/**
 * Where a mention can start: 《, 第 before a numeral, a context word, a cell boundary, or a
 * short title of the lexicon; everything between is skipped in one regex step.
 */
function triggerPattern(lexicon: TitleLexicon | undefined): RegExp {
  if (!lexicon) return BARE_TRIGGER;
  let re = triggers.get(lexicon);
  if (!re) {
    re = new RegExp(`${BARE_TRIGGER.source}|${lexicon.titles.map(escapeRegExp).join('|')}`, 'g');
    triggers.set(lexicon, re);
  }
  return re;
}

/**
 * Finds every title, bare short title, context word, article reference and cell boundary in
 * the normalised `text`, left to right; spans and raw text are taken from `source`.
 */
export function scanMentions(text: string, source: string, lexicon?: TitleLexicon): Mention[] {
  const out: Mention[] = [];
  const trigger = triggerPattern(lexicon);
  let pos = 0;
  while (pos < text.length) {
    trigger.lastIndex = pos;
    const hit = trigger.exec(text);
    if (!hit) break;
    const i = hit.index;
    const c = text[i] as string;
    pos = i + 1;
    if (c === '\t' || c === '|') {
      out.push({ kind: 'boundary', start: i, end: i + 1 });
      continue;
    }
    if (c === '《') {
      const t = sticky(PATTERNS.title.pattern, text, i);
      if (!t) {
        // A title cut off before its 》 ("《中华人民共和国保守国家秘密法实施"): nothing in it is a bare title.
        UNCLOSED_END.lastIndex = i + 1;
        pos = UNCLOSED_END.exec(text)?.index ?? text.length;
        continue;
      }
      const inner = t[1] ?? '';
      const innerStart = i + t[0].indexOf(inner, 1);
      const level = levelBefore(text, i);
      const rest = afterTitle(text, source, i + t[0].length);
      out.push({
        kind: 'title',
        start: level?.start ?? i,
        end: Math.max(rest.end, i + t[0].length),
        title: source.slice(innerStart, innerStart + inner.length),
        titleSpan: [innerStart, innerStart + inner.length],
        ...(level ? { level: level.level } : {}),
        ...(rest.note ? { note: rest.note } : {}),
        hints: rest.hints,
        refs: rest.refs,
      });
      pos = Math.max(pos, rest.refs.length > 0 ? rest.end : i + t[0].length);
      continue;
    }
    if (c === '第') {
      const r = readRefs(text, i, source);
      if (!r) continue;
      out.push({ kind: 'bare', start: i, end: r.end, refs: r.refs });
      pos = r.end;
      continue;
    }
    if ('本该上前'.includes(c)) {
      const m = sticky(PATTERNS.context.pattern, text, i);
      if (m) {
        const r = readRefs(text, i + m[0].length, source);
        if (r) {
          out.push({ kind: 'context', start: i, end: r.end, word: m[0], refs: r.refs });
          pos = r.end;
          continue;
        }
      }
    }
    const alias = lexicon?.match(text, i);
    if (alias !== undefined) {
      const end = i + alias.length;
      const rest = afterTitle(text, source, end);
      out.push({
        kind: 'alias',
        start: i,
        end: rest.refs.length > 0 ? rest.end : end,
        title: source.slice(i, end),
        titleSpan: [i, end],
        ...(rest.refs.length > 0 && rest.note ? { note: rest.note } : {}),
        hints: rest.refs.length > 0 ? rest.hints : [],
        refs: rest.refs,
      });
      pos = rest.refs.length > 0 ? rest.end : end;
    }
  }
  return out;
}
