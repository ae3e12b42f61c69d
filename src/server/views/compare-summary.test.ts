import { describe, expect, it } from 'vitest';
import { alignLists } from '../../align/index.js';
import { type ItemSpec, item, list } from '../../align/testing/factories.js';
import { summarizeGroups } from './compare-summary.js';

const LAW = '中华人民共和国保守国家秘密法';
const BASE: ItemSpec = { 事项名称: '对保密工作的监督检查', 权力类型: '行政检查', 实施依据: [{ title: LAW, articles: [49] }] };

/** The summary of one power stated by each list as BASE with the given changes. */
function summaryOf(...variants: ItemSpec[]) {
  const lists = variants.map((v, i) => list([item({ ...BASE, ...v })], `第${i + 1}局`));
  return summarizeGroups(alignLists(lists));
}

describe('summarizeGroups', () => {
  it.each([
    ['agree on everything', [{}, {}, {}], { present: 3, name: 'same', type: 'same', basis: 'same' }],
    ['differ in type', [{}, { 权力类型: '行政处罚' }], { name: 'same', type: 'different', basis: 'same' }],
    ['differ in name', [{}, { 事项名称: '对保密工作实施监督检查' }], { name: 'different', type: 'same', basis: 'same' }],
    ['cite other articles', [{}, { 实施依据: [{ title: LAW, articles: [52] }] }], { basis: 'different' }],
    ['cite another law besides', [{}, { 实施依据: [{ title: LAW, articles: [49] }, { title: '泄密案件查处办法', articles: [3] }] }], { basis: 'different' }],
    ['have no basis on one side', [{}, { 实施依据: [] }], { basis: 'unknown' }],
    ['cite versions only a registry can compare', [{ 实施依据: [{ title: LAW, note: '主席令第28号', articles: [49] }] }, { 实施依据: [{ title: LAW, note: '2024年修订', articles: [49] }] }], { basis: 'unknown' }],
  ] as const)('tells when the lists %s', (_label, variants, expected) => {
    const groups = summaryOf(...variants);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject(expected);
  });

  it('carries the inconsistencies behind a difference', () => {
    const [group] = summaryOf({}, { 权力类型: '行政处罚' });
    expect(group?.issues.map((i) => i.kind)).toEqual(['type']);
  });

  it('leaves out powers only one list has, and puts those most lists share first', () => {
    const shared = item(BASE);
    const twoOnly = item({ 事项名称: '对泄密案件的调查处理', 权力类型: '行政检查' });
    const lone = item({ 事项名称: '涉密信息系统集成资质认定', 权力类型: '行政许可' });
    const alignment = alignLists([list([twoOnly, shared, lone], '甲局'), list([shared, twoOnly], '乙局'), list([shared], '丙局')]);
    const groups = summarizeGroups(alignment);
    expect(groups.map((g) => [g.present, g.members.map((m) => m.map((e) => e.label).join())])).toEqual([
      [3, ['对保密工作的监督检查', '对保密工作的监督检查', '对保密工作的监督检查']],
      [2, ['对泄密案件的调查处理', '对泄密案件的调查处理', '']],
    ]);
  });
});
