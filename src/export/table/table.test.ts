import { describe, expect, it } from 'vitest';
import type { PowerItem, PowerList, TextCell } from '../../model/index.js';
import { cellValue, exportColumns, mergeRuns } from './index.js';

const cell = (text: string, flags: TextCell['flags'] = []): TextCell => ({ text, raw: text, flags });
const item = (fields: Partial<PowerItem> = {}): PowerItem => ({
  seq: '1',
  powerType: { type: '行政许可', raw: '行政许可' },
  name: cell('许可'),
  extra: {},
  provenance: { record: 0, firstLine: 1, lastLine: 1, cells: [] },
  ...fields,
});
const list = (items: PowerItem[], columns: PowerList['columns']): PowerList => ({
  schemaVersion: 1,
  title: null,
  department: null,
  region: null,
  level: null,
  source: { file: 'x', format: 'json', sha256: '0'.repeat(64), bytes: 0 },
  columns,
  items,
  processSheets: [],
  residue: [],
  findings: [],
});

describe('exportColumns', () => {
  it('keeps the columns as read, under their headers, and adds what items hold beyond them', () => {
    const items = [item({ remark: cell('备'), extra: { 奇怪的列: cell('内容'), 第14列: cell('多出') } })];
    const columns = exportColumns(list(items, [
      { header: '序号', field: 'seq' },
      { header: '项目名称', field: 'name' },
      { header: '奇怪的列', field: null },
    ]));
    expect(columns.map((c) => [c.header, c.field])).toEqual([
      ['序号', 'seq'],
      ['项目名称', 'name'],
      ['奇怪的列', null],
      ['权力类型', 'powerType'],
      ['备注', 'remark'],
      ['第14列', null],
    ]);
    expect(columns.map((c) => cellValue(items[0] as PowerItem, c))).toEqual(['1', '许可', '内容', '行政许可', '备', '多出']);
  });

  it('writes an unnumbered row with an empty 序号 and codes and time limits as written', () => {
    const row = item({ seq: null, localCode: { raw: ' 116 ', undocumented: ['116'] }, statutoryLimit: { raw: '20个工作日', value: 20, unit: '工作日' } });
    const columns = exportColumns(list([row], [{ header: '序号', field: 'seq' }]));
    expect(columns.map((c) => cellValue(row, c))).toEqual(['', '行政许可', '许可', '116', '20个工作日']);
  });
});

describe('mergeRuns', () => {
  const columns = [
    { header: '序号', field: 'seq' as const },
    { header: '事项名称', field: 'name' as const },
    { header: '子项', field: 'subItem' as const },
    { header: '备注', field: 'remark' as const },
  ];

  it('merges an item over its sub-item rows, and a cell the source shared over a group', () => {
    const items = [
      item({ subItem: cell('初审'), remark: cell('共用', ['merged']) }),
      item({ subItem: cell('复审'), remark: cell('共用') }),
      item({ seq: '2', name: cell('处罚'), remark: cell('共用') }),
    ];
    expect(mergeRuns(items, columns)).toEqual([
      { column: 0, from: 0, to: 1 },
      { column: 1, from: 0, to: 1 },
      { column: 3, from: 0, to: 1 },
    ]);
  });

  it('never merges different or empty texts, or equal names of different items', () => {
    const items = [item({ subItem: cell('') }), item({ subItem: cell('') }), item({ seq: '2', subItem: cell('甲') })];
    expect(mergeRuns(items, columns)).toEqual([]);
  });
});
