import type { ArticleRef, Provision, Residue } from '../model/index.js';
import { readArticleRefs } from './article-refs.js';
import { codeSet, isDigitCode, isSpaceCode } from './chars.js';
import { ARABIC, enumeratorAt, findEnumerators, LABEL_STOPS } from './enumerators.js';
import { sameAsTarget } from './same-as.js';
import { atLineStart, type Piece, quoteMask, residueBetween, trimSpan } from './spans.js';

/** Level tags a list puts before a title, as data. A mid-text 【…】 starts a provision only if known. */
export const LEVEL_TAGS = [
  '法律',
  '行政法规',
  '地方性法规',
  '自治条例',
  '单行条例',
  '法规',
  '部门规章',
  '地方政府规章',
  '政府规章',
  '规章',
  '规范性文件',
  '司法解释',
  '党内法规',
] as const;

const REASON_UNKNOWN = '无法识别的依据内容';

const TAG = /【([^【】\n]{1,12})】/y;
const BROKEN_TAG = new RegExp(`(${[...LEVEL_TAGS].sort((a, b) => b.length - a.length).join('|')})】`, 'y');
/** What a broken tag can begin with, so most line starts are ruled out without BROKEN_TAG. */
const BROKEN_TAG_FIRST = codeSet(LEVEL_TAGS.map((t) => t.charAt(0)));
const KNOWN_LEVELS: ReadonlySet<string> = new Set(LEVEL_TAGS);
const TITLE = /《([^《》\n]{1,120})》/y;

const C = {
  lf: 0x0a,
  tab: 0x09,
  space: 0x20,
  colon: 0x3a, // :
  wideColon: 0xff1a, // ：
  openTag: 0x3010, // 【
  openTitle: 0x300a, // 《
  same: 0x540c, // 同
  openParen: 0x28, // (
  closeParen: 0x29, // )
  wideOpenParen: 0xff08, // （
  wideCloseParen: 0xff09, // ）
} as const;
/** What may stand right before a label's digits for it to be no label ("1.5", "2-1." read whole). */
const NOT_BEFORE_LABEL = codeSet('0123456789０１２３４５６７８９-－.．');
/** Ends of a sentence after which a bare "第N条" continues the provision's articles. */
const SENTENCE_END = codeSet('。；;');

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** The end of the whitespace run at `pos` (as /\s*\/y would find it), no further than `limit`. */
function skipSpaces(text: string, pos: number, limit: number): number {
  let i = pos;
  while (isSpaceCode(text.charCodeAt(i))) i++;
  return Math.min(limit, i);
}

/** The end of the run of whitespace other than line breaks at `pos` ([^\S\n]*). */
function skipLineSpaces(text: string, pos: number): number {
  let i = pos;
  for (let c = text.charCodeAt(i); c !== C.lf && isSpaceCode(c); c = text.charCodeAt(++i));
  return i;
}

/** A level tag at `pos`, including the broken form without 【 when it opens a line or follows a label. */
function levelAt(text: string, pos: number, allowBroken: boolean): { level: string; end: number } | null {
  const c = text.charCodeAt(pos);
  if (c === C.openTag) {
    const m = sticky(TAG, text, pos);
    if (m) return { level: (m[1] ?? '').trim(), end: pos + m[0].length };
  }
  if (!allowBroken || !BROKEN_TAG_FIRST.has(c)) return null;
  const b = sticky(BROKEN_TAG, text, pos);
  return b ? { level: b[1] ?? '', end: pos + b[0].length } : null;
}

/** A parenthesised note, balanced; an unclosed one runs to `limit` (the cell was cut off). */
function noteAt(text: string, pos: number, limit: number): { note: string; end: number } | null {
  const open = text.charCodeAt(pos);
  if (open !== C.wideOpenParen && open !== C.openParen) return null;
  let depth = 0;
  for (let i = pos; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === C.wideOpenParen || c === C.openParen) depth++;
    else if (c === C.wideCloseParen || c === C.closeParen) {
      depth--;
      if (depth === 0) return { note: text.slice(pos + 1, i).trim(), end: i + 1 };
    }
  }
  return { note: text.slice(pos + 1, limit).trim(), end: limit };
}

function isKnownLevel(level: string): boolean {
  return KNOWN_LEVELS.has(level);
}

/**
 * What a scan of [from, to) needs: the text, the bounds, the text of [from, to) (a view, so
 * searches in it stop at `to`), and which offsets lie inside quotes (null: none).
 */
interface Scope {
  text: string;
  from: number;
  to: number;
  view: string;
  quoted: Uint8Array | null;
}

function scope(text: string, from: number, to: number): Scope {
  const view = text.slice(from, to);
  return { text, from, to, view, quoted: view.includes('“') ? quoteMask(text, from, to) : null };
}

function isQuoted(sc: Scope, pos: number): boolean {
  return sc.quoted !== null && sc.quoted[pos - sc.from] === 1;
}

