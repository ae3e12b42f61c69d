import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractCitations, normalizeForCitations, PATTERNS, readVersionHints, titleKind } from './index.js';
import type { Citation } from './types.js';

const TITLES = ['保守国家秘密法', '中华人民共和国保守国家秘密法', '民事诉讼法', '商用密码管理条例', '保密法'];

/** A compact view of what a test cares about: law title, via, and each ref as a/p/i@written. */
function view(cs: Citation[]) {
  return cs
    .filter((c) => c.titleKind !== 'document')
    .map((c) => ({
      via: c.via,
      title: c.title,
      refs: c.refs.map((r) => `${r.article}${r.sub ? `之${r.sub}` : ''}/${r.paragraph ?? ''}/${r.item ?? ''}@${r.raw}`),
    }));
}

describe('patterns', () => {
  it('every example matches its pattern whole, and every pattern has examples', () => {
    for (const [id, p] of Object.entries(PATTERNS)) {
      expect(p.examples.length, id).toBeGreaterThan(0);
      const looksAhead = p.pattern.source.includes('(?=');
      for (const example of p.examples) {
        const text = normalizeForCitations(example);
        const m = new RegExp(p.pattern.source, p.pattern.flags.replace(/[gy]/g, '')).exec(text);
        expect(m?.index, `${id}: ${example}`).toBe(0);
        if (!looksAhead) expect(m?.[0], `${id}: ${example}`).toBe(text);
      }
    }
  });
});

describe('extractCitations', () => {
  const cases: Array<{ name: string; text: string; expected: ReturnType<typeof view> }> = [
    {
      name: 'a title with article, paragraph and item in Chinese numerals',
      text: '《中华人民共和国行政许可法》第七十四条第（二）项：行政机关……',
      expected: [{ via: 'title', title: '中华人民共和国行政许可法', refs: ['74//2@第七十四条第（二）项'] }],
    },
    {
      name: 'Arabic and full-width numerals',
      text: '《密码法》第２７条第1款',
      expected: [{ via: 'title', title: '密码法', refs: ['27/1/@第２７条第1款'] }],
    },
    {
      name: 'lists of articles and of paragraphs of one article',
      text: '违反《网络安全法》第二十二条第一款、第二款和第四十八条第一款规定',
      expected: [{ via: 'title', title: '网络安全法', refs: ['22/1/@第二十二条第一款', '22/2/@第二款', '48/1/@第四十八条第一款'] }],
    },
    {
      name: 'a range yields every article, the inner ones spanning the range',
      text: '《网络安全法》第四十一条至第四十三条',
      expected: [{ via: 'title', title: '网络安全法', refs: ['41//@第四十一条', '42//@第四十一条至第四十三条', '43//@第四十三条'] }],
    },
    {
      name: '本法 inside a quoted text means the law quoted, not a law mentioned on the way',
      text: '1.《行政处罚法》第六十一条 依照《民事诉讼法》的有关规定送达。违反本法第二十条',
      expected: [
        { via: 'title', title: '行政处罚法', refs: ['61//@第六十一条'] },
        { via: 'title', title: '民事诉讼法', refs: [] },
        { via: 'context', title: '行政处罚法', refs: ['20//@第二十条'] },
      ],
    },
    {
      name: '该法 means the law named last',
      text: '依照《民事诉讼法》规定；该法第八十七条',
      expected: [
        { via: 'title', title: '民事诉讼法', refs: [] },
        { via: 'context', title: '民事诉讼法', refs: ['87//@第八十七条'] },
      ],
    },
    {
      name: 'an article after a full stop continues the provision before it',
      text: '《保守国家秘密法》第六十一条：……依法给予处分。第六十二条：违反本法规定……',
      expected: [
        { via: 'title', title: '保守国家秘密法', refs: ['61//@第六十一条'] },
        { via: 'continuation', title: '保守国家秘密法', refs: ['62//@第六十二条'] },
      ],
    },
    {
      name: 'chapters before articles and 之一 articles',
      text: '《保密检查工作规定》第四章第二十条；《某法》第二十条之一',
      expected: [
        { via: 'title', title: '保密检查工作规定', refs: ['20//@第四章第二十条'] },
        { via: 'title', title: '某法', refs: ['20之1//@第二十条之一'] },
      ],
    },
    {
      name: 'bare short titles, but not inside longer words',
      text: '对国家机关有商用密码管理条例第六十条所列情形；违反保密法律法规；依照民事诉讼法的有关规定',
      expected: [
        { via: 'alias', title: '商用密码管理条例', refs: ['60//@第六十条'] },
        { via: 'alias', title: '民事诉讼法', refs: [] },
      ],
    },
    {
      name: 'forms are not laws, and a title cut off is nothing',
      text: '制作《行政处罚决定书》。2.【法律】《中华人民共和国保守国家秘密法实施',
      expected: [],
    },
    {
      name: 'markup between cells and paragraphs does not hide a continuation',
      text: '<p>【法律】《保守国家秘密法》第四十二条 保密行政管理部门……</p> <p>第四十四条 保密行政管理部门……</p>',
      expected: [
        { via: 'title', title: '保守国家秘密法', refs: ['42//@第四十二条'] },
        { via: 'continuation', title: '保守国家秘密法', refs: ['44//@第四十四条'] },
      ],
    },
    {
      name: 'context does not cross a cell boundary',
      text: '《商用密码管理条例》第六十条\t违反本条例第三十条',
      expected: [
        { via: 'title', title: '商用密码管理条例', refs: ['60//@第六十条'] },
        { via: 'context', title: undefined, refs: ['30//@第三十条'] },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(view(extractCitations(c.text, { titles: TITLES }))).toEqual(c.expected);
    });
  }

  it('uses the surrounding titles for a context word with nothing before it', () => {
    const [c] = extractCitations('违反本条例第三十条规定', { context: ['中华人民共和国密码法', '商用密码管理条例'] });
    expect(c?.title).toBe('商用密码管理条例');
  });

  it('reads the note after a title into version hints', () => {
    const text = '《中华人民共和国保守国家秘密法》（2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行）第二十八条';
    const [c] = extractCitations(text);
    expect(c?.hints.map((h) => (h.kind === 'order' ? h.order : h.kind === 'date' ? `${h.date}:${h.events.join('+')}` : h.year))).toEqual([
      '2010-04-29:promulgated',
      '主席令第28号',
      '2010-10-01:effective',
    ]);
    for (const h of c?.hints ?? []) expect(text.slice(h.span[0], h.span[1])).toBe(h.raw);
  });

  it('keeps the quoted text up to the next provision', () => {
    const text = '1.【法律】《行政处罚法》第四十四条 行政机关在作出行政处罚决定之前，应当告知。\n5.同4.\n6.【法律】《行政处罚法》第六十一条：“行政处罚决定书应当……”';
    const cs = extractCitations(text);
    expect(cs.map((c) => c.quote?.text)).toEqual(['行政机关在作出行政处罚决定之前，应当告知。', '行政处罚决定书应当……”']);
  });

  it('never throws, and every span slices to what it says is written', () => {
    const alphabet = fc.constantFrom(...'《》【】（）()第条款项之一二三十百0123456789０１２、和至本法条例规定。；：\n\t <p>'.split(''), '中华人民共和国', '保密法', '第四章');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        for (const c of extractCitations(text, { titles: TITLES })) {
          expect(c.span[0]).toBeLessThanOrEqual(c.span[1]);
          for (const r of c.refs) expect(text.slice(r.span[0], r.span[1])).toBe(r.raw);
          if (c.titleSpan && c.via !== 'context' && c.via !== 'continuation' && c.via !== 'bare') {
            expect(text.slice(c.titleSpan[0], c.titleSpan[1])).toBe(c.title);
          }
        }
      }),
    );
  });
});

