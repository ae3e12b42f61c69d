import { describe, expect, it } from 'vitest';
import { containsPoint, formatArticleRef, parseArticleRef } from './article-ref.js';

describe('parseArticleRef', () => {
  it.each([
    ['第二十三条', { article: 23 }],
    ['第二十三条第三款', { article: 23, paragraph: 3 }],
    ['第七十四条第（二）项', { article: 74, item: 2 }],
    ['第二十条第一款第（三）项', { article: 20, paragraph: 1, item: 3 }],
    ['第23条第3款', { article: 23, paragraph: 3 }],
    ['第２３条', { article: 23 }],
    ['第二十条之一', { article: 20, sub: 1 }],
    ['第四章第十八条', { article: 18 }],
    ['第 六十一 条', { article: 61 }],
    ['第二十五条第二款第(一)项', { article: 25, paragraph: 2, item: 1 }],
  ])('%s', (ref, point) => {
    expect(parseArticleRef(ref)).toEqual(point);
  });

  it.each(['第条', '二十三条', '第二十三款', '第零条', '第二十三条第三款之后'])('rejects %s', (ref) => {
    expect(parseArticleRef(ref)).toBeUndefined();
  });
});

describe('formatArticleRef', () => {
  it.each([
    [{ article: 30 }, '第三十条'],
    [{ article: 30, paragraph: 3 }, '第三十条第三款'],
    [{ article: 71, paragraph: 1, item: 2 }, '第七十一条第一款第（二）项'],
    [{ article: 20, sub: 1 }, '第二十条之一'],
  ])('%j → %s', (point, ref) => {
    expect(formatArticleRef(point)).toBe(ref);
    expect(parseArticleRef(ref)).toEqual(point);
  });
});

it('an article contains its paragraphs, not the other way round', () => {
  const article = { article: 23 };
  const paragraph = { article: 23, paragraph: 3 };
  expect(containsPoint(article, paragraph)).toBe(true);
  expect(containsPoint(paragraph, article)).toBe(false);
  expect(containsPoint(paragraph, { article: 23, paragraph: 2 })).toBe(false);
  expect(containsPoint({ article: 20 }, { article: 20, sub: 1 })).toBe(false);
});