/** 【 or 《 at `pos`, or 同 and a digit ("同1"), all before `to`: what a mid-line label must precede. */
function opensProvision(text: string, pos: number, to: number): boolean {
  if (pos >= to) return false;
  const c = text.charCodeAt(pos);
  if (c === C.openTag || c === C.openTitle) return true;
  return c === C.same && pos + 1 < to && isDigitCode(text.charCodeAt(pos + 1));
}

/**
 * Offsets where a provision begins: an enumerator opening a line; a known level tag
 * anywhere (or the enumerator right before it); a 《title》 or level tag opening a line;
 * an enumerator after whitespace or a full stop followed by 【, 《 or 同N. Nothing inside a
 * closed “…”.
 */
function startsIn(sc: Scope): number[] {
  const { text, from, to, view } = sc;
  const starts = new Set<number>();
  // Mid-line labels follow whitespace or a full stop ("。4.同3。" "。2.《…》").
  for (const e of findEnumerators(text, ARABIC, from, to, LABEL_STOPS)) {
    if (e.lineStart || opensProvision(text, skipSpaces(text, e.end, to), to)) starts.add(e.start);
  }
  for (let k = view.indexOf('【'); k >= 0; k = view.indexOf('【', k + 1)) {
    const i = from + k;
    const tag = levelAt(text, i, false);
    if (!tag || tag.end > to) continue;
    const lineStart = atLineStart(text, i);
    if (!isKnownLevel(tag.level) && !(lineStart && text.charCodeAt(skipSpaces(text, tag.end, to)) === C.openTitle)) continue;
    starts.add(labelBefore(text, i, from) ?? i);
  }
  for (let line = from; line < to; ) {
    const i = Math.min(to, skipLineSpaces(text, line));
    const nl = view.indexOf('\n', line - from);
    const next = nl < 0 ? to : from + nl + 1;
    if (i < next && atLineStart(text, i) && (text.charCodeAt(i) === C.openTitle || (levelAt(text, i, true)?.end ?? to + 1) <= to)) starts.add(i);
    line = next;
  }
  const out: number[] = [];
  let prev = -1;
  for (const s of [...starts].sort((a, b) => a - b)) {
    // A key broken over two lines ("2-⏎1.") is found whole and, on its second line, as "1." too.
    if (isQuoted(sc, s) || insideBrokenLabel(text, prev, s)) continue;
    out.push(s);
    prev = s;
  }
  return out;
}

/** What may stand between a broken label's start and its line break: "2-", "2 ", "12－". */
const BEFORE_BREAK = codeSet('0123456789０１２３４５６７８９-－—– \t\r');

/** Whether `s` lies inside a label that starts at `prev` and a line break cuts ("2-⏎1."). */
function insideBrokenLabel(text: string, prev: number, s: number): boolean {
  if (prev < 0) return false;
  // Only digits, dashes and blanks may come before the break, so this walk is short.
  let i = prev;
  while (i < s && BEFORE_BREAK.has(text.charCodeAt(i))) i++;
  return i < s && text.charCodeAt(i) === C.lf && (enumeratorAt(text, prev, ARABIC)?.end ?? prev) > s;
}

/** Offsets in [from, to) where a provision begins (duty-basis entries are keyed from these). */
export function provisionStarts(text: string, from: number, to: number): number[] {
  return startsIn(scope(text, from, to));
}

/** The arabic enumerator that stands right before `pos` ("。2.【"), if any. */
function labelBefore(text: string, pos: number, from: number): number | null {
  let j = pos;
  for (let c = text.charCodeAt(j - 1); j > from && (c === C.space || c === C.tab); c = text.charCodeAt(--j - 1));
  for (let k = Math.max(from, j - 9); k < j; k++) {
    const e = enumeratorAt(text, k, ARABIC);
    if (e && e.end === j && !NOT_BEFORE_LABEL.has(text.charCodeAt(k - 1))) return k;
  }
  return null;
}

/** Further articles of the same law inside the quoted text: "。第二十条：…", a line "第四十四条 …". */
function continuationRefs(sc: Scope, from: number, to: number): ArticleRef[] {
  const { text } = sc;
  const out: ArticleRef[] = [];
  // Searched in a view of [from, to), so the search for the last 第 stops at `to`.
  const view = text.slice(from, to);
  for (let k = view.indexOf('第'); k >= 0; k = view.indexOf('第', k + 1)) {
    const i = from + k;
    if (!(SENTENCE_END.has(text.charCodeAt(i - 1)) || atLineStart(text, i)) || isQuoted(sc, i)) continue;
    const r = readArticleRefs(text, i);
    if (!r || r.end > to) continue;
    const after = text.charCodeAt(r.end);
    if (r.end === to || r.end >= text.length || isSpaceCode(after) || after === C.wideColon || after === C.colon) {
      for (const ref of r.refs) out.push(ref);
      k = r.end - 1 - from;
    }
  }
  return out;
}