describe('readVersionHints', () => {
  it.each([
    ['国务院令第760号修订', ['国务院令第760号']],
    ['1996年主席令第六十三号公布，2009年主席令第十八号修改', ['1996:promulgated', '主席令第63号', '2009:amended', '主席令第18号']],
    ['2000年9月25日国务院令第292号公布，2011年1月8日修订施行', ['2000-09-25:promulgated', '国务院令第292号', '2011-01-08:effective+amended']],
    ['国家互联网信息办公室1号令，2017年6月1日施行', ['国家互联网信息办公室令第1号', '2017-06-01:effective']],
    ['国保发〔2013〕14号', ['国保发〔2013〕14号']],
  ])('%s', (note, expected) => {
    const hints = readVersionHints(note).map((h) =>
      h.kind === 'order' ? h.order : h.kind === 'date' ? `${h.date}:${h.events.join('+')}` : `${h.year}:${h.events.join('+')}`,
    );
    expect(hints).toEqual(expected);
  });
});

describe('titleKind', () => {
  it.each([
    ['行政处罚决定书', 'document'],
    ['行政许可申请受理通知书', 'document'],
    ['涉密信息系统审查合格证', 'document'],
    ['执法约谈笔录', 'document'],
    ['保密检查工作规定', 'law'],
    ['中华人民共和国保守国家秘密法实施条例', 'law'],
    ['某某', 'unknown'],
  ])('%s is a %s', (title, kind) => {
    expect(titleKind(title)).toBe(kind);
  });
});
