import type { ArticleRef } from '../model/index.js';
import { parseChineseNumber } from './chinese-number.js';

const NUM = '[0-9０-９零〇一二两三四五六七八九十百千]{1,8}';
/** 第X章 [第X节] 第N条[之M] [第M款] [第（K）项]; the chapter is kept in raw only. */
const FULL = new RegExp(
  `(?:第(${NUM})[章编]\\s*)?(?:第(${NUM})节\\s*)?第(${NUM})条(?:之(${NUM}))?(?:\\s*第(${NUM})款)?(?:\\s*第\\s*[（(]?\\s*(${NUM})\\s*[）)]?\\s*项)?`,
  'y',
);
/** A further paragraph of the same article: 第二款[第（一）项]. */
const PARAGRAPH = new RegExp(`第(${NUM})款(?:\\s*第\\s*[（(]?\\s*(${NUM})\\s*[）)]?\\s*项)?`, 'y');
/** A further item of the same paragraph: 第（二）项. */
const ITEM = new RegExp(`第\\s*[（(]?\\s*(${NUM})\\s*[）)]?\\s*项`, 'y');
const LIST_SEP = /\s*(?:以及|[、，,和及与或])\s*/y;
const RANGE_SEP = /\s*(?:至|到|~|～|—|－|-)\s*/y;
const DI = 0x7b2c; // 第
/** A range longer than this is a typo, not a citation: it yields its two ends only. */
const MAX_RANGE = 50;

function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = parseChineseNumber(s);
  return n !== null && n > 0 ? n : undefined;
}

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Where `re` matching exactly at `pos` ends, or -1; test() builds no match array. */
function stickyEnd(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : -1;
}

function ref(article: number, raw: string, paragraph?: number, item?: number): ArticleRef {
  const r: ArticleRef = { article, raw };
  if (paragraph !== undefined) r.paragraph = paragraph;
  if (item !== undefined) r.item = item;
  return r;
}

/**
 * Reads a list of article references starting exactly at `pos`: "第五十四条",
 * "第二十五条第二款、第三款", "第六十条、第六十一条", "第四十一条至第四十三条" (one ref per
 * article). Null when no reference starts there.
 */
export function readArticleRefs(text: string, pos: number): { refs: ArticleRef[]; end: number } | null {
  // Every reference begins with 第: elsewhere FULL need not run.
  if (text.charCodeAt(pos) !== DI) return null;
  const first = sticky(FULL, text, pos);
  const firstArticle = num(first?.[3]);
  if (!first || firstArticle === undefined) return null;
  const refs: ArticleRef[] = [ref(firstArticle, first[0], num(first[5]), num(first[6]))];
  let end = pos + first[0].length;
  let article = firstArticle;
  let paragraph = num(first[5]);
  let lastStart = pos;
  for (;;) {
    const rangeEnd = stickyEnd(RANGE_SEP, text, end);
    if (rangeEnd >= 0) {
      const to = sticky(FULL, text, rangeEnd);
      const last = num(to?.[3]);
      if (to && last !== undefined && last > article) {
        const toEnd = rangeEnd + to[0].length;
        const whole = text.slice(lastStart, toEnd);
        const between = last - article > MAX_RANGE ? [] : Array.from({ length: last - article - 1 }, (_, i) => article + 1 + i);
        for (const a of between) refs.push(ref(a, whole));
        refs.push(ref(last, to[0], num(to[5]), num(to[6])));
        article = last;
        paragraph = num(to[5]);
        lastStart = rangeEnd;
        end = toEnd;
        continue;
      }
    }
    const at = stickyEnd(LIST_SEP, text, end);
    if (at < 0) break;
    const full = sticky(FULL, text, at);
    const a = num(full?.[3]);
    if (full && a !== undefined) {
      refs.push(ref(a, full[0], num(full[5]), num(full[6])));
      article = a;
      paragraph = num(full[5]);
      lastStart = at;
      end = at + full[0].length;
      continue;
    }
    const para = sticky(PARAGRAPH, text, at);
    const p = num(para?.[1]);
    if (para && p !== undefined) {
      refs.push(ref(article, para[0], p, num(para[2])));
      paragraph = p;
      end = at + para[0].length;
      continue;
    }
    const item = sticky(ITEM, text, at);
    const i = num(item?.[1]);
    if (item && i !== undefined) {
      refs.push(ref(article, item[0], paragraph, i));
      end = at + item[0].length;
      continue;
    }
    break;
  }
  return { refs, end };
}

/**
 * Every article reference in a text, in order.
 *
 * @example parseArticleRefs('违反本法第二十二条第一款、第二款和第四十八条第一款规定')
 * // [{article:22,paragraph:1,…}, {article:22,paragraph:2,…}, {article:48,paragraph:1,…}]
 */
export function parseArticleRefs(text: string): ArticleRef[] {
  const out: ArticleRef[] = [];
  let i = text.indexOf('第');
  while (i >= 0) {
    const r = readArticleRefs(text, i);
    if (r) {
      for (const ref of r.refs) out.push(ref);
      i = text.indexOf('第', r.end);
    } else {
      i = text.indexOf('第', i + 1);
    }
  }
  return out;
}
