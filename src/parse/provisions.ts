import type { ArticleRef, Provision, Residue } from '../model/index.js';
import { readArticleRefs } from './article-refs.js';
import { enumeratorAt, findEnumerators } from './enumerators.js';
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
const TITLE = /《([^《》\n]{1,120})》/y;
const SPACES = /\s*/y;
const LINE_SPACES = /[^\S\n]*/y;
const REF_TEXT_SEP = /\s*[：:]?\s*/y;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function skipSpaces(text: string, pos: number, limit: number): number {
  const m = sticky(SPACES, text, pos);
  return Math.min(limit, pos + (m?.[0].length ?? 0));
}

/** A level tag at `pos`, including the broken form without 【 when it opens a line or follows a label. */
function levelAt(text: string, pos: number, allowBroken: boolean): { level: string; end: number } | null {
  const m = sticky(TAG, text, pos);
  if (m) return { level: (m[1] ?? '').trim(), end: pos + m[0].length };
  if (!allowBroken) return null;
  const b = sticky(BROKEN_TAG, text, pos);
  return b ? { level: b[1] ?? '', end: pos + b[0].length } : null;
}

/** A parenthesised note, balanced; an unclosed one runs to `limit` (the cell was cut off). */
function noteAt(text: string, pos: number, limit: number): { note: string; end: number } | null {
  const open = text[pos];
  if (open !== '（' && open !== '(') return null;
  let depth = 0;
  for (let i = pos; i < limit; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') {
      depth--;
      if (depth === 0) return { note: text.slice(pos + 1, i).trim(), end: i + 1 };
    }
  }
  return { note: text.slice(pos + 1, limit).trim(), end: limit };
}

function isKnownLevel(level: string): boolean {
  return (LEVEL_TAGS as readonly string[]).includes(level);
}

/** What a scan of [from, to) needs: the text, the bounds, and which offsets lie inside quotes. */
interface Scope {
  text: string;
  from: number;
  to: number;
  quoted: Uint8Array;
}

function scope(text: string, from: number, to: number): Scope {
  return { text, from, to, quoted: quoteMask(text, from, to) };
}

function isQuoted(sc: Scope, pos: number): boolean {
  return sc.quoted[pos - sc.from] === 1;
}

/**
 * Offsets where a provision begins: an enumerator opening a line; a known level tag
 * anywhere (or the enumerator right before it); a 《title》 or level tag opening a line;
 * an enumerator after whitespace followed by 【, 《 or 同N. Nothing inside a closed “…”.
 */
function startsIn(sc: Scope): number[] {
  const { text, from, to } = sc;
  const starts = new Set<number>();
  for (const e of findEnumerators(text, ['arabic'], from, to)) {
    const next = skipSpaces(text, e.end, to);
    if (e.lineStart || /^(?:【|《|同[0-9０-９])/.test(text.slice(next, Math.min(next + 2, to)))) starts.add(e.start);
  }
  for (let i = text.indexOf('【', from); i >= 0 && i < to; i = text.indexOf('【', i + 1)) {
    const tag = levelAt(text, i, false);
    if (!tag || tag.end > to) continue;
    const lineStart = atLineStart(text, i);
    if (!isKnownLevel(tag.level) && !(lineStart && text[skipSpaces(text, tag.end, to)] === '《')) continue;
    starts.add(labelBefore(text, i, from) ?? i);
  }
  for (let line = from; line < to; ) {
    const i = Math.min(to, line + (sticky(LINE_SPACES, text, line)?.[0].length ?? 0));
    const nl = text.indexOf('\n', line);
    const next = nl < 0 || nl >= to ? to : nl + 1;
    const lineStart = atLineStart(text, i);
    if (i < next && lineStart && (text[i] === '《' || (levelAt(text, i, true)?.end ?? to + 1) <= to)) starts.add(i);
    line = next;
  }
  return [...starts].filter((x) => !isQuoted(sc, x)).sort((a, b) => a - b);
}

/** Offsets in [from, to) where a provision begins (duty-basis entries are keyed from these). */
export function provisionStarts(text: string, from: number, to: number): number[] {
  return startsIn(scope(text, from, to));
}

/** The arabic enumerator that stands right before `pos` ("。2.【"), if any. */
function labelBefore(text: string, pos: number, from: number): number | null {
  let j = pos;
  while (j > from && /[ \t]/.test(text[j - 1] ?? '')) j--;
  for (let k = Math.max(from, j - 9); k < j; k++) {
    const e = enumeratorAt(text, k, ['arabic']);
    if (e && e.end === j && !/[0-9０-９\-－.．]/.test(text[k - 1] ?? '')) return k;
  }
  return null;
}

/** Further articles of the same law inside the quoted text: "。第二十条：…", a line "第四十四条 …". */
function continuationRefs(sc: Scope, from: number, to: number): ArticleRef[] {
  const { text } = sc;
  const out: ArticleRef[] = [];
  for (let i = text.indexOf('第', from); i >= 0 && i < to; i = text.indexOf('第', i + 1)) {
    const before = text[i - 1] ?? '\n';
    if (!(/[。；;]/.test(before) || atLineStart(text, i)) || isQuoted(sc, i)) continue;
    const r = readArticleRefs(text, i);
    if (!r || r.end > to) continue;
    const after = text[r.end];
    if (r.end === to || after === undefined || /[\s：:]/.test(after)) {
      for (const ref of r.refs) out.push(ref);
      i = r.end - 1;
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
  const label = enumeratorAt(text, pos, ['arabic']);
  if (label && label.end <= end) {
    p.label = label.label;
    pos = skipSpaces(text, label.end, end);
  }
  const tag = levelAt(text, pos, true);
  if (tag && tag.end <= end) {
    p.level = tag.level;
    pos = skipSpaces(text, tag.end, end);
  }
  const title = sticky(TITLE, text, pos);
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
    pos += sticky(REF_TEXT_SEP, text, pos)?.[0].length ?? 0;
    pos = Math.min(pos, end);
  }
  if (p.label === undefined && p.level === undefined && p.title === undefined && p.refs.length === 0) return null;
  for (const ref of continuationRefs(sc, pos, end)) p.refs.push(ref);
  const out: Provision = {
    ...(p.label !== undefined && { label: p.label }),
    ...(p.level !== undefined && { level: p.level }),
    ...(p.title !== undefined && { title: p.title }),
    ...(p.note !== undefined && { note: p.note }),
    refs: p.refs,
    text: unquote(text.slice(pos, end).trim()),
    raw: text.slice(start, end),
    span: [start, end],
  };
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
 * [label] [【level】] 《title》 [（note）] 第X条[第Y款][第（Z）项] [：] text.
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
