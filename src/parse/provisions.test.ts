import { describe, expect, it } from 'vitest';
import { parseArticleRefs } from './article-refs.js';
import { cleanCell } from './cell-text.js';
import { ARTICLE_REF_FIXTURES } from './fixtures/article-refs.js';
import { PROVISION_FIXTURES } from './fixtures/provisions.js';
import { hasBrokenLevelTag, parseProvisions } from './provisions.js';
import { expectProvision, expectResidue } from './testing/expect-parse.js';

describe('parseProvisions on sample fragments', () => {
  it.each(PROVISION_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const text = f.html ? cleanCell(f.input).text : f.input;
    const { provisions, residue } = parseProvisions(text);
    expect(provisions.map((p) => p.label ?? p.title ?? p.level)).toHaveLength(f.expected.provisions.length);
    f.expected.provisions.forEach((e, i) => {
      expectProvision(provisions[i], e, `provision ${i}`);
    });
    expectResidue(residue, f.expected.residue);
    for (const p of provisions) expect(text.slice(p.span[0], p.span[1])).toBe(p.raw);
  });
});

describe('parseArticleRefs on sample fragments', () => {
  it.each(ARTICLE_REF_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const refs = parseArticleRefs(f.input);
    expect(refs).toHaveLength(f.expected.length);
    f.expected.forEach((e, i) => {
      expect(refs[i]).toMatchObject(e);
    });
  });

  it.each([
    ['第１２条', [{ article: 12, raw: '第１２条' }]],
    ['第12条第3款第（4）项', [{ article: 12, paragraph: 3, item: 4 }]],
    ['第十条之一', [{ article: 10, raw: '第十条之一' }]],
    ['第五条至第三条', [{ article: 5 }, { article: 3 }]],
    ['第一条至第九百条', [{ article: 1 }, { article: 900 }]],
  ] as const)('%s', (input, expected) => {
    const refs = parseArticleRefs(input);
    expect(refs).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(refs[i]).toMatchObject(e);
    });
  });
});

describe('parseProvisions boundaries', () => {
  it('does not split at a title inside a quotation', () => {
    const text = '1.【法律】《中华人民共和国行政处罚法》第八条：“依照\n《中华人民共和国行政强制法》规定”';
    const { provisions } = parseProvisions(text);
    expect(provisions).toHaveLength(1);
    expect(provisions[0]?.refs.map((r) => r.article)).toEqual([8]);
  });

  it('splits at a title that opens a line outside quotations', () => {
    const { provisions } = parseProvisions('《甲法》第一条 甲。\n《乙法》第二条 乙。');
    expect(provisions.map((p) => [p.title, p.text])).toEqual([
      ['甲法', '甲。'],
      ['乙法', '乙。'],
    ]);
  });

  it('keeps a title with no article', () => {
    const { provisions } = parseProvisions('【部门规章】《网络信息内容生态治理规定》');
    expect(provisions[0]).toMatchObject({ level: '部门规章', title: '网络信息内容生态治理规定', refs: [], text: '' });
  });

  it('reports the broken level tag and only that one', () => {
    const { provisions } = parseProvisions('行政法规】《甲条例》第一条 甲。\n【法律】《乙法》第二条 乙。');
    expect(provisions.map(hasBrokenLevelTag)).toEqual([true, false]);
    expect(provisions.map((p) => p.level)).toEqual(['行政法规', '法律']);
    expect(parseProvisions('1.【 行政法规 】《甲条例》第一条').provisions.map(hasBrokenLevelTag)).toEqual([false]);
  });

  it('puts text before the first provision in residue', () => {
    const { provisions, residue } = parseProvisions('依据如下：\n1.【法律】《甲法》第一条 甲。');
    expect(residue).toEqual([{ text: '依据如下：', span: [0, 5], reason: '无法识别的依据内容' }]);
    expect(provisions[0]?.span).toEqual([6, 22]);
  });

  it('does not read a decimal or a year as a label', () => {
    const { provisions } = parseProvisions('【法律】《甲法》第一条 处1.5倍罚款，\n2010.5起施行。');
    expect(provisions).toHaveLength(1);
  });
});
