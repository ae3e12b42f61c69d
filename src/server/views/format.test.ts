import { describe, expect, it } from 'vitest';
import { formatDateTime, href, pageCount, pager, where } from './format.js';

describe('href', () => {
  it.each([
    [['lists', '3'], {}, '/lists/3'],
    [['lists', '3'], { type: '行政处罚', page: 2 }, '/lists/3?type=%E8%A1%8C%E6%94%BF%E5%A4%84%E7%BD%9A&page=2'],
    [['search'], { q: 'a&b=c', type: '', agency: undefined }, '/search?q=a%26b%3Dc'],
    [['items', '../admin'], {}, '/items/..%2Fadmin'],
  ] as const)('%j %j → %s', (segments, query, expected) => {
    expect(href(segments, query)).toBe(expected);
  });
});

describe('pager', () => {
  it.each([
    [0, 20, 1],
    [19, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
  ])('%i items by %i make %i pages', (total, size, pages) => {
    expect(pageCount(total, size)).toBe(pages);
  });

  it('links to the neighbours only', () => {
    const middle = pager({ page: 2, pageSize: 10, total: 25 }, (p) => `/x?page=${p}`).value;
    expect(middle).toContain('href="/x?page=1" rel="prev"');
    expect(middle).toContain('href="/x?page=3" rel="next"');
    expect(middle).toContain('第 2 / 3 页（共 25 条）');
    const last = pager({ page: 3, pageSize: 10, total: 25 }, (p) => `/x?page=${p}`).value;
    expect(last).not.toContain('rel="next"');
    expect(pager({ page: 1, pageSize: 10, total: 5 }, String).value).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows Beijing time and leaves unparsable text alone', () => {
    expect(formatDateTime('2024-12-31T16:30:00.000Z')).toBe('2025/01/01 00:30');
    expect(formatDateTime('昨天')).toBe('昨天');
  });
});

describe('where', () => {
  it.each([
    [{ file: 'a.xlsx', sheet: '许可', line: 5 }, '工作表“许可” 第 5 行'],
    [{ file: 'a.pdf', page: 3, line: 12 }, '第 3 页 第 12 行'],
    [{ file: 'a.txt', line: 1 }, '第 1 行'],
    [{ file: 'a.txt' }, ''],
  ])('%o reads %s', (place, expected) => {
    expect(where(place)).toBe(expected);
  });
});
