import type { NumberedPart } from '../model/index.js';
import { codeSet, isSpaceAt } from './chars.js';
import { ALL_STYLES, type EnumeratorHit, findEnumerators, LIST_STOPS } from './enumerators.js';
import { enclosedMask, trimSpan } from './spans.js';

/** A numbered list inside a text: the text before it, then its parts. */
export interface Enumeration {
  preamble?: string;
  parts: NumberedPart[];
}

/** What a list may open after on the same line: "…程序如下：1、" "…。1、". */
const OPENERS = codeSet(LIST_STOPS);

/** Whether a label opens a line, or follows one of OPENERS (spaces between allowed). */
function opensList(text: string, hit: EnumeratorHit): boolean {
  if (hit.lineStart) return true;
  let i = hit.start - 1;
  while (i >= 0 && isSpaceAt(text, i)) i--;
  return i >= 0 && OPENERS.has(text.charCodeAt(i));
}

/**
 * A numbered list written inside one text, as flowchart boxes write a procedure:
 * "…程序如下：1、…；2、…；3、…。", "1.…；2、…", "（一）…；（二）…". The list opens with a
 * label numbered 1 that starts the text or a line, or follows ：/: or 。/；; each further
 * label continues the numbering in the same style, after a stop, a space or a line break, and
 * stands outside “…” and 《…》. A list needs two parts, so "第1、2项", "1、2号文件", dates
 * ("2020.1.1") and decimals ("1.5倍") never make one. Each part runs to the next label (the
 * last to the end of the text); the text before the first is the preamble, so preamble and
 * parts hold the whole text.
 *
 * @example parseEnumeration('程序如下：1、发出通知；2、妥善保管。').parts.map((p) => p.text) // ['发出通知；', '妥善保管。']
 */
export function parseEnumeration(text: string): Enumeration {
  const hits = findEnumerators(text, ALL_STYLES, 0, text.length, LIST_STOPS);
  /** Which offsets lie inside “…” or 《…》, made when first needed (null: none). */
  let enclosed: Uint8Array | null | undefined;
  const inside = (pos: number) => (enclosed === undefined ? (enclosed = enclosedMask(text)) : enclosed)?.[pos] === 1;
  let accepted: EnumeratorHit[] = [];
  for (const hit of hits) {
    if (hit.sub !== undefined) continue;
    const prev = accepted.at(-1);
    if (prev && hit.style === prev.style && hit.no === prev.no + 1 && !inside(hit.start)) {
      accepted.push(hit);
      continue;
    }
    // A 1 where a list may open starts one, unless the list so far already has two parts.
    if (hit.no === 1 && accepted.length < 2 && opensList(text, hit) && !inside(hit.start)) accepted = [hit];
  }
  if (accepted.length < 2) return { parts: [] };
  const parts = accepted.map((hit, i): NumberedPart => {
    const { end } = trimSpan(text, hit.start, accepted[i + 1]?.start ?? text.length);
    return { label: hit.label, text: text.slice(hit.end, end).trim(), raw: text.slice(hit.start, end), span: [hit.start, end] };
  });
  const preamble = text.slice(0, accepted[0]!.start).trim();
  return preamble ? { preamble, parts } : { parts };
}
