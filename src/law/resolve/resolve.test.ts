import { beforeAll, describe, expect, it } from 'vitest';
import { extractCitations } from '../citations/index.js';
import { buildRegistry, type Law } from '../registry/index.js';
import { type LawLibrary, makeLibrary, openLawLibrary, type ResolvedCitation, resolveCitations } from './index.js';

let library: LawLibrary;
beforeAll(async () => {
  library = await openLawLibrary();
});

const TODAY = '2026-11-23';

function resolve(text: string, options: { today?: string; listDate?: string } = {}, lib = library): ResolvedCitation[] {
  return resolveCitations(extractCitations(text, { titles: lib.titles }), lib, { today: TODAY, ...options });
}

/** The real library with one version's order number marked unverified, texts and all. */
function withUnverifiedOrder(lib: LawLibrary, lawId: string, versionId: string): LawLibrary {
  const laws = lib.registry.laws.map((law): Law => {
    if (law.id !== lawId) return law;
    const versions = law.versions.map((v) => (v.id === versionId && v.promulgatedBy ? { ...v, promulgatedBy: { ...v.promulgatedBy, verified: false } } : v));
    return { ...law, versions };
  });
  const { registry } = buildRegistry(lib.registry.dir, laws, [...lib.registry.unresolved], lib.registry.files);
  return makeLibrary(registry, lib.texts.values());
}

/** code:verified plus the data the test names, per issue of the first citation. */
function issues(r: ResolvedCitation | undefined, ...keys: string[]) {
  return (r?.issues ?? []).map((i) => [`${i.code}:${i.verified ? 'V' : 'u'}`, ...keys.map((k) => i.data[k])]);
}

