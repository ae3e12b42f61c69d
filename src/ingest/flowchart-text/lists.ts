import { type SourceLine, squeeze } from './lines.js';

/** One 申请条件 / 提交材料 entry, joined across the lines the PDF broke it into. */
export interface ListItem {
  text: string;
  firstLine: number;
  lastLine: number;
}

const ENUMERATOR = /^[\s\u3000]*([0-9０-９]{1,2})[.．、][\s\u3000]*/;
/** An item ends with ；or 。; 。 ends the list too. */
const TERMINATOR = /[；;。][\s\u3000]*$/;
/** "1.A；2.B" on one line: cut after a terminator that a numbered entry follows. */
const INLINE_CUT = /(?<=[；;。])(?=[\s\u3000]*[0-9０-９]{1,2}[.．、])/;
/** PDF layouts wrap an entry over a few lines; more than this and it is not one entry. */
const MAX_ITEM_LINES = 6;
/** Blank lines that separate blocks of a chart rather than lines of one entry. */
export const WIDE_GAP = 3;

interface Fragment {
  text: string;
  line: number;
}

function toNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

class Draft {
  readonly parts: string[] = [];
  lines = 0;
  constructor(
    readonly firstLine: number,
    public lastLine: number,
  ) {}

  add(text: string, line: number): void {
    if (text.trim() !== '') this.parts.push(text);
    if (line !== this.lastLine) this.lines++;
    this.lastLine = line;
  }

  get text(): string {
    return squeeze(this.parts.join('\n'));
  }

  item(): ListItem {
    return { text: this.text.replace(/[；;。]$/, ''), firstLine: this.firstLine, lastLine: this.lastLine };
  }
}

/**
 * Reads the list that follows a 申请条件 / 提交材料 label: numbered entries ("1." alone on its
 * line or before the text), or unnumbered ones cut at ；. Stops at a field line, a wide gap,
 * a line that cannot continue the list, or after an entry ending in 。.
 * Returns the entries and the index of the first line it did not take.
 */
export function readList(
  lines: readonly SourceLine[],
  start: number,
  inline: Fragment | null,
  isStop: (line: SourceLine) => boolean,
): { items: ListItem[]; end: number } {
  const items: ListItem[] = [];
  let open: Draft | null = null;
  let expected = 1;
  let numbered = false;
  let finished = false;

  const close = () => {
    if (open && open.parts.length > 0) items.push(open.item());
    open = null;
  };
  /** Feeds one fragment; false when the list is over and the fragment is not part of it. */
  const feed = (fragment: Fragment): boolean => {
    let text = fragment.text;
    const m = ENUMERATOR.exec(text);
    if (m && toNumber(m[1] ?? '') === expected && (numbered || items.length === 0)) {
      close();
      open = new Draft(fragment.line, fragment.line);
      numbered = true;
      expected++;
      text = text.slice(m[0].length);
    } else if (finished) return false;
    else if (open === null) {
      if (numbered) return false;
      open = new Draft(fragment.line, fragment.line);
    } else if ((open as Draft).lines >= MAX_ITEM_LINES - 1 && fragment.line !== (open as Draft).lastLine) return false;
    (open as Draft).add(text, fragment.line);
    if (TERMINATOR.test(text)) {
      if (/。[\s\u3000]*$/.test(text)) finished = true;
      close();
    }
    return true;
  };
  /** A line belongs to the list or not as a whole: later pieces that do not fit join the entry before. */
  const feedLine = (text: string, line: number): boolean => {
    const [head = '', ...rest] = text.split(INLINE_CUT);
    if (!feed({ text: head, line })) return false;
    for (const piece of rest) {
      if (feed({ text: piece, line })) continue;
      const last = items.at(-1);
      if (last) items[items.length - 1] = { ...last, text: last.text + squeeze(piece), lastLine: line };
      else items.push({ text: squeeze(piece), firstLine: line, lastLine: line });
    }
    return true;
  };

  if (inline && inline.text.trim() !== '') feedLine(inline.text, inline.line);
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (isStop(line) || line.gapBefore >= WIDE_GAP) break;
    if (!feedLine(line.raw, line.line)) break;
  }
  close();
  return { items, end: i };
}