/** “…” around the whole quoted text is the list's quoting, not the law's: "“…。”" or "“…”。". */
function unquote(s: string): string {
  const m = /^“([^“”]*)”[。；;.]?$/.exec(s);
  return m ? (m[1] ?? '') : s;
}

/** Parses one provision occupying [start, end); null when nothing in it looks like a citation. */
function parseOne(sc: Scope, seg: Piece): Provision | null {
  const { text } = sc;
  const { start, end } = seg;
  let pos = start;
  const p: Partial<Provision> & { refs: ArticleRef[] } = { refs: [] };
  const label = enumeratorAt(text, pos, ARABIC);
  if (label && label.end <= end) {
    p.label = label.label;
    pos = skipSpaces(text, label.end, end);
  }
  const tag = levelAt(text, pos, true);
  if (tag && tag.end <= end) {
    p.level = tag.level;
    pos = skipSpaces(text, tag.end, end);
  }
  const title = text.charCodeAt(pos) === C.openTitle ? sticky(TITLE, text, pos) : null;
  if (title && pos + title[0].length <= end) {
    p.title = (title[1] ?? '').trim();
    pos = skipSpaces(text, pos + title[0].length, end);
    const note = noteAt(text, pos, end);
    if (note) {
      p.note = note.note;
      pos = skipSpaces(text, note.end, end);
    }
  }
  const refs = readArticleRefs(text, pos);
  if (refs && refs.end <= end) {
    for (const ref of refs.refs) p.refs.push(ref);
    pos = refs.end;
    // \s*[：:]?\s* between the articles and their text
    pos = skipSpaces(text, pos, text.length);
    const c = text.charCodeAt(pos);
    if (c === C.wideColon || c === C.colon) pos = skipSpaces(text, pos + 1, text.length);
    pos = Math.min(pos, end);
  }
  if (p.label === undefined && p.level === undefined && p.title === undefined && p.refs.length === 0) return null;
  for (const ref of continuationRefs(sc, pos, end)) p.refs.push(ref);
  // Keys in the model's order, which is also the order they are written out in.
  const out = {} as Provision;
  const body = unquote(text.slice(pos, end).trim());
  if (p.label !== undefined) out.label = p.label;
  // "2.同1。": a labelled entry that only points at another; its text stays "同1。".
  const same = p.label !== undefined && p.level === undefined && p.title === undefined && p.refs.length === 0 ? sameAsTarget(body) : undefined;
  if (same !== undefined) out.sameAs = same;
  if (p.level !== undefined) out.level = p.level;
  if (p.title !== undefined) out.title = p.title;
  if (p.note !== undefined) out.note = p.note;
  out.refs = p.refs;
  out.text = body;
  out.raw = text.slice(start, end);
  out.span = [start, end];
  return out;
}

/** Provisions of [from, to), with spans into the whole `text` (duty-basis entries use this for their bodies). */
export function parseProvisionsIn(text: string, from: number, to: number): { provisions: Provision[]; residue: Residue[] } {
  const sc = scope(text, from, to);
  const starts = startsIn(sc);
  const first = trimSpan(text, from, to).start;
  if (starts[0] !== first) starts.unshift(first);
  const provisions: Provision[] = [];
  for (let i = 0; i < starts.length; i++) {
    const seg = trimSpan(text, starts[i] ?? from, starts[i + 1] ?? to);
    if (seg.end <= seg.start) continue;
    const p = parseOne(sc, seg);
    if (p) provisions.push(p);
  }
  const taken = provisions.map((p) => ({ start: p.span[0], end: p.span[1] }));
  return { provisions, residue: residueBetween(text, taken, REASON_UNKNOWN, from, to) };
}

/**
 * Splits a 实施依据 / 责任事项依据 / 追责依据 body into provisions:
 * [label] [【level】] 《title》 [（note）] 第X条[第Y款][第（Z）项] [：] text, or label 同N
 * ("2.同1。", kept with `sameAs: N`; sameAsTargets finds what it points at).
 *
 * @example parseProvisions('1.【法律】《中华人民共和国行政处罚法》第五十四条 …')
 * // { provisions: [{ label: '1.', level: '法律', title: '中华人民共和国行政处罚法', refs: [{ article: 54, … }], … }], residue: [] }
 */
export function parseProvisions(text: string): { provisions: Provision[]; residue: Residue[] } {
  return parseProvisionsIn(text, 0, text.length);
}

/** True when the provision's level tag lacks its opening 【 ("行政法规】《…》", sample 001). */
export function hasBrokenLevelTag(p: Provision): boolean {
  if (p.level === undefined) return false;
  const close = p.raw.indexOf('】');
  return close >= 0 && p.raw.lastIndexOf('【', close) < 0;
}
