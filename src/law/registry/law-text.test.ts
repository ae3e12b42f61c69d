import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addLawText, articleText, buildLawTextFile, findArticle, parseLawText, provisionText, readLawText } from './law-text.js';
import { memoryFs } from './mem-fs.js';
import { loadRegistry } from './registry.js';

// Two articles copied from reference/laws/texts/保守国家秘密法/2024-02-27.md (LawRefBook), with its header.
const BAOMI_2024_EXCERPT = `<!-- source: github:LawRefBook/Laws path: 行政法/保守国家秘密法(2024-02-27).md -->

# 中华人民共和国保守国家秘密法

2024年2月27日 第十四届全国人民代表大会常务委员会第八次会议第二次修订）

<!-- INFO END -->

## 第三章 保密制度

第三十条 存储、处理国家秘密的计算机信息系统（以下简称涉密信息系统）按照涉密程度实行分级保护。

涉密信息系统应当按照国家保密规定和标准规划、建设、运行、维护，并配备保密设施、设备。保密设施、设备应当与涉密信息系统同步规划、同步建设、同步运行。

涉密信息系统应当按照规定，经检查合格后，方可投入使用，并定期开展风险评估。

第三十一条 机关、单位应当加强对信息系统、信息设备的保密管理，建设保密自监管设施，及时发现并处置安全保密风险隐患。任何组织和个人不得有下列行为：

（一）未按照国家保密规定和标准采取有效保密措施，将涉密信息系统、涉密信息设备接入互联网及其他公共信息网络；

（二）未按照国家保密规定和标准采取有效保密措施，在涉密信息系统、涉密信息设备与互联网及其他公共信息网络之间进行信息交换；
`;

describe('parseLawText', () => {
  const parsed = parseLawText(BAOMI_2024_EXCERPT);

  it('splits at 第X条 at line start and keeps each 款 as its own entry', () => {
    expect(parsed.articles.map((a) => a.label)).toEqual(['第三十条', '第三十一条']);
    expect(parsed.articles[0]?.paragraphs).toHaveLength(3);
    expect(parsed.articles[0]?.paragraphs[2]?.text).toBe('涉密信息系统应当按照规定，经检查合格后，方可投入使用，并定期开展风险评估。');
  });

  it('attaches 项 lines to the 款 before them', () => {
    const article = parsed.articles[1];
    expect(article?.paragraphs).toHaveLength(1);
    expect(article?.paragraphs[0]?.items).toHaveLength(2);
    expect(article?.paragraphs[0]?.items?.[1]).toMatch(/^（二）/);
  });

  it('records chapter, title, source line and preamble', () => {
    expect(parsed.articles[0]?.chapter).toBe('第三章 保密制度');
    expect(parsed.title).toBe('中华人民共和国保守国家秘密法');
    expect(parsed.source).toMatch(/^source: github:LawRefBook/);
    expect(parsed.preamble).toContain('2024年2月27日 第十四届全国人民代表大会常务委员会第八次会议第二次修订）');
    expect(parsed.residue).toEqual([]);
  });

  it.each([
    ['full-width space after the number', '第一条　为了规范。\n第二条　本法所称。'],
    ['bold Markdown heading', '**第一条** 为了规范。\n**第二条** 本法所称。'],
    ['heading alone on its line', '第一条\n为了规范。\n第二条\n本法所称。'],
    ['Windows line ends', '第一条 为了规范。\r\n第二条 本法所称。\r\n'],
  ])('reads %s', (_name, text) => {
    const result = parseLawText(text);
    expect(result.articles.map((a) => a.number)).toEqual([1, 2]);
    expect(result.articles.map((a) => articleText(a))).toEqual(['为了规范。', '本法所称。']);
  });

  it('keeps an out-of-sequence 第X条 at line start as text and reports it', () => {
    const result = parseLawText('第一条 甲。\n第二条 乙：\n第一条 规定的情形除外。\n第三条 丙。');
    expect(result.articles.map((a) => a.number)).toEqual([1, 2, 3]);
    expect(articleText(result.articles[1] as never)).toBe('乙：\n第一条 规定的情形除外。');
    expect(result.residue).toHaveLength(1);
    expect(result.residue[0]?.line).toBe(3);
  });

  it('reports a gap in numbering but keeps the article', () => {
    const result = parseLawText('第一条 甲。\n第三条 丙。');
    expect(result.articles.map((a) => a.number)).toEqual([1, 3]);
    expect(result.residue[0]?.reason).toMatch(/条号跳跃/);
  });

  it('reads 之一 articles', () => {
    const result = parseLawText('第二十条 甲。\n第二十条之一 乙。\n第二十一条 丙。');
    expect(result.articles.map((a) => [a.number, a.sub])).toEqual([
      [20, undefined],
      [20, 1],
      [21, undefined],
    ]);
  });
});

