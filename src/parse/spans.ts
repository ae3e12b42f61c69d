import type { Residue } from '../model/index.js';
import { isSpaceAt } from './chars.js';

/** A piece of the input: [start, end) and the exact text. */
export interface Piece {
  start: number;
  end: number;
}

/** Shrinks [start, end) so that it neither begins nor ends with whitespace. */
export function trimSpan(text: string, start: number, end: number): Piece {
  let s = start;
  let e = end;
  while (s < e && isSpaceAt(text, s)) s++;
  while (e > s && isSpaceAt(text, e - 1)) e--;
  return { start: s, end: e };
}

/**
 * Residue for every stretch of [from, to) that holds non-whitespace and is not inside one
 * of `taken` (sorted, disjoint). This is what keeps every grammar lossless by construction.
 */
export function residueBetween(text: string, taken: readonly Piece[], reason: string, from = 0, to = text.length): Residue[] {
  const out: Residue[] = [];
  let cursor = from;
  for (const p of taken) {
    if (p.start > cursor) pushResidue(out, text, cursor, Math.min(p.start, to), reason);
    cursor = Math.max(cursor, p.end);
  }
  if (cursor < to) pushResidue(out, text, cursor, to, reason);
  return out;
}

function pushResidue(out: Residue[], text: string, start: number, end: number, reason: string): void {
  const t = trimSpan(text, start, end);
  if (t.end > t.start) out.push({ text: text.slice(t.start, t.end), span: [t.start, t.end], reason });
}

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;
const IDEOGRAPHIC_SPACE = 0x3000;
const OPEN_QUOTE = 0x201c; // “
const CLOSE_QUOTE = 0x201d; // ”

/** True when only spaces/tabs stand between the start of the line and `pos`. */
export function atLineStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === LF) return true;
    if (c !== SPACE && c !== TAB && c !== IDEOGRAPHIC_SPACE && c !== CR) return false;
  }
  return true;
}

/** True when `pos` is at the start of the text or right after whitespace. */
export function afterSpace(text: string, pos: number): boolean {
  return pos === 0 || isSpaceAt(text, pos - 1);
}

/**
 * Which offsets of [from, to) lie strictly inside a matched pair of quotation marks “…”
 * (index i of the mask is offset from + i). An opening mark with no closing one (a cell cut
 * off mid-quote) encloses nothing, so it cannot swallow what follows.
 */
export function quoteMask(text: string, from: number, to: number): Uint8Array {
  const n = Math.max(0, to - from);
  if (!hasQuote(text, from, to)) return new Uint8Array(n);
  const depth = new Int32Array(n + 1);
  const open: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_QUOTE) open.push(i);
    else if (c === CLOSE_QUOTE) {
      const o = open.pop();
      if (o !== undefined) {
        depth[o + 1 - from] = (depth[o + 1 - from] ?? 0) + 1;
        depth[i - from] = (depth[i - from] ?? 0) - 1;
      }
    }
  }
  const mask = new Uint8Array(n);
  let d = 0;
  for (let i = 0; i < n; i++) {
    d += depth[i] ?? 0;
    mask[i] = d > 0 ? 1 : 0;
  }
  return mask;
}

/** Whether an opening “ stands in [from, to): without one, nothing there is quoted. */
export function hasQuote(text: string, from: number, to: number): boolean {
  // Searched in a view of [from, to), so the search stops at `to`.
  return text.slice(Math.max(0, from), Math.max(0, to)).includes('“');
}

const OPEN_TITLE = 0x300a; // 《
const CLOSE_TITLE = 0x300b; // 》

/**
 * Which offsets of `text` lie strictly inside a 《…》 closed on the same line (titles never
 * span lines; an unclosed 《, a cell cut off mid-title, encloses nothing). One pass.
 */
function titleMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_TITLE) open = i;
    else if (c === LF) open = -1;
    else if (c === CLOSE_TITLE && open >= 0) {
      mask.fill(1, open + 1, i);
      open = -1;
    }
  }
  return mask;
}

/** Offsets inside “…” or 《…》, where a list's number cannot stand; null when the text has neither. */
export function enclosedMask(text: string): Uint8Array | null {
  const quotes = text.includes('“');
  const titles = text.includes('《');
  if (!quotes && !titles) return null;
  const mask = quotes ? quoteMask(text, 0, text.length) : new Uint8Array(text.length);
  if (titles) {
    const inTitle = titleMask(text);
    for (let i = 0; i < mask.length; i++) mask[i] = (mask[i] ?? 0) | (inTitle[i] ?? 0);
  }
  return mask;
}
