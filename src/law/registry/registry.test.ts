import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RegistryError } from './errors.js';
import { defaultRegistryDir } from './fs.js';
import { readLawText } from './law-text.js';
import { memoryFs } from './mem-fs.js';
import { loadRegistry, type Registry, readRegistry } from './registry.js';

const DIR = defaultRegistryDir();
const SAMPLES = join(DIR, '..', 'samples');
let registry: Registry;
beforeAll(async () => {
  registry = await loadRegistry();
});

describe('registry integrity', () => {
  it('every law file validates', async () => {
    const { registry: read, errors } = await readRegistry();
    expect(errors.map((e) => e.message)).toEqual([]);
    const files = readdirSync(DIR).filter((name) => name.endsWith('.json'));
    expect(read.laws).toHaveLength(files.length);
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  it('every object in every law file states its source and whether it was verified', () => {
    const problems: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) {
        value.forEach((v, i) => {
          walk(v, `${path}[${i}]`);
        });
        return;
      }
      if (value === null || typeof value !== 'object') return;
      const fact = value as Record<string, unknown>;
      if (typeof fact.source !== 'string' || fact.source === '') problems.push(`${path}: source`);
      if (typeof fact.verified !== 'boolean') problems.push(`${path}: verified`);
      // A verified fact must name what it was checked against: a text under texts/, or the
      // address of a public copy of the official instrument (see data/laws/README.md).
      if (fact.verified === true && !/texts\/|https?:\/\//.test(String(fact.source))) problems.push(`${path}: verified without a text`);
      for (const [key, child] of Object.entries(fact)) if (typeof child === 'object') walk(child, `${path}.${key}`);
    };
    for (const name of readdirSync(DIR).filter((n) => n.endsWith('.json'))) {
      walk(JSON.parse(readFileSync(join(DIR, name), 'utf8')), name);
    }
    expect(problems).toEqual([]);
  });

  it('every bundled text validates and has the article count its version states', async () => {
    let texts = 0;
    for (const law of registry.laws) {
      for (const version of law.versions) {
        if (!version.textFile) continue;
        const text = await readLawText(registry.dir, version.textFile);
        texts++;
        expect([text.lawId, text.versionId]).toEqual([law.id, version.id]);
        expect(text.articleCount).toBe(text.articles.length);
        expect(version.articleCount?.value, `${law.id} ${version.id}`).toBe(text.articleCount);
        expect(text.residue).toEqual([]);
      }
    }
    expect(texts).toBeGreaterThanOrEqual(10);
  });

  it('names and aliases lead to one law each', () => {
    for (const law of registry.laws) {
      expect(registry.findLaw(law.title)).toBe(law);
      for (const alias of law.aliases) expect(registry.findLaw(alias), alias).toBe(law);
    }
  });
});

describe('findLaw', () => {
  it.each([
    ['《中华人民共和国行政处罚法》', 'xingzheng-chufa-fa'],
    ['行政处罚法', 'xingzheng-chufa-fa'],
    ['《商用密码管理条例 》', 'shangyong-mima-guanli-tiaoli'],
    ['保密法', 'baoshou-guojia-mimi-fa'],
    ['保守国家秘密法', 'baoshou-guojia-mimi-fa'],
    ['【法律】《中华人民共和国保守国家秘密法》（主席令第28号）', 'baoshou-guojia-mimi-fa'],
    ['中华人民共和国保守国家秘密法实施条例', 'baoshou-guojia-mimi-fa-shishi-tiaoli'],
    ['《 保密检查工作规定 》', 'baomi-jiancha-gongzuo-guiding'],
    ['中华人民共和国 网络安全法', 'wangluo-anquan-fa'],
  ])('%s', (title, id) => {
    expect(registry.findLaw(title)?.id).toBe(id);
  });

  it('does not guess', () => {
    expect(registry.findLaw('处罚法')).toBeUndefined();
    expect(registry.findLaw('行政处罚决定书')).toBeUndefined();
  });

  it('offers candidates for a title cut off in the source', () => {
    expect(registry.findLawsByPrefix('《中华人民共和国公务').map((l) => l.id)).toEqual(['gongwuyuan-fa']);
    expect(registry.findLawsByPrefix('中华人民共和国保守国家秘密法实施').map((l) => l.id)).toEqual([
      'baoshou-guojia-mimi-fa-shishi-tiaoli',
    ]);
  });
});

/** Every 《…》 in the samples: whole titles, and titles the source cut off (they run into a tag, a tab or the next 《). */
function sampleTitles(): { whole: Map<string, string[]>; cut: Map<string, string[]> } {
  const whole = new Map<string, string[]>();
  const cut = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, title: string, file: string) => map.set(title, [...(map.get(title) ?? []), file]);
  for (const file of readdirSync(SAMPLES)) {
    const text = readFileSync(join(SAMPLES, file), 'utf8');
    for (const m of text.matchAll(/《([^《》]*)(》|(?=《)|$)/g)) {
      const inner = m[1] ?? '';
      const broken = /[\t<]/.exec(inner);
      const title = inner.slice(0, broken?.index ?? inner.length).replace(/\s+/g, '');
      if (title.length > 60) throw new Error(`${file}: 《${title.slice(0, 20)}… is too long for a title`);
      add(broken || m[2] !== '》' ? cut : whole, title, file);
    }
  }
  return { whole, cut };
}

