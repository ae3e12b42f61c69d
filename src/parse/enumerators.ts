import { codeSet, isSpaceAt } from './chars.js';
import { parseChineseNumber } from './chinese-number.js';
import { atLineStart } from './spans.js';

/**
 * Enumerators that number the parts of a cell, as data. `pattern` is sticky-matched at a
 * candidate position; group 1 is the main number, group 2 an optional sub-number. `first`
 * holds every character the pattern can begin with, so most positions are ruled out
 * without running it.
 */
export type EnumeratorStyle = 'arabic' | 'paren-cn' | 'cn';

interface EnumeratorDef {
  style: EnumeratorStyle;
  pattern: RegExp;
  first: string;
}

const DIGIT_CHARS = '0123456789０１２３４５６７８９';
const CN_CHARS = '一二三四五六七八九十百零〇两';
const D = '[0-9０-９]';
const CN = `[${CN_CHARS}]`;

export const ENUMERATORS: readonly EnumeratorDef[] = [
  // 1.  1．  1、  2-1.  1－1.   — the dot must not start a decimal (1.5倍).
  { style: 'arabic', pattern: new RegExp(`(${D}{1,3})(?:[-－—–](${D}{1,3}))?[.．、](?!${D})`, 'y'), first: DIGIT_CHARS },
  // 2-⏎1.  2⏎-1.  — a sub-numbered key a line break cut at its hyphen; tried only where the form above fails.
  { style: 'arabic', pattern: new RegExp(`(${D}{1,3})(?:[ \\t]*\\r?\\n[ \\t]*[-－—–]|[-－—–][ \\t]*\\r?\\n)[ \\t]*(${D}{1,3})[.．、](?!${D})`, 'y'), first: DIGIT_CHARS },
  // （一）  (一)  （1）
  { style: 'paren-cn', pattern: new RegExp(`[（(]\\s*(${CN}{1,4}|${D}{1,3})\\s*[）)]`, 'y'), first: '（(' },
  // 一、
  { style: 'cn', pattern: new RegExp(`(${CN}{1,4})、`, 'y'), first: CN_CHARS },
];

const STYLE_BIT: Readonly<Record<EnumeratorStyle, number>> = { arabic: 1, 'paren-cn': 2, cn: 4 };
const COMPILED = ENUMERATORS.map((def) => ({ style: def.style, pattern: def.pattern, bit: STYLE_BIT[def.style] }));
/** Per code unit: the bits (STYLE_BIT) of the styles that can begin with it, so a position is ruled out by one lookup. */
const FIRST_STYLES = firstStyles(ENUMERATORS);

function firstStyles(defs: readonly EnumeratorDef[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const def of defs) for (const c of codeSet(def.first)) table[c] = (table[c] ?? 0) | STYLE_BIT[def.style];
  return table;
}

function maskOf(styles: readonly EnumeratorStyle[]): number {
  let mask = 0;
  for (const style of styles) mask |= STYLE_BIT[style];
  return mask;
}

/** A candidate search: after a match, the candidate stands at lastIndex - back. */
interface Search {
  re: RegExp;
  back: number;
}

/**
 * Per set of stop characters: their code units, and the candidate searches by the styles
 * asked for, indexed by the set's bit mask (STYLE_BIT).
 */
interface StopSet {
  chars: string;
  codes: ReadonlySet<number>;
  searches: (Search | undefined)[];
}
const STOP_SETS = new Map<string, StopSet>();

/** The styles most grammars ask for, made once rather than on every call. */
export const ARABIC: readonly EnumeratorStyle[] = ['arabic'];
export const ALL_STYLES: readonly EnumeratorStyle[] = ['arabic', 'paren-cn', 'cn'];

/**
 * Ends of a sentence or clause that a label may follow with no space between: "…。2.调查责任"
 * "…；（2）…" "…。4.同3。". Callers decide which of these labels to believe.
 */
export const LABEL_STOPS = '。；;';

/** LABEL_STOPS and the colons that open a list on the same line: "程序如下：1、…；2、…". */
export const LIST_STOPS = `${LABEL_STOPS}：:`;

