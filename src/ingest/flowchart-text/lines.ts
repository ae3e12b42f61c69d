/** A non-blank line of the source, with the layout that surrounds it. */
export interface SourceLine {
  /** 1-based, as an editor shows it. */
  line: number;
  raw: string;
  /** Offset of the line's first character in the whole text. */
  offset: number;
  /** Blank lines between this line and the previous non-blank one (0 when they touch). */
  gapBefore: number;
}

const LINE_END = /\r\n|\n|\r/g;
const BLANK = /^[\s\u3000]*$/;

/**
 * The non-blank lines of a text with their offsets. PDF text layers separate paragraphs by
 * blank lines, so the gap before a line is kept: it is the only layout signal left.
 *
 * @example sourceLines('a\n\nb').map((l) => [l.line, l.gapBefore]) // [[1, 0], [3, 1]]
 */
export function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let start = 0;
  let line = 1;
  let gap = 0;
  const take = (end: number) => {
    const raw = text.slice(start, end);
    if (BLANK.test(raw)) gap++;
    else {
      out.push({ line, raw, offset: start, gapBefore: out.length === 0 ? 0 : gap });
      gap = 0;
    }
  };
  LINE_END.lastIndex = 0;
  for (let m = LINE_END.exec(text); m; m = LINE_END.exec(text)) {
    take(m.index);
    start = m.index + m[0].length;
    line++;
  }
  take(text.length);
  return out;
}

const ASCII_WORD = /[A-Za-z0-9]/;

/**
 * Removes the whitespace a PDF layout put between characters ("发 《 商用密码产品", a line
 * break inside a word) but keeps one space between two Latin words or numbers.
 *
 * @example squeeze('《 申请表 》 （ 加盖\n单位印章 ）') // '《申请表》（加盖单位印章）'
 */
export function squeeze(text: string): string {
  return text.replace(/[\s\u3000]+/g, (run: string, at: number, whole: string) => {
    const before = whole[at - 1];
    const after = whole[at + run.length];
    return before !== undefined && after !== undefined && ASCII_WORD.test(before) && ASCII_WORD.test(after) ? ' ' : '';
  });
}

/** Trimmed [start, end) of a line's content inside the whole text. */
export function contentSpan(line: SourceLine): [number, number] {
  const lead = line.raw.length - line.raw.trimStart().length;
  return [line.offset + lead, line.offset + line.raw.trimEnd().length];
}