describe('every title the samples cite', () => {
  const { whole, cut } = sampleTitles();

  it('finds titles in the samples at all', () => {
    expect(whole.size).toBeGreaterThan(25);
    expect([...whole.keys()]).toContain('商用密码管理条例');
  });

  it.each([...whole.keys()])('《%s》 is a law in the registry or a listed non-law title', (title) => {
    const found = registry.classifyTitle(title);
    expect(found.kind, `《${title}》 in ${whole.get(title)?.join(', ')}`).not.toBe('unknown');
    expect(found.kind).not.toBe('truncated');
  });

  it.each([...cut.keys()])('cut-off 《%s is listed as truncated', (title) => {
    const found = registry.classifyTitle(title);
    expect(found.kind, `《${title} in ${cut.get(title)?.join(', ')}`).toBe('truncated');
  });

  it('the list of non-law titles holds only titles the samples contain, each with a reason', () => {
    const seen = new Set([...whole.keys(), ...cut.keys()].map((t) => t.replace(/^《|》$/g, '')));
    for (const entry of registry.unresolved) {
      expect(seen.has(entry.title), entry.title).toBe(true);
      expect(entry.reason.length).toBeGreaterThan(4);
      for (const id of entry.candidates ?? []) {
        expect(registry.findLawsByPrefix(entry.title).map((l) => l.id)).toContain(id);
      }
    }
  });

  it('the laws the brief names are all in the registry', () => {
    for (const title of [
      '行政处罚法', '商用密码管理条例', '行政许可法', '保守国家秘密法', '保守国家秘密法实施条例', '密码法', '网络安全法',
      '公职人员政务处分法', '行政强制法', '政府信息公开条例', '行政机关公务员处分条例', '互联网信息服务管理办法',
      '互联网新闻信息服务管理规定', '泄密案件查处办法', '国家秘密鉴定工作规定', '保密检查工作规定',
      '涉密信息系统测评审查管理规定', '涉及国家秘密的信息系统审批管理规定', '民事诉讼法', '治安管理处罚法',
      '计算机信息网络国际联网安全保护管理办法', '公务员法',
    ]) {
      expect(registry.findLaw(title), title).toBeDefined();
    }
  });
});

describe('loadRegistry errors', () => {
  // The law file without its text link, so that it stands alone in an in-memory folder.
  const mimaFa = JSON.parse(readFileSync(join(DIR, 'mima-fa.json'), 'utf8'));
  for (const version of mimaFa.versions) delete version.textFile;
  const good = JSON.stringify(mimaFa);

  it('names the file and the path of a bad field, in Chinese', async () => {
    const law = JSON.parse(good);
    law.versions[0].effective.date = '2020-13-01';
    delete law.versions[0].adopted.source;
    const fs = memoryFs({ 'laws/mima-fa.json': JSON.stringify(law) });
    const error = await loadRegistry('laws', fs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    const message = (error as RegistryError).message;
    expect(message).toContain('laws/mima-fa.json');
    expect(message).toContain('versions[0].effective.date：不是有效日期');
    expect(message).toMatch(/versions\[0\]\.adopted\.source：.*(无效|期望)/);
  });

  it('keeps the good files when one is bad', async () => {
    const fs = memoryFs({
      'laws/mima-fa.json': good,
      'laws/broken.json': '{ not json',
      'laws/wrong-name.json': good,
    });
    const { registry: read, errors } = await readRegistry('laws', fs);
    expect(read.laws.map((l) => l.id)).toEqual(['mima-fa']);
    expect(errors.map((e) => [e.file, e.code])).toEqual([
      ['laws/broken.json', 'bad-json'],
      ['laws/wrong-name.json', 'invalid-law'],
    ]);
    await expect(loadRegistry('laws', fs)).rejects.toThrow(/法规库有2个文件不符合要求/);
  });

  it('rejects a renumbering between versions that are not neighbours, and a text file that is missing', async () => {
    const law = JSON.parse(readFileSync(join(DIR, 'xingzheng-chufa-fa.json'), 'utf8'));
    law.renumbering[0].to = '2021-01-22';
    const fs = memoryFs({ 'laws/xingzheng-chufa-fa.json': JSON.stringify(law) });
    const error = (await loadRegistry('laws', fs).catch((e: unknown) => e)) as RegistryError;
    expect(error.issues).toContainEqual({ path: 'renumbering[0]', message: '条文对应只能记在相邻两个版本之间' });
    const fixed = JSON.parse(readFileSync(join(DIR, 'xingzheng-chufa-fa.json'), 'utf8'));
    const missing = (await loadRegistry('laws', memoryFs({ 'laws/xingzheng-chufa-fa.json': JSON.stringify(fixed) })).catch(
      (e: unknown) => e,
    )) as RegistryError;
    expect(missing.issues).toEqual([{ path: 'versions[3].textFile', message: '找不到 texts/xingzheng-chufa-fa/2021-01-22.json' }]);
  });

  it('rejects two laws claiming the same alias', async () => {
    const other = JSON.parse(good);
    other.id = 'mima-fa-copy';
    other.title = '密码法副本';
    const fs = memoryFs({ 'laws/mima-fa.json': good, 'laws/mima-fa-copy.json': JSON.stringify(other) });
    const { errors } = await readRegistry('laws', fs);
    expect(errors.map((e) => e.code)).toEqual(['duplicate-alias']);
    expect(errors[0]?.message).toBe('laws/mima-fa.json：名称“密码法”同时指向 mima-fa-copy 和 mima-fa');
  });
});
