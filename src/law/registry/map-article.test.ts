import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticleRef } from './article-ref.js';
import { articleText, findArticle, readLawText } from './law-text.js';
import { mapArticle } from './map-article.js';
import { loadRegistry, type Registry } from './registry.js';
import type { Law } from './schema.js';

let registry: Registry;
const law = (title: string): Law => registry.findLaw(title) ?? expect.unreachable(title);
beforeAll(async () => {
  registry = await loadRegistry();
});

describe('mapArticle on the checked renumberings', () => {
  it.each([
    // law, from, to, old → article, ref, change
    ['保守国家秘密法', '2010-04-29', '2024-02-27', '第二十三条第三款', '第三十条', '第三十条第三款', 'amended'],
    ['保守国家秘密法', '2010-04-29', '2024-02-27', '第四十五条', '第五十二条', '第五十二条第二款', 'rewritten'],
    ['保守国家秘密法', '2010-04-29', '2024-02-27', '第五条', '第六条', '第六条', 'same'],
    ['保守国家秘密法', '2010-04-29', '2024-02-27', '第二十八条', '第三十四条', '第三十四条', 'rewritten'],
    ['保守国家秘密法', '2010-04-29', '2024-02-27', '第四十二条', '第四十九条', '第四十九条', 'amended'],
    ['保守国家秘密法', '2010-04-29', '2024-02-27', '第五十一条', '第六十一条', '第六十一条', 'amended'],
    ['保守国家秘密法实施条例', '2014-01-17', '2024-07-10', '第三十二条', '第五十八条', '第五十八条', 'amended'],
    ['保守国家秘密法实施条例', '2014-01-17', '2024-07-10', '第三十五条', '第六十条', '第六十条', 'rewritten'],
    ['保守国家秘密法实施条例', '2014-01-17', '2024-07-10', '第四十四条', '第七十二条', '第七十二条', 'same'],
    ['网络安全法', '2016-11-07', '2025-10-28', '第二十一条', '第二十三条', '第二十三条', 'same'],
    ['网络安全法', '2016-11-07', '2025-10-28', '第五十九条', '第六十一条', '第六十一条', 'rewritten'],
    ['网络安全法', '2016-11-07', '2025-10-28', '第六十四条第一款', '第七十一条', '第七十一条第一款第（二）项', 'merged'],
    ['网络安全法', '2016-11-07', '2025-10-28', '第六十九条第一款第（二）项', '第七十条', '第七十条第一款第（一）项', 'same'],
  ])('%s %s %s → %s', (title, from, to, old, article, ref, change) => {
    const result = mapArticle(law(title), from, to, old);
    expect(result).toMatchObject({ kind: 'mapped', article, ref, change, verified: true });
  });

  it('carries 款 and 项 through an article that did not change', () => {
    const result = mapArticle(law('网络安全法'), '2016-11-07', '2025-10-28', '第二十一条第一款第（三）项');
    expect(result).toMatchObject({ kind: 'mapped', ref: '第二十三条第一款第（三）项', exact: true });
  });

  it('stops at the article when the article was rewritten and a 款 is asked for', () => {
    const result = mapArticle(law('保守国家秘密法'), '2010-04-29', '2024-02-27', '第二十八条第一款');
    expect(result).toMatchObject({ kind: 'mapped', ref: '第三十四条', exact: false });
  });

  it('lists where the parts of a split provision went', () => {
    const result = mapArticle(law('保守国家秘密法'), '2010-04-29', '2024-02-27', '第四十四条');
    expect(result).toMatchObject({ kind: 'mapped', article: '第五十一条', change: 'split', also: ['第五十二条第二款'] });
  });

  it('follows the chain through amendments that kept the numbering, and says it is unverified', () => {
    const result = mapArticle(law('行政处罚法'), '1996-03-17', '2021-01-22', '第五十五条');
    expect(result).toMatchObject({ kind: 'mapped', article: '第七十六条', verified: false });
    if (result.kind !== 'mapped') return;
    expect(result.steps.map((s) => [s.from, s.to, s.new])).toEqual([
      ['1996-03-17', '2009-08-27', '第五十五条'],
      ['2009-08-27', '2017-09-01', '第五十五条'],
      ['2017-09-01', '2021-01-22', '第七十六条'],
    ]);
  });

  it.each([
    ['第三十六条', '第五十四条'],
    ['第三十七条', '第五十五条'],
  ])('行政处罚法 (2009) %s → 2021 %s', (old, article) => {
    expect(mapArticle(law('行政处罚法'), '2009-08-27', '2021-01-22', old)).toMatchObject({ kind: 'mapped', article });
  });
});

