import type { Residue, TextSpan } from '../model/index.js';

/** A piece of the input: [start, end) and the exact text. */
export interface Piece {
  start: number;
  end: number;
}

/** Shrinks [start, end) so that it neither begins nor ends with whitespace. */
export function trimSpan(text: string, start: number, end: number): Piece {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

export function span(p: Piece): TextSpan {
  return [p.start, p.end];
}

/**
 * Residue for every stretch of [from, to) that holds non-whitespace and is not inside one
 * of `taken` (sorted, disjoint). This is what keeps every grammar lossless by construction.
 */
export function residueBetween(text: string, taken: readonly Piece[], reason: string, from = 0, to = text.length): Residue[] {
  const out: Residue[] = [];
  let cursor = from;
  const push = (s: number, e: number) => {
    const t = trimSpan(text, s, e);
    if (t.end > t.start) out.push({ text: text.slice(t.start, t.end), span: [t.start, t.end], reason });
  };
  for (const p of taken) {
    if (p.start > cursor) push(cursor, Math.min(p.start, to));
    cursor = Math.max(cursor, p.end);
  }
  if (cursor < to) push(cursor, to);
  return out;
}

/** Start offset of each line (0 and every position after a newline). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** True when only spaces/tabs stand between the start of the line and `pos`. */
export function atLineStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\u3000' && c !== '\r') return false;
  }
  return true;
}

/** True when `pos` is at the start of the text or right after whitespace. */
export function afterSpace(text: string, pos: number): boolean {
  return pos === 0 || /\s/.test(text[pos - 1] ?? '');
}

/**
 * Regions enclosed by matched quotation marks “…”. An opening mark with no closing one
 * (a cell cut off mid-quote) encloses nothing, so it cannot swallow what follows.
 */
export function quotedRegions(text: string): Piece[] {
  const stack: number[] = [];
  const out: Piece[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') stack.push(i);
    else if (c === '”') {
      const open = stack.pop();
      if (open !== undefined && stack.length === 0) out.push({ start: open, end: i + 1 });
    }
  }
  return out;
}

export function inside(regions: readonly Piece[], pos: number): boolean {
  return regions.some((r) => pos > r.start && pos < r.end);
}
