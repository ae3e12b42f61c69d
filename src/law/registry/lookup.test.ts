import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRegistryDir } from './fs.js';
import { currentVersion, versionAt, versionByDate, versionByOrder } from './lookup.js';
import { parseOrderNumbers } from './order-number.js';
import { loadRegistry, type Registry } from './registry.js';
import type { Law } from './schema.js';

let registry: Registry;
const law = (title: string): Law => registry.findLaw(title) ?? expect.unreachable(title);
beforeAll(async () => {
  registry = await loadRegistry();
});

describe('versionByOrder', () => {
  it.each([
    ['保守国家秘密法', '主席令第28号', '2010-04-29'],
    ['保守国家秘密法', '中华人民共和国主席令第二十八号', '2010-04-29'],
    ['保守国家秘密法', '主席令第20号', '2024-02-27'],
    ['保守国家秘密法实施条例', '国务院令646号', '2014-01-17'],
    ['保守国家秘密法实施条例', '2024年7月10日中华人民共和国国务院令第786号修订', '2024-07-10'],
    ['商用密码管理条例', '国务院令第760号修订', '2023-04-27'],
    ['商用密码管理条例', '国务院令第273号', '1999-10-07'],
    ['行政处罚法', '1996年主席令第六十三号公布', '1996-03-17'],
    ['行政处罚法', '2009年主席令第十八号修改', '2009-08-27'],
    ['行政强制法', '中华人民共和国主席令49号', '2011-06-30'],
    ['网络安全法', '主席令第六十一号', '2025-10-28'],
    ['政府信息公开条例', '国务院令492号', '2007-04-05'],
    ['泄密案件查处办法', '国家保密局令第2号', '2017-12-29'],
    ['国家秘密鉴定工作规定', '国家保密局令2021年第1号', '2021-07-30'],
    ['互联网新闻信息服务管理规定', '国家互联网信息办公室1号令', '2017-05-02'],
    ['保密检查工作规定', '国保发〔2013〕14号', '2013'],
    ['涉密信息系统测评审查管理规定', '国保发[2018]59号', '2018'],
  ])('%s %s → %s', (title, order, id) => {
    expect(versionByOrder(law(title), order)?.id).toBe(id);
  });

  it.each([
    ['保守国家秘密法', '主席令第63号'],
    ['保守国家秘密法', '国务院令第28号'],
    ['互联网新闻信息服务管理规定', '国家互联网信息办公室令第2号'],
    ['泄密案件查处办法', '国家保密局令2018年第2号'],
    ['密码法', '没有令号'],
  ])('%s %s → none', (title, order) => {
    expect(versionByOrder(law(title), order)).toBeUndefined();
  });
});

describe('the order numbers the samples give', () => {
  // 《title》（note） where the note names an order or document number.
  const cited: Array<{ file: string; title: string; note: string }> = [];
  const samples = join(defaultRegistryDir(), '..', 'samples');
  for (const file of readdirSync(samples)) {
    for (const m of readFileSync(join(samples, file), 'utf8').matchAll(/《([^《》\t<]{2,40})》\s*[（(]([^（）()]{2,120})[）)]/g)) {
      if (parseOrderNumbers(m[2] ?? '').length > 0) cited.push({ file, title: m[1] ?? '', note: m[2] ?? '' });
    }
  }
  /** Notes whose number is wrong in the source list, with the reason. */
  const wrongInSource = new Map([
    ['国家互联网信息办公室令第2号，2017年6月1日施行', '清单004误写：互联网新闻信息服务管理规定为国家互联网信息办公室令第1号'],
  ]);

  it('finds them', () => {
    expect(cited.length).toBeGreaterThan(40);
  });

  it('each names a version of the cited law, its last number the latest version it names', () => {
    const unresolved: string[] = [];
    for (const { file, title, note } of cited) {
      const found = registry.findLaw(title);
      expect(found, title).toBeDefined();
      const orders = parseOrderNumbers(note);
      const version = versionByOrder(found as Law, orders.at(-1) as never);
      if (!version) {
        if (!wrongInSource.has(note)) unresolved.push(`${file} 《${title}》（${note}）`);
        continue;
      }
      const first = versionByOrder(found as Law, orders[0] as never);
      expect(first, note).toBeDefined();
      expect((first?.id ?? '') <= version.id).toBe(true);
    }
    expect(unresolved).toEqual([]);
  });

  it('the listed source errors are really in the samples', () => {
    for (const note of wrongInSource.keys()) expect(cited.map((c) => c.note)).toContain(note);
  });
});

describe('versionAt', () => {
  it.each([
    ['保守国家秘密法', '1989-04-30', undefined],
    ['保守国家秘密法', '1989-05-01', '1988-09-05'],
    ['保守国家秘密法', '2015-06-01', '2010-04-29'],
    ['保守国家秘密法', '2024-04-30', '2010-04-29'],
    ['保守国家秘密法', '2024-05-01', '2024-02-27'],
    ['网络安全法', '2025-12-31', '2016-11-07'],
    ['网络安全法', '2026-01-01', '2025-10-28'],
    ['商用密码管理条例', '2023-06-30', '1999-10-07'],
    ['商用密码管理条例', '2023-07-01', '2023-04-27'],
    ['行政处罚法', '2000-01-01', '1996-03-17'],
    ['行政处罚法', '2009-08-26', '1996-03-17'],
    ['行政处罚法', '2009-08-27', '2009-08-27'],
    ['行政处罚法', '2017-12-31', '2009-08-27'],
    ['行政处罚法', '2018-01-01', '2017-09-01'],
    ['行政处罚法', '2021-07-14', '2017-09-01'],
    ['行政处罚法', '2021-07-15', '2021-01-22'],
    ['行政许可法', '2010-01-01', '2003-08-27'],
    ['行政许可法', '2020-01-01', '2019-04-23'],
    // Only the 2023 amendment's effective date is recorded: no guess before it applies.
    ['民事诉讼法', '2015-01-01', undefined],
    ['民事诉讼法', '2024-01-01', '2023-09-01'],
    ['保密检查工作规定', '2020-01-01', undefined],
  ])('%s on %s → %s', (title, date, id) => {
    expect(versionAt(law(title), date)?.id).toBe(id);
  });

  it('never goes back in time as the date moves forward', () => {
    const day = fc.integer({ min: 0, max: 365 * 45 }).map((n) => new Date(Date.UTC(1985, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...registry.laws), day, day, (l, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const v1 = versionAt(l, early);
        const v2 = versionAt(l, late);
        if (v1 && v2) expect(l.versions.indexOf(v1)).toBeLessThanOrEqual(l.versions.indexOf(v2));
      }),
    );
  });
});

describe('currentVersion and versionByDate', () => {
  it('is the latest version, or the one in force on a given day', () => {
    expect(currentVersion(law('保密法'))?.id).toBe('2024-02-27');
    expect(currentVersion(law('保密法'), '2020-01-01')?.id).toBe('2010-04-29');
    expect(currentVersion(law('网络安全法'), '2026-11-23')?.id).toBe('2025-10-28');
  });

  it('finds a version by the date a note gives', () => {
    expect(versionByDate(law('保守国家秘密法'), '2024-02-27')?.id).toBe('2024-02-27');
    expect(versionByDate(law('行政机关公务员处分条例'), '2007-04-04')?.id).toBe('2007-04-22');
    expect(versionByDate(law('保守国家秘密法'), '2024-05-01')).toBeUndefined();
  });
});
