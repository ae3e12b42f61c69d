import { formatNumeral } from '../../law/index.js';

/**
 * "第四十四条": the article as laws number it; a number laws cannot write (0, 10000) stays Arabic.
 *
 * @example articleLabel(44) // '第四十四条'
 */
export function articleLabel(article: number): string {
  const written = Number.isInteger(article) && article >= 1 && article <= 9999 ? formatNumeral(article) : String(article);
  return `第${written}条`;
}
