import { parseChineseNumber } from '../../parse/index.js';
import { PATTERNS } from './patterns.js';
import type { CitedRef } from './types.js';

/** A range longer than this is a typo, not a citation: only its two ends are kept. */
const MAX_RANGE = 50;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = parseChineseNumber(s);
  return n !== null && n > 0 ? n : undefined;
}

interface Point {
  article: number;
  sub?: number;
  paragraph?: number;
  item?: number;
  chapter?: number;
}

function make(source: string, point: Point, start: number, end: number): CitedRef {
  const ref: CitedRef = { article: point.article, span: [start, end], raw: source.slice(start, end) };
  if (point.sub !== undefined) ref.sub = point.sub;
  if (point.paragraph !== undefined) ref.paragraph = point.paragraph;
  if (point.item !== undefined) ref.item = point.item;
  if (point.chapter !== undefined) ref.chapter = point.chapter;
  return ref;
}

/** 第X条[第Y款][第（Z）项] at `pos`, with where it ends. */
function readFull(text: string, pos: number): { point: Point; end: number } | null {
  const a = sticky(PATTERNS.article.pattern, text, pos);
  const article = num(a?.[2]);
  if (!a || article === undefined) return null;
  const point: Point = { article };
  const chapter = num(a[1]);
  if (chapter !== undefined) point.chapter = chapter;
  const sub = num(a[3]);
  if (sub !== undefined) point.sub = sub;
  let end = pos + a[0].length;
  const p = sticky(PATTERNS.paragraph.pattern, text, end);
  const paragraph = num(p?.[1]);
  if (p && paragraph !== undefined) {
    point.paragraph = paragraph;
    end += p[0].length;
  }
  const i = sticky(PATTERNS.item.pattern, text, end);
  const item = num(i?.[1] ?? i?.[2]);
  if (i && item !== undefined) {
    point.item = item;
    end += i[0].length;
  }
  return { point, end };
}

/** Where a match starts once the leading whitespace the pattern allows is skipped. */
function trimmedStart(text: string, pos: number): number {
  let at = pos;
  while (at < text.length && /\s/.test(text[at] ?? '')) at++;
  return at;
}

/**
 * Reads the references that start exactly at `pos` in the normalised text: one article
 * with its 款 and 项, then any further ones joined by 、和及或 (第二十二条第一款、第二款和
 * 第四十八条第一款) or a range (第四十一条至第四十三条, one reference per article). Spans
 * and raw text come from `source`, which has the same offsets.
 *
 * @example readRefs('第七十四条第(二)项', 0, '第七十四条第（二）项')?.refs[0] // { article: 74, item: 2, … }
 */
export function readRefs(text: string, pos: number, source: string = text): { refs: CitedRef[]; end: number } | null {
  const first = readFull(text, pos);
  if (!first) return null;
  const refs = [make(source, first.point, pos, first.end)];
  let last = first.point;
  let lastStart = pos;
  let end = first.end;
  for (;;) {
    const range = sticky(PATTERNS.rangeSeparator.pattern, text, end);
    if (range) {
      const at = end + range[0].length;
      const to = readFull(text, at);
      if (to && to.point.article > last.article) {
        const whole = [lastStart, to.end] as const;
        if (to.point.article - last.article <= MAX_RANGE) {
          for (let a = last.article + 1; a < to.point.article; a++) refs.push(make(source, { article: a }, whole[0], whole[1]));
        }
        refs.push(make(source, to.point, at, to.end));
        last = to.point;
        lastStart = at;
        end = to.end;
        continue;
      }
    }
    const sep = sticky(PATTERNS.listSeparator.pattern, text, end);
    if (!sep) break;
    const at = end + sep[0].length;
    const full = readFull(text, at);
    if (full) {
      refs.push(make(source, full.point, at, full.end));
      last = full.point;
      lastStart = at;
      end = full.end;
      continue;
    }
    const p = sticky(PATTERNS.paragraph.pattern, text, at);
    const paragraph = num(p?.[1]);
    if (p && paragraph !== undefined) {
      let stop = at + p[0].length;
      const point: Point = { article: last.article, paragraph };
      if (last.sub !== undefined) point.sub = last.sub;
      const i = sticky(PATTERNS.item.pattern, text, stop);
      const item = num(i?.[1] ?? i?.[2]);
      if (i && item !== undefined) {
        point.item = item;
        stop += i[0].length;
      }
      refs.push(make(source, point, trimmedStart(text, at), stop));
      last = point;
      end = stop;
      continue;
    }
    const i = sticky(PATTERNS.item.pattern, text, at);
    const item = num(i?.[1] ?? i?.[2]);
    if (i && item !== undefined) {
      const point: Point = { ...last, item };
      delete point.chapter;
      const stop = at + i[0].length;
      refs.push(make(source, point, trimmedStart(text, at), stop));
      last = point;
      end = stop;
      continue;
    }
    break;
  }
  return { refs, end };
}
