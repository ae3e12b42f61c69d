import { describe, expect, it } from 'vitest';
import type { PowerList } from '../model/index.js';
import type { ListDetail, ListVersionInfo } from '../store/index.js';
import { AlignError, alignStoredLists, diffStoredVersions, parseVersionSelector, type VersionStore } from './stored.js';
import { item, list } from './testing/factories.js';

describe('parseVersionSelector', () => {
  it.each([
    ['3', 3],
    ['v2', 2],
    ['第1版', 1],
    ['latest', 'latest'],
    ['最新', 'latest'],
    ['0', undefined],
    ['v', undefined],
    ['1.5', undefined],
  ])('%s → %s', (text, selector) => {
    expect(parseVersionSelector(text)).toBe(selector);
  });
});

/** A store holding one list with the given versions, oldest first. */
function fakeStore(versions: PowerList[]): VersionStore {
  const infos: ListVersionInfo[] = versions.map((v, i) => ({
    id: `v${i + 1}`,
    versionNo: i + 1,
    latest: i === versions.length - 1,
    sha256: '0'.repeat(64),
    importedAt: '2024-01-01T00:00:00Z',
    auditedAt: null,
    itemCount: v.items.length,
    sourceFile: v.source.file,
    sourceFormat: 'json',
  }));
  return {
    async getList(id) {
      return id === '7' ? ({ id: '7', department: '测试局', title: null, sourceFile: 'a.txt', versions: infos } as unknown as ListDetail) : null;
    },
    async getPowerList(versionId) {
      return versions[Number(versionId.slice(1)) - 1] ?? null;
    },
  };
}

describe('diffStoredVersions', () => {
  const v1 = list([item({ 事项名称: '对保密工作的监督检查' })]);
  const v2 = list([item({ 事项名称: '对保密工作的监督检查' }), item({ 事项名称: '对泄密案件的调查处理' })]);

  it('diffs two versions by number or latest, labelled with the list and version', async () => {
    const diff = await diffStoredVersions(fakeStore([v1, v2]), '7', 1, 'latest');
    expect([diff.old.label, diff.new.label, diff.counts.added]).toEqual(['测试局 第1版', '测试局 第2版', 1]);
  });

  it('names what is missing', async () => {
    await expect(diffStoredVersions(fakeStore([v1]), '8', 1, 1)).rejects.toThrow(new AlignError('list-not-found', '找不到清单 8'));
    await expect(diffStoredVersions(fakeStore([v1, v2]), '7', 1, 5)).rejects.toThrow('清单 7（测试局）没有第5版；已有版本：1、2');
  });
});

describe('alignStoredLists', () => {
  it('aligns the latest versions of the lists named', async () => {
    const v1 = list([item({ 事项名称: '对保密工作的监督检查' })]);
    const v2 = list([item({ 事项名称: '对保密工作实施监督检查' }), item({ 事项名称: '对泄密案件的调查处理' })]);
    const store = fakeStore([v1, v2]);
    const alignment = await alignStoredLists(store, ['7', '7']);
    expect(alignment.lists.map((l) => l.items)).toEqual([2, 2]);
    expect(alignment.comparisons[0]?.pairs).toHaveLength(2);
    await expect(alignStoredLists(store, ['7', '9'])).rejects.toThrow('找不到清单 9');
  });
});