describe('resolveCitation', () => {
  it('003: the 2010 保守国家秘密法 named by its order number is superseded and 第四十五条 is now 第五十二条第二款', () => {
    const cited = '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十五条';
    const [bare] = resolve(cited);
    expect(bare?.version?.version.id).toBe('2010-04-29');
    expect(bare?.inForce?.version.id).toBe('2024-02-27');
    expect(bare?.version?.corroborated).toBeUndefined();
    expect(issues(bare, 'newRef')).toEqual([
      ['superseded:V', undefined],
      ['moved:V', '第五十二条第二款'],
    ]);
    // Were 主席令第28号 unverified, the finding would be too, unless a quote confirmed the version.
    const unsure = withUnverifiedOrder(library, 'baoshou-guojia-mimi-fa', '2010-04-29');
    expect(issues(resolve(cited, {}, unsure)[0], 'newRef')).toEqual([
      ['superseded:u', undefined],
      ['moved:u', '第五十二条第二款'],
    ]);
    // The quoted text is the 2010 第四十五条 and not the 2024 one: that confirms the version.
    const [quoted] = resolve(`${cited} 保密行政管理部门对保密检查中发现的非法获取、持有的国家秘密载体，应当予以收缴。`, {}, unsure);
    expect(quoted?.quote).toEqual({ kind: 'match' });
    expect(quoted?.version?.corroborated).toBe('quote');
    expect(issues(quoted, 'newRef')).toEqual([
      ['superseded:V', undefined],
      ['moved:V', '第五十二条第二款'],
    ]);
  });

  it('a dated note names the version on verified facts', () => {
    const [r] = resolve('《中华人民共和国保守国家秘密法》（2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行）第二十八条');
    expect(issues(r, 'newRef')).toEqual([
      ['superseded:V', undefined],
      ['moved:V', '第三十四条'],
    ]);
  });

  it('before the 2024 revision took effect the 2010 text was not superseded', () => {
    const [r] = resolve('《中华人民共和国保守国家秘密法》（主席令第28号）第四十五条', { today: '2024-04-30' });
    expect(r?.issues).toEqual([]);
  });

  it('003: old 行政处罚法 numbers move on unverified correspondences', () => {
    const [r] = resolve('《中华人民共和国行政处罚法》（1996年中华人民共和国主席令第63号公布）第五十五条 行政机关实施行政处罚……');
    expect(r?.version?.version.id).toBe('1996-03-17');
    expect(issues(r, 'newRef')).toEqual([
      ['superseded:V', undefined],
      ['moved:u', '第七十六条'],
    ]);
  });

  it('an old 行政处罚法 text cited without a version is checked against today\'s law and found unrelated', () => {
    const [r] = resolve(
      '《中华人民共和国行政处罚法》第三十六条 行政机关发现公民、法人或者其他组织有依法应当给予行政处罚的行为的，必须全面、客观、公正的调查，收集有关证据；必要时，依照法律、法规的规定，可以进行检查。',
    );
    expect(r?.version).toMatchObject({ basis: 'today', date: TODAY });
    expect(issues(r, 'elsewhere', 'basis')).toEqual([['quote-unrelated:V', '第五十四条', `（未注明版本，按${TODAY}施行的版本核对）`]]);
  });

  it('004: the 2016 网络安全法 is superseded by the 2025 amendment; 第六十四条 lost its penalty', () => {
    const [a] = resolve('《中华人民共和国网络安全法》（2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议通过）第五十九条');
    expect(issues(a, 'newRef')).toEqual([
      ['superseded:V', undefined],
      ['moved:V', '第六十一条'],
    ]);
    const [b] = resolve('《中华人民共和国网络安全法》（2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议通过）第六十四条');
    expect(issues(b).map((i) => i[0])).toEqual(['superseded:V', 'abolished-power:V']);
    const [c] = resolve('《中华人民共和国网络安全法》（2016年11月7日…通过）第五十九条', { today: '2025-12-31' });
    expect(c?.issues).toEqual([]);
  });

  it('本法 inside a quoted text is read in the quoted version and marked as part of the quote', () => {
    const rs = resolve('《中华人民共和国网络安全法》（2016年11月7日…通过）第六十四条：网络运营者违反本法第二十二条第三款、第四十一条至第四十三条规定……');
    const inner = rs[1];
    expect(inner?.version?.version.id).toBe('2016-11-07');
    expect(inner?.insideQuote).toBe(true);
    expect(inner?.refs.map((x) => x.exists)).toEqual(['yes', 'yes', 'yes', 'yes']);
  });

  it('the 1999 商用密码管理条例 sales licence was abolished in 2023', () => {
    const [r] = resolve('《商用密码管理条例》（国务院令第273号）第十条');
    expect(issues(r, 'power').map((i) => i[0])).toEqual(['superseded:V', 'abolished-power:V']);
    expect(String(issues(r, 'power')[1]?.[1])).toContain('销售许可');
  });

  it('without a hint, the list date chooses the version', () => {
    const [r] = resolve('《中华人民共和国保守国家秘密法》第四十五条', { listDate: '2015-01-01' });
    expect(r?.version).toMatchObject({ basis: 'list-date', date: '2015-01-01' });
    expect(issues(r, 'basis').map((i) => i[0])).toEqual(['superseded:V', 'moved:V']);
  });

  it('reports articles, paragraphs and items the cited version does not have', () => {
    expect(issues(resolve('《中华人民共和国密码法》第九十条')[0], 'count')).toEqual([['article-missing:V', 44]]);
    expect(issues(resolve('《中华人民共和国密码法》第二十七条第五款')[0]).map((i) => i[0])).toEqual(['part-missing:V']);
  });

  it('reports wording that differs from the law, with the law\'s wording', () => {
    const [r] = resolve('《中华人民共和国密码法》第二十七条第一款 法律、行政法规和国家有关规定要求使用商用密码进行保护的关键信息基础设施，其运营者应当使用商用密码进行保户。');
    expect(issues(r, 'quoted', 'law')).toEqual([['quote-differs:V', '其运营者应当使用商用密码进行保户', '其运营者应当使用商用密码进行保护']]);
  });

  it('reports hints naming no version, titles not in the registry and misspelt titles', () => {
    const [a] = resolve('《互联网新闻信息服务管理规定》（国家互联网信息办公室令第2号，2017年6月1日施行）第四条');
    expect(issues(a, 'hint', 'known')).toEqual([['unmatched-hint:u', '国家互联网信息办公室令第2号', '国家互联网信息办公室令第1号']]);
    expect(issues(resolve('《某某事务管理办法》第三条')[0], 'title')).toEqual([['unknown-title:V', '某某事务管理办法']]);
    expect(issues(resolve('《中华人民共和国保守国家秘密法实施条列》第三条')[0], 'right')).toEqual([['title-typo:V', '中华人民共和国保守国家秘密法实施条例']]);
    const [c] = resolve('《中华人民共和国保守国家秘密法实施条例》（2014年1月17日中国人民共和国国务院令第646号公布 2024年7月10日中华人民共和国国务院令第786号修订）第四十八条');
    expect(issues(c, 'wrong', 'where')).toEqual([['title-typo:V', '中国人民共和国', '题注']]);
  });

  it('forms are documents, not laws, and raise nothing', () => {
    const [r] = resolve('制作《行政处罚决定书》');
    expect(r?.target.kind).toBe('document');
    expect(r?.issues).toEqual([]);
  });
});
