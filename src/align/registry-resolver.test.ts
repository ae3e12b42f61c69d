import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../law/index.js';
import type { CitationResolver } from './citations.js';
import { registryResolver } from './registry-resolver.js';

describe('registryResolver over the bundled law registry', () => {
  let resolver: CitationResolver;
  let baomiFa: string;
  beforeAll(async () => {
    resolver = registryResolver(await loadRegistry());
    baomiFa = resolver.lawKey('【法律】《中华人民共和国保守国家秘密法》') as string;
  });

  it('finds one law for its title, short title or alias, and keeps unknown titles by name', () => {
    expect(baomiFa).toMatch(/^[a-z0-9-]+$/);
    expect(resolver.lawKey('《保守国家秘密法》')).toBe(baomiFa);
    expect(resolver.lawKey('《某某工作细则》')).toBe('某某工作细则');
  });

  it.each([
    { note: '主席令第28号', id: '2010-04-29', superseded: true },
    { note: '2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行', id: '2010-04-29', superseded: true },
    {
      note: '1988年9月5日第七届全国人民代表大会常务委员会第三次会议通过 2010年4月29日第十一届全国人民代表大会常务委员会第十四次会议第一次修订 2024年2月27日第十四届全国人民代表大会常务委员会第八次会议第二次修订',
      id: '2024-02-27',
      superseded: false,
    },
  ])('reads the version a note names: $id', ({ note, id, superseded }) => {
    expect(resolver.version?.(baomiFa, note)).toMatchObject({ id, kind: 'registry', superseded });
  });

  it('carries 2010 article numbers to the current numbering', () => {
    // 2010 第二十八条 (network operators) is 2024 第三十四条; 第四十五条 (收缴) is 第五十二条.
    expect(resolver.currentArticle?.(baomiFa, '2010-04-29', 28)).toBe(34);
    expect(resolver.currentArticle?.(baomiFa, '2010-04-29', 45)).toBe(52);
    expect(resolver.currentArticle?.(baomiFa, '2024-02-27', 52)).toBeUndefined();
    expect(resolver.currentArticle?.(baomiFa, undefined, 52)).toBeUndefined();
  });
});
