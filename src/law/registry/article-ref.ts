import { formatNumeral, parseNumeral, toAsciiDigits } from './numerals.js';

/** A point in one version of a law, numbers as integers. */
export interface ArticlePoint {
  article: number;
  /** "之一" articles (第二十条之一) carry 1 here. */
  sub?: number;
  paragraph?: number;
  item?: number;
}

const NUM = '[零〇一二两三四五六七八九十百千0-9０-９]+';
const REF = new RegExp(
  `^第(${NUM})条(?:之(${NUM}))?(?:第(${NUM})款)?(?:第?[（(]?(${NUM})[）)]?项)?$`,
);

/**
 * Parses "第二十三条第三款", "第23条", "第七十四条第（二）项", "第二十条之一".
 * Chapter prefixes (第四章第十八条) are dropped: articles are numbered through the whole text.
 *
 * @example parseArticleRef('第二十三条第三款') // { article: 23, paragraph: 3 }
 */
export function parseArticleRef(ref: string): ArticlePoint | undefined {
  const compact = toAsciiDigits(ref)
    .replace(/[\s\u3000]/g, '')
    .replace(new RegExp(`^第${NUM}章(?:第${NUM}节)?`), '');
  const match = REF.exec(compact);
  if (!match) return undefined;
  const article = parseNumeral(match[1] ?? '');
  if (article === undefined || article < 1) return undefined;
  const point: ArticlePoint = { article };
  const parts: Array<[keyof ArticlePoint, string | undefined]> = [
    ['sub', match[2]],
    ['paragraph', match[3]],
    ['item', match[4]],
  ];
  for (const [key, raw] of parts) {
    if (raw === undefined) continue;
    const value = parseNumeral(raw);
    if (value === undefined || value < 1) return undefined;
    point[key] = value;
  }
  return point;
}

/**
 * Writes a point the way the registry stores it: "第三十条", "第二十三条第三款", "第七十四条第（二）项".
 */
export function formatArticleRef(point: ArticlePoint): string {
  let out = `第${formatNumeral(point.article)}条`;
  if (point.sub !== undefined) out += `之${formatNumeral(point.sub)}`;
  if (point.paragraph !== undefined) out += `第${formatNumeral(point.paragraph)}款`;
  if (point.item !== undefined) out += `第（${formatNumeral(point.item)}）项`;
  return out;
}

/** True when `outer` contains `inner` (第二十三条 contains 第二十三条第三款). */
export function containsPoint(outer: ArticlePoint, inner: ArticlePoint): boolean {
  if (outer.article !== inner.article || (outer.sub ?? 0) !== (inner.sub ?? 0)) return false;
  if (outer.paragraph !== undefined && outer.paragraph !== inner.paragraph) return false;
  if (outer.item !== undefined && outer.item !== inner.item) return false;
  return true;
}

/** How many levels a point names beyond its article: 0 for 条, 1 for 款, 2 for 项. */
export function pointDepth(point: ArticlePoint): number {
  return (point.paragraph !== undefined ? 1 : 0) + (point.item !== undefined ? 1 : 0);
}