// The reference texts are not part of the project; these run where they are present.
// The team's reference texts live in shared/, beside the clone (CI puts it there too).
const REFERENCE = process.env.QUANZE_LAW_REFERENCE ?? fileURLToPath(new URL('../../../../shared/reference/laws', import.meta.url));
describe.skipIf(!existsSync(join(REFERENCE, 'texts')) && process.env.CI !== 'true')('parseLawText on the reference texts', () => {
  // Article counts as reference/laws/facts.md states them [V].
  it.each([
    ['行政处罚法/2021-01-22.md', 86, '本法自2021年7月15日起施行。'],
    ['保守国家秘密法/2024-02-27.md', 65, '本法自2024年5月1日起施行。'],
    ['保守国家秘密法/2010-04-29.md', 53, '本法自2010年10月1日起施行。'],
    ['保守国家秘密法实施条例/2014-01-17.md', 45, undefined],
    ['保守国家秘密法实施条例/2024-07-10.md', 74, '本条例自2024年9月1日起施行。'],
    ['密码法/2019-10-26.md', 44, '本法自2020年1月1日起施行。'],
    ['商用密码管理条例/1999-10-07.md', 27, '本条例自发布之日起施行。'],
    ['商用密码管理条例/2023-04-27.md', 67, '本条例自2023年7月1日起施行。'],
    ['网络安全法/2016-11-07.md', 79, '本法自2017年6月1日起施行。'],
    ['网络安全法/2025-10-28.md', 81, undefined],
    ['公职人员政务处分法/2020-06-20.md', 68, '本法自2020年7月1日起施行。'],
    ['行政许可法/2019-04-23.md', 83, '本法自2004年7月1日起施行。'],
    ['行政强制法/2011-06-30.md', 71, '本法自2012年1月1日起施行。'],
  ])('%s has %i articles', (file, count, lastText) => {
    const parsed = parseLawText(readFileSync(join(REFERENCE, 'texts', file), 'utf8'));
    expect(parsed.articles).toHaveLength(count);
    expect(parsed.articles.map((a) => a.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    if (lastText) expect(parsed.articles.at(-1)?.paragraphs[0]?.text).toBe(lastText);
  });

  it('the bundled texts are exactly what the parser makes of the reference files', async () => {
    const registry = await loadRegistry();
    for (const law of registry.laws) {
      for (const version of law.versions) {
        if (!version.textFile) continue;
        const stored = await readLawText(registry.dir, version.textFile);
        const path = /^reference\/laws\/(texts\/[^（]+\.md)/.exec(stored.source)?.[1];
        expect(path, stored.source).toBeDefined();
        const edited = new Set((stored.edits ?? []).map((e) => e.text));
        const text = readFileSync(join(REFERENCE, path as string), 'utf8')
          .split('\n')
          .filter((line) => !edited.has(line))
          .join('\n');
        const rebuilt = buildLawTextFile(law.id, version.id, text, { source: stored.source, edits: stored.edits });
        expect(rebuilt).toEqual(stored);
      }
    }
  });
});

describe('addLawText', () => {
  const lawJson = {
    id: 'mima-fa',
    title: '中华人民共和国密码法',
    aliases: ['密码法'],
    issuingBody: '全国人民代表大会常务委员会',
    level: '法律',
    source: 'test',
    verified: false,
    versions: [
      {
        id: '2019-10-26',
        kind: '制定',
        adopted: { date: '2019-10-26', source: 'test', verified: false },
        articleCount: { value: 3, source: 'test', verified: false },
        source: 'test',
        verified: false,
      },
    ],
    status: { status: '现行有效', asOf: '2026-11-23', source: 'test', verified: false },
  };
  const text = '第一条 为了规范密码应用和管理，制定本法。\n第二条 本法所称密码。\n';

  it('writes the parsed text and links it from the version', async () => {
    const fs = memoryFs({ 'laws/mima-fa.json': JSON.stringify(lawJson) });
    const result = await addLawText('laws', 'mima-fa', '2019-10-26', text, { fs, source: 'import.txt' });
    expect(result).toEqual({
      textFile: 'texts/mima-fa/2019-10-26.json',
      articleCount: 2,
      warnings: ['解析出2条，法规库记载该版本为3条'],
    });
    const law = JSON.parse(fs.files['laws/mima-fa.json'] as string);
    expect(law.versions[0].textFile).toBe('texts/mima-fa/2019-10-26.json');
    const stored = await readLawText('laws', 'texts/mima-fa/2019-10-26.json', fs);
    expect(stored.source).toBe('import.txt');
    expect(stored.articles.map((a) => a.label)).toEqual(['第一条', '第二条']);
    const registry = await loadRegistry('laws', fs);
    expect(registry.getLaw('mima-fa')?.versions[0]?.textFile).toBe('texts/mima-fa/2019-10-26.json');
  });

  it('refuses an unknown law, an unknown version and a text without articles, in Chinese', async () => {
    const fs = memoryFs({ 'laws/mima-fa.json': JSON.stringify(lawJson) });
    await expect(addLawText('laws', 'nope', '2019-10-26', text, { fs })).rejects.toThrow(/没有标识为 nope 的法规/);
    await expect(addLawText('laws', 'mima-fa', '2020-01-01', text, { fs })).rejects.toThrow(/没有版本 2020-01-01（已有：2019-10-26）/);
    await expect(addLawText('laws', 'mima-fa', '2019-10-26', '这不是法律', { fs })).rejects.toThrow(/没有找到/);
    expect(Object.keys(fs.files)).toEqual(['laws/mima-fa.json']);
  });
});

describe('provisionText', () => {
  const stored = buildLawTextFile('baoshou-guojia-mimi-fa', '2024-02-27', BAOMI_2024_EXCERPT);
  it.each([
    ['第三十条第三款', '涉密信息系统应当按照规定，经检查合格后，方可投入使用，并定期开展风险评估。'],
    ['第三十一条第一款第（二）项', expect.stringMatching(/^（二）未按照/)],
    ['第三十一条第（一）项', expect.stringMatching(/^（一）未按照/)],
  ])('%s', (ref, expected) => {
    expect(provisionText(stored, ref)).toEqual(expected);
  });
  it('is undefined for what the text does not have', () => {
    expect(provisionText(stored, '第三十条第四款')).toBeUndefined();
    expect(provisionText(stored, '第一条')).toBeUndefined();
    expect(findArticle(stored, '第三十一条')?.number).toBe(31);
  });
});