describe('removed provisions', () => {
  it('商用密码管理条例 1999 销售许可 articles have no counterpart in 2023', () => {
    const shangmi = law('商用密码管理条例');
    for (const old of ['第十条', '第十一条', '第二十条第一款第（二）项']) {
      expect(mapArticle(shangmi, '1999-10-07', '2023-04-27', old)).toMatchObject({ kind: 'removed', removedIn: '2023-04-27', verified: true });
    }
    const removed = shangmi.removedProvisions.filter((p) => /销售许可/.test(p.enabledPower));
    expect(removed.map((p) => p.article)).toEqual(expect.arrayContaining(['第十条', '第十一条']));
    expect(removed.every((p) => p.verified && p.version === '1999-10-07' && p.removedIn === '2023-04-27')).toBe(true);
  });

  it('the 2023 text really has no 销售许可 and the 1999 text really had one', async () => {
    const shangmi = law('商用密码管理条例');
    const [old, neu] = await Promise.all(shangmi.versions.map((v) => readLawText(registry.dir, v.textFile as string)));
    expect(articleText(findArticle(old as never, '第十条') as never)).toContain('未经许可，任何单位或者个人不得销售商用密码产品');
    expect(neu?.articles.some((a) => articleText(a).includes('销售许可'))).toBe(false);
  });

  it('an article split into items answers with the items it knows', () => {
    const result = mapArticle(law('商用密码管理条例'), '1999-10-07', '2023-04-27', '第二十条');
    expect(result.kind).toBe('unknown');
    if (result.kind === 'unknown') expect(result.candidates?.map((c) => c.old)).toContain('第二十条第一款第（三）项');
  });
});

describe('what mapArticle cannot answer', () => {
  it.each([
    ['保守国家秘密法', '1988-09-05', '2010-04-29', '第三条', /未列入/],
    ['保守国家秘密法', '2024-02-27', '2010-04-29', '第三十条', /只支持从旧版本/],
    ['保守国家秘密法', '2010-04-29', '2099-01-01', '第三十条', /未知版本/],
    ['保守国家秘密法', '2010-04-29', '2024-02-27', '第三十', /无法解析/],
    ['密码法', '2019-10-26', '2019-10-26', '第三十一条', null],
  ])('%s %s→%s %s', (title, from, to, ref, reason) => {
    const result = mapArticle(law(title), from, to, ref);
    if (reason === null) expect(result).toMatchObject({ kind: 'mapped', ref, change: 'same' });
    else expect(result).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(reason) });
  });
});

describe('every mapping in the registry', () => {
  it('answers with itself through mapArticle', () => {
    for (const l of registry.laws) {
      for (const r of l.renumbering) {
        for (const m of r.map) {
          const result = mapArticle(l, r.from, r.to, m.old);
          if (m.change === 'removed') expect(result.kind, `${l.id} ${m.old}`).toBe('removed');
          else expect(result, `${l.id} ${m.old}`).toMatchObject({ kind: 'mapped', ref: m.new, change: m.change });
        }
      }
    }
  });

  it('points at articles and 款 that exist in the bundled texts, and "same" means the same words', async () => {
    const strip = (s: string) => s.replace(/[\s\u3000，,；;：:（()）“”"、。.]/g, '');
    let checked = 0;
    for (const l of registry.laws) {
      for (const r of l.renumbering) {
        const from = l.versions.find((v) => v.id === r.from)?.textFile;
        const to = l.versions.find((v) => v.id === r.to)?.textFile;
        if (!from || !to) continue;
        const [oldText, newText] = await Promise.all([readLawText(registry.dir, from), readLawText(registry.dir, to)]);
        for (const m of r.map) {
          const oldPoint = parseArticleRef(m.old);
          const oldArticle = findArticle(oldText, m.old);
          expect(oldArticle, `${l.id} ${m.old}`).toBeDefined();
          if (oldPoint?.paragraph) expect(oldArticle?.paragraphs.length).toBeGreaterThanOrEqual(oldPoint.paragraph);
          for (const ref of [m.new, ...(m.also ?? [])]) {
            if (!ref) continue;
            const point = parseArticleRef(ref);
            const article = findArticle(newText, ref);
            expect(article, `${l.id} ${ref}`).toBeDefined();
            if (point?.paragraph) expect(article?.paragraphs.length, `${l.id} ${ref}`).toBeGreaterThanOrEqual(point.paragraph);
          }
          if (m.change === 'same' && !oldPoint?.paragraph && m.new && !parseArticleRef(m.new)?.paragraph) {
            expect(strip(articleText(findArticle(newText, m.new) as never)), `${l.id} ${m.old}`).toBe(strip(articleText(oldArticle as never)));
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });
});
