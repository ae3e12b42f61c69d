import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CITATIONS, type Citation } from './citations.js';
import { PAUSE_KINDS } from './pause-kinds.js';
import { PERIOD_RULES } from './rules.js';

/** fixtures/articles.txt: "== <law> <version> <article>" blocks copied from the reference texts. */
function readArticles(): Map<string, string[]> {
  const text = readFileSync(fileURLToPath(new URL('./fixtures/articles.txt', import.meta.url)), 'utf8');
  const articles = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith('== ')) {
      current = [];
      articles.set(line.slice(3).trim(), current);
    } else current?.push(line);
  }
  return articles;
}

const ARTICLES = readArticles();
const keyOf = (c: Citation) => `${c.law.replace(/^中华人民共和国/, '')} ${c.version} ${c.article}`;
// The team's reference texts live in shared/, beside the clone (CI puts it there too).
const SHARED_TEXTS = fileURLToPath(new URL('../../../../shared/reference/laws/texts', import.meta.url));

describe('citations', () => {
  it.each(Object.entries(CITATIONS).filter(([, c]) => c.quoteVerified))('%s quotes its article verbatim', (_, citation) => {
    const article = ARTICLES.get(keyOf(citation));
    expect(article, keyOf(citation)).toBeDefined();
    expect((article as string[])[0]).toMatch(new RegExp(`^${citation.article} `));
    expect((article as string[]).join('')).toContain(citation.quote);
  });

  it('says why a quote is not verified', () => {
    for (const citation of Object.values(CITATIONS) as Citation[]) {
      if (!citation.quoteVerified) expect(citation.note).toMatch(/未核对|未核实|不在/);
    }
  });

  it.skipIf(!existsSync(SHARED_TEXTS) && process.env.CI !== 'true')('fixture articles are copied verbatim from the reference texts', () => {
    for (const [key, lines] of ARTICLES) {
      const [law, version] = key.split(' ');
      const source = readFileSync(`${SHARED_TEXTS}/${law}/${version}.md`, 'utf8');
      for (const line of lines) expect(source, key).toContain(line);
    }
  });

  it('cites 民事诉讼法第八十五条 for the start-day and holiday rule (2023 text)', () => {
    const article = ARTICLES.get('民事诉讼法 2023-09-01 第八十五条') as string[];
    expect(article[1]).toBe('期间以时、日、月、年计算。期间开始的时和日，不计算在期间内。');
    expect(article[2]).toBe('期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。');
    expect(article.join('')).not.toContain('对应日');
  });
});

describe('rule and pause tables', () => {
  it('give every rule a unique id, a name and a first provision with its text', () => {
    const ids = PERIOD_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of PERIOD_RULES) {
      expect(rule.name).toMatch(/\p{Script=Han}/u);
      expect(rule.basis[0].quote).toBeTruthy();
      expect(rule.units.length).toBeGreaterThan(0);
    }
  });

  it('rest 第四十五条 pauses on that article and 补正 on 第三十二条', () => {
    const section45 = PAUSE_KINDS.filter((kind) => kind.basis.includes(CITATIONS.xuke45)).map((kind) => kind.id);
    expect(section45).toEqual(['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审']);
    const buzheng = PAUSE_KINDS.find((kind) => kind.id === '补正');
    expect(buzheng).toMatchObject({ effect: 'restart', noticeWithin: { amount: 5, unit: 'workday' } });
  });
});
