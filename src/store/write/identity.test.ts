import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SAMPLES, type SampleName, samplePath } from '../../../test/helpers/samples.js';
import { importFile } from '../../ingest/index.js';
import type { PowerList } from '../../model/index.js';
import { item, powerList } from '../testing/factories.js';
import { canonicalJson, contentHash, listKey } from './identity.js';

describe('listKey', () => {
  it.each([
    [{ department: '自治区 密码管理局', title: '清单' }, 'a.txt', '自治区密码管理局'],
    [{ department: null, title: '柳州市国家保密局权责清单' }, 'a.txt', '柳州市国家保密局权责清单'],
    [{ department: '  ', title: '  ' }, 'dir/凉州区清单.md', '凉州区清单'],
    [{ department: null, title: null }, 'C:\\lists\\ＡＢ局.txt', 'ab局'],
  ])('%j from %j → %j', (spec, file, key) => {
    expect(listKey(powerList({ ...spec, file }))).toBe(key);
  });
});

describe('contentHash', () => {
  const list = powerList({ items: [item({ name: '甲' })] });

  it('ignores where the file lay and the reader findings, not the content', () => {
    expect(contentHash({ ...list, source: { ...list.source, file: 'elsewhere.txt' } })).toBe(contentHash(list));
    expect(contentHash({ ...list, findings: [] })).toBe(contentHash(list));
    expect(contentHash(powerList({ items: [item({ name: '乙' })] }))).not.toBe(contentHash(list));
    expect(contentHash({ ...list, level: '市级' })).not.toBe(contentHash(list));
  });

  it('does not depend on property order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });

  it('hashes, an item at a time, the canonical JSON of the whole content', async () => {
    const whole = (l: PowerList) => {
      const { findings: _findings, source, ...rest } = l;
      return createHash('sha256')
        .update(canonicalJson({ ...rest, source: { sha256: source.sha256, bytes: source.bytes, format: source.format } }))
        .digest('hex');
    };
    const samples = await Promise.all((Object.keys(SAMPLES) as SampleName[]).map((name) => importFile(samplePath(name))));
    const odd = { ...powerList({ items: [] }), title: undefined, extra: { b: 1, a: undefined } } as unknown as PowerList;
    for (const l of [...samples, list, powerList({ items: [] }), odd]) expect(contentHash(l)).toBe(whole(l));
  });
});
