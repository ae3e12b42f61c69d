import { describe, expect, it } from 'vitest';
import type { Place } from '../../model/index.js';
import { finding } from '../testing/factories.js';
import { type ItemPlace, itemLocator, needsParts } from './place-items.js';

const locate = itemLocator([
  { id: 11, record: 0, firstLine: 1, lastLine: 4, seq: '1' },
  { id: 12, record: 1, firstLine: 5, lastLine: 9, seq: null },
  { id: 13, record: 2, firstLine: 10, lastLine: 12, seq: '11' },
]);

describe('itemLocator', () => {
  it.each<[Place, number | null]>([
    [{ record: 1 }, 12],
    [{ record: 1, line: 11, item: '1' }, 12],
    [{ line: 11 }, 13],
    [{ item: '1' }, 11],
    [{ item: ' 11 ' }, 13],
    [{ item: '12' }, 12],
    [{ record: 7 }, null],
    [{ file: 'a.txt' }, null],
  ])('%j → %s', (place, id) => {
    expect(locate(finding({ place }))).toBe(id);
  });
});

/** A workbook of two sheets, each numbering its rows from 1 and its items from 序号 1. */
const WORKBOOK: ItemPlace[] = [
  { id: 21, record: 0, firstLine: 2, lastLine: 2, seq: '1', sheet: '许可' },
  { id: 22, record: 1, firstLine: 3, lastLine: 3, seq: '2', sheet: '许可' },
  { id: 23, record: 2, firstLine: 2, lastLine: 2, seq: '1', sheet: '处罚' },
  { id: 24, record: 3, firstLine: 4, lastLine: 5, seq: '2', sheet: '处罚' },
];

/** A PDF numbers its lines through the file; an item says the page it begins on. */
const PDF: ItemPlace[] = [
  { id: 31, record: 0, firstLine: 3, lastLine: 9, seq: '1', page: 1 },
  // Cut by the page break: begins on page 1, its last line is on page 2.
  { id: 32, record: 1, firstLine: 10, lastLine: 14, seq: '2', page: 1 },
  { id: 33, record: 2, firstLine: 15, lastLine: 20, seq: '3', page: 2 },
];

describe('itemLocator on files of several sheets or pages', () => {
  it.each<[string, ItemPlace[], Place, number | null]>([
    ['a line of the second sheet, not the first sheet’s item on that line', WORKBOOK, { sheet: '处罚', line: 2 }, 23],
    ['a line of the first sheet', WORKBOOK, { sheet: '许可', line: 2 }, 21],
    ['a line of a sheet where no item stands, though another sheet has one there', WORKBOOK, { sheet: '处罚', line: 3 }, null],
    ['a line inside an item of two rows on its sheet', WORKBOOK, { sheet: '处罚', line: 5 }, 24],
    ['a line of a sheet the items do not name', WORKBOOK, { sheet: '说明', line: 2 }, null],
    ['a line with no sheet that both sheets have an item on is no item’s', WORKBOOK, { line: 2 }, null],
    ['a line with no sheet that one sheet has an item on', WORKBOOK, { line: 3 }, 22],
    ['a line with no sheet inside an item of two rows, the other sheet having none there', WORKBOOK, { line: 5 }, 24],
    ['the record decides before the sheet is looked at', WORKBOOK, { sheet: '许可', record: 2, line: 2 }, 23],
    ['a 序号 of the sheet named', WORKBOOK, { sheet: '处罚', item: '2' }, 24],
    ['a 序号 without a sheet that both sheets number is no item’s', WORKBOOK, { item: '2' }, null],
    ['a line without a sheet on both sheets is not settled by a 序号', WORKBOOK, { line: 2, item: '1' }, null],
    ['a 序号 no item of the named sheet has is no store id either', WORKBOOK, { sheet: '说明', item: '1' }, null],
    ['the line decides before the 序号', WORKBOOK, { sheet: '处罚', line: 2, item: '2' }, 23],
    ['items that name no sheet (stored before sheets were) match any sheet', WORKBOOK.map(({ sheet, ...rest }) => rest), { sheet: '处罚', line: 2 }, 21],
    ['a PDF line on the page its item begins on', PDF, { page: 1, line: 5 }, 31],
    ['a PDF line on the page a cut row runs on to', PDF, { page: 2, line: 12 }, 32],
    ['a PDF line on a page before its item begins is not that item', PDF, { page: 1, line: 16 }, null],
    ['a PDF line with no page', PDF, { line: 16 }, 33],
  ])('%s', (_what, items, place, id) => {
    expect(itemLocator(items)(finding({ place }))).toBe(id);
  });
});

describe('needsParts', () => {
  it.each<[string, Place, boolean]>([
    ['a sheet and a line not placed by a record', { sheet: '处罚', line: 2 }, true],
    ['a sheet and a 序号', { sheet: '处罚', item: '1' }, true],
    ['a page and a line', { page: 2, line: 12 }, true],
    ['a sheet and a line with a record of the items', { sheet: '处罚', line: 2, record: 2 }, false],
    ['a sheet and a line with a record no item has', { sheet: '处罚', line: 2, record: 9 }, true],
    ['a line without sheet or page: it may be on several sheets', { line: 2 }, true],
    ['a 序号 without sheet or page', { item: '1' }, true],
    ['a line without sheet or page with a record of the items', { line: 2, record: 0 }, false],
    ['a sheet alone', { sheet: '处罚' }, false],
  ])('%s → %s', (_what, place, needed) => {
    expect(needsParts(WORKBOOK, [finding({ place })])).toBe(needed);
  });
});
