import type { Segment } from '../diff/text-diff.js';

/** A segment to display; `elided` marks kept text shortened to its ends around a gap. */
export interface DisplaySegment extends Segment {
  elided?: boolean;
}

/** The mark shown where kept text was left out. */
export const ELISION = '…';

/**
 * Shortens long unchanged stretches to `context` characters on each side of a change, so a
 * one-word edit in a long 实施依据 shows as the edit and a little of its surroundings.
 * Nothing changed is ever shortened.
 *
 * @example condense([{ op: 'equal', text: 'x'.repeat(100) }, { op: 'insert', text: '新' }], 5)
 * // [{ op: 'equal', text: '…xxxxx', elided: true }, { op: 'insert', text: '新' }]
 */
export function condense(segments: readonly Segment[], context = 30): DisplaySegment[] {
  if (segments.every((s) => s.op === 'equal')) return [...segments];
  const out: DisplaySegment[] = [];
  segments.forEach((segment, i) => {
    if (segment.op !== 'equal') {
      out.push(segment);
      return;
    }
    const chars = Array.from(segment.text);
    const keepHead = i > 0 ? context : 0;
    const keepTail = i < segments.length - 1 ? context : 0;
    if (chars.length <= keepHead + keepTail + 1) {
      out.push(segment);
      return;
    }
    const head = chars.slice(0, keepHead).join('');
    const tail = chars.slice(chars.length - keepTail).join('');
    const text = keepHead > 0 && keepTail > 0 ? `${head}${ELISION}${tail}` : keepHead > 0 ? `${head}${ELISION}` : `${ELISION}${tail}`;
    out.push({ op: 'equal', text, elided: true });
  });
  return out;
}
