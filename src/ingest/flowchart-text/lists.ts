import { type SourceLine, squeeze } from './lines.js';
import type { SyntaxPiece } from './syntax.js';

/** One 申请条件 / 提交材料 entry, joined across the lines the PDF broke it into. */
export interface ListItem {
  text: string;
  firstLine: number;
  lastLine: number;
}

/** A piece of a line fed to the list, with its offset in the file's text. */
export interface Fragment {
  text: string;
  line: number;
  offset: number;
}

const ENUMERATOR = /^[\s\u3000]*([0-9０-９]{1,2})[.．、][\s\u3000]*/;
/** An entry ends with ；or 。; 。 ends the list too. */
const TERMINATOR = /[；;。](?=[\s\u3000]*$)/;
/** "1.A；2.B" on one line: cut after a terminator that a numbered entry follows. */
const INLINE_CUT = /(?<=[；;。])(?=[\s\u3000]*[0-9０-９]{1,2}[.．、])/g;
/** PDF layouts wrap an entry over a few lines; more than this and it is not one entry. */
const MAX_ITEM_LINES = 6;
/** Blank lines that separate blocks of a chart rather than lines of one entry. */
export const WIDE_GAP = 3;

function toNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/** Cuts a line at INLINE_CUT, keeping each piece's offset. */
function cut(fragment: Fragment): Fragment[] {
  const out: Fragment[] = [];
  let from = 0;
  for (const m of fragment.text.matchAll(INLINE_CUT)) {
    out.push({ text: fragment.text.slice(from, m.index), line: fragment.line, offset: fragment.offset + from });
    from = m.index;
  }
  out.push({ text: fragment.text.slice(from), line: fragment.line, offset: fragment.offset + from });
  return out;
}

interface Draft {
  parts: string[];
  firstLine: number;
  lastLine: number;
  lines: number;
  /** Offset of the terminator that closed the entry, if one did. */
  terminator: number | null;
}

/**
 * Reads the list that follows a 申请条件 / 提交材料 label: numbered entries ("1." alone on its
 * line or before the text), or unnumbered ones cut at ；. Stops at a field line, a wide gap,
 * a line that cannot continue the list, or after an entry ending in 。. The entries' numbers
 * and closing ；/。 go to `syntax`. Returns the entries and the index of the first line not taken.
 */
export function readList(
  lines: readonly SourceLine[],
  start: number,
  inline: Fragment | null,
  isStop: (line: SourceLine) => boolean,
  syntax: SyntaxPiece[],
): { items: ListItem[]; end: number } {
  const items: ListItem[] = [];
  let open: Draft | null = null;
  let expected = 1;
  let numbered = false;
  let finished = false;

  const close = () => {
    const draft = open;
    open = null;
    if (draft === null || draft.parts.length === 0) return;
    let text = squeeze(draft.parts.join('\n'));
    if (draft.terminator !== null && /[；;。]$/.test(text)) {
      text = text.slice(0, -1);
      syntax.push({ kind: 'terminator', start: draft.terminator, end: draft.terminator + 1 });
    }
    items.push({ text, firstLine: draft.firstLine, lastLine: draft.lastLine });
  };
  const begin = (line: number): Draft => (open = { parts: [], firstLine: line, lastLine: line, lines: 1, terminator: null });

  /** Feeds one piece; false when the list is over and the piece is not part of it. */
  const feed = (fragment: Fragment): boolean => {
    let text = fragment.text;
    let offset = fragment.offset;
    let draft: Draft | null = open;
    const m = ENUMERATOR.exec(text);
    if (m && toNumber(m[1] ?? '') === expected && (numbered || items.length === 0)) {
      close();
      draft = begin(fragment.line);
      numbered = true;
      expected++;
      const lead = m[0].length - m[0].trimStart().length;
      syntax.push({ kind: 'enumerator', start: offset + lead, end: offset + m[0].trimEnd().length });
      text = text.slice(m[0].length);
      offset += m[0].length;
    } else if (finished) return false;
    else if (draft === null) {
      if (numbered) return false;
      draft = begin(fragment.line);
    } else if (draft.lines >= MAX_ITEM_LINES && fragment.line !== draft.lastLine) return false;
    if (fragment.line !== draft.lastLine) draft.lines++;
    draft.lastLine = fragment.line;
    if (text.trim() !== '') draft.parts.push(text);
    const end = TERMINATOR.exec(text);
    if (end) {
      draft.terminator = offset + end.index;
      if (end[0] === '。') finished = true;
      close();
    }
    return true;
  };

  /** A line belongs to the list or not as a whole: later pieces that do not fit join the entry before. */
  const feedLine = (fragment: Fragment): boolean => {
    const [head, ...rest] = cut(fragment);
    if (head === undefined || !feed(head)) return false;
    for (const piece of rest) {
      if (feed(piece)) continue;
      const last = items.at(-1);
      if (last) items[items.length - 1] = { ...last, text: last.text + squeeze(piece.text), lastLine: piece.line };
      else items.push({ text: squeeze(piece.text), firstLine: piece.line, lastLine: piece.line });
    }
    return true;
  };

  if (inline && inline.text.trim() !== '') feedLine(inline);
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (isStop(line) || line.gapBefore >= WIDE_GAP) break;
    if (!feedLine({ text: line.raw, line: line.line, offset: line.offset })) break;
  }
  close();
  return { items, end: i };
}
