import { describe, expect, it } from 'vitest';
import type { ProcessSheet } from '../../model/index.js';
import { item, list } from '../testing/factories.js';
import { diffLists } from './list-diff.js';
import { movedIndices } from './moves.js';

const basis = (text: string) => [{ title: '中华人民共和国保守国家秘密法', articles: [42], text }];
const a = item({ 事项名称: '对保密工作的监督检查', 实施依据: basis('保密行政管理部门依法组织开展保密宣传教育、保密检查') });
const b = item({ 事项名称: '对泄密案件的调查处理', 实施依据: basis('保密行政管理部门对公民举报、机关和单位报告的线索依法调查') });
const c = item({ 事项名称: '涉密信息系统投入使用前的保密审查', 权力类型: '其他行政权力' });
const d = item({ 事项名称: '对非法获取、持有国家秘密载体的处罚', 权力类型: '行政处罚' });

const shape = (before: ReturnType<typeof list>, after: ReturnType<typeof list>) =>
  diffLists(before, after).entries.map((e) =>
    e.kind === 'kept'
      ? `${e.old.index}→${e.new.index}${e.renamed ? ' renamed' : ''}${e.moved ? ' moved' : ''}${e.changes.map((ch) => ` ${ch.field}:${ch.change}`).join('')}`
      : `${e.kind} ${e.kind === 'added' ? e.new.name : e.old.name}`,
  );

describe('diffLists', () => {
  it('finds nothing between a list and itself', () => {
    const diff = diffLists(list([a, b, c]), list([a, b, c]));
    expect(diff.counts).toEqual({ added: 0, removed: 0, renamed: 0, moved: 0, changed: 0, unchanged: 3 });
  });

  it('places removed items where they stood and added ones where they stand', () => {
    expect(shape(list([a, b, c]), list([a, d, c]))).toEqual(['0→0', 'removed 对泄密案件的调查处理', 'added 对非法获取、持有国家秘密载体的处罚', '2→2']);
  });

  it('recognises a renamed item by its content', () => {
    const renamed = { ...b, name: { ...b.name, text: '泄密案件查处' } };
    expect(shape(list([a, b]), list([a, renamed]))).toEqual(['0→0', '1→1 renamed name:modified']);
  });

  it('recognises an item renamed slightly and edited by its name', () => {
    const edited = item({ 事项名称: '对保密工作实施监督检查', 实施依据: basis('保密行政管理部门依法对机关、单位的保密工作进行指导和监督') });
    expect(shape(list([a, c]), list([c, edited]))).toEqual(['1→0', '0→1 renamed moved name:modified basis:modified']);
  });

  it('reports a changed field with a character diff', () => {
    const changed = { ...c, remark: { text: '2024年新增', raw: '2024年新增', flags: [] } };
    const diff = diffLists(list([c]), list([changed]));
    const entry = diff.entries[0];
    expect(entry?.kind === 'kept' && entry.changes).toEqual([
      { field: 'remark', label: '备注', change: 'added', before: '', after: '2024年新增', segments: [{ op: 'insert', text: '2024年新增' }] },
    ]);
    expect(diff.counts.changed).toBe(1);
  });

  it('calls the fewest items moved', () => {
    expect(shape(list([a, b, c, d]), list([b, c, d, a]))).toEqual(['1→0', '2→1', '3→2', '0→3 moved']);
  });
});

describe('diffLists on flowchart sheets', () => {
  const sheet = (title: string, promised: string): ProcessSheet => ({
    title,
    category: '行政检查',
    promisedLimit: { raw: promised },
    phones: [],
    conditions: [],
    materials: ['检查通知书'],
    steps: [{ name: '实施检查', documents: [], text: '实施检查', lines: { firstLine: 3, lastLine: 3 } }],
    lines: { firstLine: 1, lastLine: 9 },
    residue: [],
  });

  it('matches sheets by title and reports their changed fields', () => {
    const before = { ...list([]), processSheets: [sheet('保密检查流程图', '20个工作日'), sheet('行政处罚流程图', '30日')] };
    const after = { ...list([]), processSheets: [sheet('保密检查流程图', '15个工作日')] };
    const diff = diffLists(before, after);
    expect(diff.entries.map((e) => (e.kind === 'kept' ? `${e.old.name}: ${e.changes.map((c) => `${c.label} ${c.before}→${c.after}`).join()}` : `${e.kind} ${e.kind === 'removed' ? e.old.name : ''}`))).toEqual([
      '保密检查: 承诺时限 20个工作日→15个工作日',
      'removed 行政处罚',
    ]);
    expect(diff.old.sheets).toBe(2);
  });
});

describe('movedIndices', () => {
  it.each([
    { positions: [], moved: [] },
    { positions: [0, 1, 2], moved: [] },
    { positions: [3, 0, 1, 2], moved: [0] },
    { positions: [1, 2, 0], moved: [2] },
  ])('$positions', ({ positions, moved }) => {
    expect([...movedIndices(positions)].sort()).toEqual(moved);
  });
});