/** `chars` escaped to stand inside a regex character class. */
function classChars(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

/**
 * `before`, then a character one of `styles` begins with: the regex engine finds these far
 * faster than a loop over every character could. V8 searches "\s[…]" at about 1 ns a
 * character while the class holds one style's characters, but several times slower for the
 * union of digits and Han numerals, which it searches faster as "\s(?=[…])".
 */
function candidateSearch(mask: number, before: string): Search {
  const defs = ENUMERATORS.filter((def) => (mask & STYLE_BIT[def.style]) !== 0);
  const chars = classChars([...new Set(defs.map((def) => def.first))].join(''));
  const styles = new Set(defs.map((def) => def.style)).size;
  return styles === 1 ? { re: new RegExp(`${before}[${chars}]`, 'g'), back: 1 } : { re: new RegExp(`${before}(?=[${chars}])`, 'g'), back: 0 };
}

function stopSet(stops: string): StopSet {
  let set = STOP_SETS.get(stops);
  if (!set) STOP_SETS.set(stops, (set = { chars: stops, codes: codeSet(stops), searches: [] }));
  return set;
}

/** The search for candidates after whitespace or one of the set's stops. */
function afterSpace(styles: readonly EnumeratorStyle[], set: StopSet): Search {
  const mask = maskOf(styles);
  let search = set.searches[mask];
  if (!search) {
    search = candidateSearch(mask, set.chars ? `[\\s${classChars(set.chars)}]` : '\\s');
    set.searches[mask] = search;
  }
  return search;
}

export interface Enumerator {
  style: EnumeratorStyle;
  /** As written, e.g. "2-1." or "（三）". */
  label: string;
  no: number;
  sub?: number;
  start: number;
  end: number;
}

/** Reads an enumerator of one of `styles` exactly at `pos`. */
export function enumeratorAt(text: string, pos: number, styles: readonly EnumeratorStyle[]): Enumerator | null {
  const mask = (FIRST_STYLES[text.charCodeAt(pos)] ?? 0) & maskOf(styles);
  if (mask === 0) return null;
  for (const def of COMPILED) {
    if ((mask & def.bit) === 0) continue;
    def.pattern.lastIndex = pos;
    const m = def.pattern.exec(text);
    if (!m) continue;
    const no = parseChineseNumber(m[1] ?? '');
    if (no === null || no <= 0) continue;
    const sub = m[2] === undefined ? undefined : parseChineseNumber(m[2]);
    if (sub === null || sub === 0) continue;
    const e: Enumerator = { style: def.style, label: m[0], no, start: pos, end: pos + m[0].length };
    if (sub !== undefined) e.sub = sub;
    return e;
  }
  return null;
}

/** Where an enumerator stands: at the start of a line, or mid-line (after whitespace or a stop). */
export interface EnumeratorHit extends Enumerator {
  lineStart: boolean;
}

/** The enumerator with where it stands, written out: a spread over its two shapes is slow. */
function hitOf(e: Enumerator, lineStart: boolean): EnumeratorHit {
  const { style, label, no, start, end } = e;
  return e.sub === undefined ? { style, label, no, start, end, lineStart } : { style, label, no, start, end, sub: e.sub, lineStart };
}

/** Adds the enumerator at `i` if one ends by `to`; returns where the search goes on (i holds no whitespace). */
function take(text: string, i: number, styles: readonly EnumeratorStyle[], to: number, out: EnumeratorHit[]): number {
  const e = enumeratorAt(text, i, styles);
  if (!e || e.end > to) return i;
  out.push(hitOf(e, atLineStart(text, i)));
  return e.end;
}

/**
 * Every enumerator that starts a line or follows whitespace, and also those right after one
 * of the characters of `stops` (LABEL_STOPS: "。2." "；（2）"; LIST_STOPS: "：1、" too);
 * callers decide which of the mid-line ones to believe. A digit right before the position
 * disqualifies it.
 */
export function findEnumerators(text: string, styles: readonly EnumeratorStyle[], from = 0, to = text.length, stops = ''): EnumeratorHit[] {
  const out: EnumeratorHit[] = [];
  const start = Math.max(0, from);
  if (start >= to) return out;
  const set = stopSet(stops);
  // Only the start of the text or a position right after whitespace (or a stop) can hold one.
  const opens = start === 0 || isSpaceAt(text, start - 1) || set.codes.has(text.charCodeAt(start - 1));
  let next = opens ? take(text, start, styles, to, out) : start;
  // Searched in a view that ends at `to`, so a scan of part of a text stops there; one pass
  // finds both kinds of candidate, in text order.
  const view = text.slice(start, to);
  const { re, back } = afterSpace(styles, set);
  re.lastIndex = next - start;
  while (re.test(view)) {
    next = take(text, start + re.lastIndex - back, styles, to, out);
    re.lastIndex = next - start;
  }
  return out;
}
