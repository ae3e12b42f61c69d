import { describe, expect, it } from 'vitest';
import { type CitationResolver, citationsOf, lastOrder, latestYear, titleKey, titleResolver } from './citations.js';
import { provision } from './testing/factories.js';

describe('titleKey', () => {
  it.each([
    ['【法律】《中华人民共和国保守国家秘密法》', '保守国家秘密法'],
    ['《 中华人民共和国 密码法 》', '密码法'],
    ['商用密码管理条例', '商用密码管理条例'],
  ])('%s → %s', (title, key) => {
    expect(titleKey(title)).toBe(key);
  });
});

describe('version notes', () => {
  it.each([
    { note: '1988年9月5日…通过 2010年4月29日…第一次修订 2024年2月27日…第二次修订', year: '2024', order: undefined },
    { note: '主席令第28号', year: undefined, order: '主席令第28号' },
    { note: '2010年4月29日中华人民共和国主席令第二十八号公布', year: '2010', order: '主席令第28号' },
    { note: '国务院令646号', year: undefined, order: '国务院令第646号' },
    { note: '国务院令第６４６号', year: undefined, order: '国务院令第646号' },
  ])('$note', ({ note, year, order }) => {
    expect(latestYear(note)).toBe(year);
    expect(lastOrder(note)).toBe(order);
  });
});

describe('citationsOf', () => {
  it('groups provisions by law and lets an untitled provision continue the law before it', () => {
    const citations = citationsOf([
      provision({ title: '中华人民共和国保守国家秘密法', note: '主席令第28号', articles: [42], text: '保密行政管理部门依法组织开展保密检查' }),
      provision({ articles: [44], text: '保密行政管理部门对机关、单位遵守保密制度的情况进行检查' }),
      provision({ title: '中华人民共和国保守国家秘密法实施条例', articles: [32] }),
      provision({ title: '《保守国家秘密法》', articles: [42] }),
    ]);
    expect(citations.map((c) => [c.lawKey, c.articles, c.version?.id])).toEqual([
      ['保守国家秘密法', [42, 44], '主席令第28号'],
      ['保守国家秘密法实施条例', [32], undefined],
    ]);
    expect(citations[0]?.textGrams.length).toBeGreaterThan(10);
    expect(citations[1]?.textGrams.length).toBe(0);
  });

  it('maps articles to current numbering when the resolver can', () => {
    const renumbering: CitationResolver = {
      ...titleResolver,
      currentArticle: (_law, version, article) => (version === '2010' && article === 28 ? 34 : undefined),
    };
    const [citation] = citationsOf([provision({ title: '保守国家秘密法', note: '2010年4月29日公布', articles: [28, 45] })], renumbering);
    expect(citation?.articles).toEqual([28, 45]);
    expect(citation?.currentArticles).toEqual([34, 45]);
  });

  it('skips provisions whose title the resolver does not know, and what follows them', () => {
    const only: CitationResolver = { lawKey: (title) => (title.includes('密码法') ? 'mima-fa' : undefined) };
    const citations = citationsOf(
      [provision({ title: '《立案审批表》', articles: [1] }), provision({ articles: [2] }), provision({ title: '密码法', articles: [31] })],
      only,
    );
    expect(citations.map((c) => [c.lawKey, c.articles])).toEqual([['mima-fa', [31]]]);
  });
});
