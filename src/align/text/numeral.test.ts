import { describe, expect, it } from 'vitest';
import { articleLabel } from './numeral.js';

describe('articleLabel', () => {
  it.each([
    [1, '第一条'],
    [12, '第十二条'],
    [44, '第四十四条'],
    [105, '第一百零五条'],
    [110, '第一百一十条'],
    [1001, '第一千零一条'],
    [0, '第0条'],
    [10000, '第10000条'],
  ])('%i → %s', (article, label) => {
    expect(articleLabel(article)).toBe(label);
  });
});
