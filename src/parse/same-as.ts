import type { Provision } from '../model/index.js';
import { codeSet } from './chars.js';
import { toHalfWidthDigits } from './chinese-number.js';
import { ARABIC, enumeratorAt } from './enumerators.js';

/**
 * "同1。" "同1." "同 4" "同第2项" "同1-1.": the body of a numbered entry whose basis is that of
 * entry N (责任事项依据 and 追责依据 both write it so).
 */
const SAME_AS = /^同\s*第?\s*([0-9０-９]{1,3})(?:\s*[-－]\s*[0-9０-９]{1,3})?\s*(?:项|条|步)?\s*[。.．；;]?$/;

const SAME = 0x540c; // 同
const DIGIT_0 = 0x30;
/** What may end the short form "同1。": 。 . ． ； ; */
const SHORT_END = codeSet('。.．；;');

/** N when `body` (an entry's text after its label) says "same as N", else undefined. */
export function sameAsTarget(body: string): number | undefined {
  if (body.charCodeAt(0) !== SAME) return undefined;
  // "同1。" "同1." "同1", nearly every one the lists write, read without the regex: a cell
  // of 追责依据 can hold a dozen.
  const d = body.charCodeAt(1) - DIGIT_0;
  if (d > 0 && d <= 9 && (body.length === 2 || (body.length === 3 && SHORT_END.has(body.charCodeAt(2))))) return d;
  const m = SAME_AS.exec(body);
  const n = m ? Number(toHalfWidthDigits(m[1] ?? '')) : 0;
  return n > 0 ? n : undefined;
}

/**
 * What a "同N" provision of a 追责依据 / 实施依据 cell stands for: the provisions of that
 * cell labelled N ("1." or "1-1." "1-2." …) that are not themselves references. Empty when
 * `p` is no reference or the cell has no entry N.
 *
 * @example sameAsTargets(cell.provisions, cell.provisions[1]) // [the provision labelled "1."]
 */
export function sameAsTargets(provisions: readonly Provision[], p: Provision): Provision[] {
  if (p.sameAs === undefined) return [];
  return provisions.filter((q) => q.sameAs === undefined && q.label !== undefined && enumeratorAt(q.label, 0, ARABIC)?.no === p.sameAs);
}
