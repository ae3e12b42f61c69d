import { describe, expect, it } from 'vitest';
import { alignLists } from './align.js';
import { item, list } from './testing/factories.js';

const baomiFa = (articles: number[], note?: string, text = '') => ({ title: '中华人民共和国保守国家秘密法', articles, ...(note ? { note } : {}), text });

describe('alignLists', () => {
  it('pairs every item of a list with itself at the top score, duplicates included', () => {
    const items = [
      item({ 事项名称: '对保密工作的监督检查', 实施依据: [baomiFa([49])] }),
      item({ 事项名称: '对泄密案件的调查处理' }),
      item({ 事项名称: '对泄密案件的调查处理' }),
      item({ 事项名称: '对非法获取、持有国家秘密载体的处罚', 权力类型: '行政处罚' }),
    ];
    const [comparison] = alignLists([list(items), list(items)]).comparisons;
    expect(comparison?.pairs.map((p) => [p.left.ref.index, p.right.ref.index, p.score])).toEqual([
      [0, 0, 1],
      [1, 1, 1],
      [2, 2, 1],
      [3, 3, 1],
    ]);
    expect(comparison?.pairs.flatMap((p) => p.inconsistencies)).toEqual([]);
  });

  it('keeps two powers of the same wording apart by their type', () => {
    const left = list([
      item({ 事项名称: '对非法获取、持有国家秘密载体的处罚', 权力类型: '行政处罚' }),
      item({ 事项名称: '对非法获取、持有国家秘密载体的行政强制', 权力类型: '行政强制' }),
    ]);
    const right = list([
      item({ 事项名称: '对非法获取、持有国家秘密载体的行政强制', 权力类型: '行政强制' }),
      item({ 事项名称: '对非法获取、持有国家秘密载体的处罚', 权力类型: '行政处罚' }),
    ]);
    const [comparison] = alignLists([left, right]).comparisons;
    expect(comparison?.pairs.map((p) => [p.left.ref.index, p.right.ref.index])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('lists what it cannot pair and explains what it pairs', () => {
    const left = list([item({ 事项名称: '对保密工作的监督检查' }), item({ 事项名称: '对泄密案件有关事项的密级鉴定', 权力类型: '行政确认' })], '自治区国家保密局');
    const right = list([item({ 事项名称: '对保密工作实施监督检查' }), item({ 事项名称: '对政府拟公开信息的保密确定', 权力类型: '行政确认' })], '柳州市国家保密局');
    const alignment = alignLists([left, right]);
    const [comparison] = alignment.comparisons;
    expect(comparison?.pairs).toHaveLength(1);
    expect(comparison?.pairs[0]?.reasons.map((r) => r.message)).toEqual(['事项名称核心相同：“保密工作”', '行为相同：监督检查／监督检查', '权力类型相同：行政检查']);
    expect(comparison?.unmatchedLeft.map((e) => e.label)).toEqual(['对泄密案件有关事项的密级鉴定']);
    expect(comparison?.unmatchedRight.map((e) => e.label)).toEqual(['对政府拟公开信息的保密确定']);
    expect(alignment.lists.map((l) => l.label)).toEqual(['自治区国家保密局', '柳州市国家保密局']);
  });

  it('reports what paired items say differently', () => {
    const left = list(
      [
        item({
          事项名称: '对保密工作的监督检查',
          实施依据: [baomiFa([42], '2010年4月29日修订'), { title: '泄密案件查处办法', articles: [7] }],
          责任事项: ['告知', '检查', '处理', '其他'],
        }),
      ],
      '甲局',
    );
    const right = list(
      [
        item({
          事项名称: '对保密工作的检查',
          权力类型: '其他行政权力',
          实施依据: [baomiFa([42, 44], '2024年2月27日第二次修订')],
          责任事项: ['告知', '检查'],
          truncatedDuties: true,
        }),
      ],
      '乙局',
    );
    const [pair] = alignLists([left, right]).comparisons[0]?.pairs ?? [];
    expect(pair?.inconsistencies.map((i) => [i.kind, i.message])).toEqual([
      ['type', '权力类型不同：行政检查／其他行政权力'],
      ['name', '事项名称不同：“对保密工作的监督检查”／“对保密工作的检查”'],
      ['law-missing', '乙局的实施依据缺少甲局引用的《泄密案件查处办法》'],
      ['version', '《中华人民共和国保守国家秘密法》所据版本不同：2010年版本／2024年版本，甲局引用的版本较旧'],
      ['duties-missing', '乙局缺少甲局有的责任事项：处理（乙局的责任事项在原文中被截断，可能只是未完整发布）'],
    ]);
    const name = pair?.inconsistencies.find((i) => i.kind === 'name');
    expect(name?.kind === 'name' && name.segments).toEqual([
      { op: 'equal', text: '对保密工作的' },
      { op: 'delete', text: '监督' },
      { op: 'equal', text: '检查' },
    ]);
  });

  it('compares article numbers only within one numbering', () => {
    const left = list([item({ 实施依据: [baomiFa([42, 44])] })]);
    const right = list([item({ 实施依据: [baomiFa([42])] })]);
    const [pair] = alignLists([left, right]).comparisons[0]?.pairs ?? [];
    expect(pair?.inconsistencies.map((i) => i.message)).toEqual(['《中华人民共和国保守国家秘密法》引用的条款不同：第四十二条、第四十四条／第四十二条']);
    const renumbered = list([item({ 实施依据: [baomiFa([49], '2024年修订')] })]);
    const old = list([item({ 实施依据: [baomiFa([42], '2010年修订')] })]);
    const [other] = alignLists([renumbered, old]).comparisons[0]?.pairs ?? [];
    expect(other?.inconsistencies.map((i) => i.kind)).toEqual(['version']);
  });

  it('groups one power across three lists', () => {
    const a = list([item({ 事项名称: '对保密工作的监督检查' }), item({ 事项名称: '涉密信息系统集成资质认定', 权力类型: '行政许可' })], '甲');
    const b = list([item({ 事项名称: '对保密工作实施监督检查' })], '乙');
    const c = list([item({ 事项名称: '对泄密案件的调查处理' }), item({ 事项名称: '对保密工作的监督检查' })], '丙');
    const alignment = alignLists([a, b, c]);
    expect(alignment.comparisons.map((x) => [x.left, x.right, x.pairs.length])).toEqual([
      [0, 1, 1],
      [0, 2, 1],
      [1, 2, 1],
    ]);
    expect(alignment.groups.map((g) => g.members.map((m) => m.map((e) => e.ref.index)))).toEqual([
      [[0], [0], [1]],
      [[1], [], []],
      [[], [], [0]],
    ]);
  });

  it('finds the same pairs with blocking as by scoring all pairs', () => {
    const names = ['对保密工作的监督检查', '对泄密案件的调查处理', '涉密信息系统投入使用前的保密审查', '对非法获取、持有国家秘密载体的处罚', '对保密检查中发现的泄密隐患的行政强制'];
    const left = list(names.map((n, i) => item({ 事项名称: n, 实施依据: [baomiFa([40 + i])] })));
    const right = list([...names].reverse().map((n) => item({ 事项名称: n.replace('的', '') })));
    const blocked = alignLists([left, right]).comparisons[0];
    const all = alignLists([left, right], { allPairs: true }).comparisons[0];
    expect(blocked?.pairs.map((p) => [p.left.ref.index, p.right.ref.index])).toEqual(all?.pairs.map((p) => [p.left.ref.index, p.right.ref.index]));
    expect(blocked?.pairs).toHaveLength(5);
  });
});
