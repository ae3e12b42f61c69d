import type { FieldName, PowerItem } from '../../model/index.js';
import { type ExportColumn, cellValue, isShared } from './columns.js';

/** Cells an item's sub-item rows share in a published list. */
const ITEM_LEVEL: ReadonlySet<FieldName> = new Set(['seq', 'powerType', 'name', 'subject', 'office', 'localCode', 'serviceLevel']);

/** A vertical run of equal cells to merge: column index and first/last item index, inclusive. */
export interface MergeRun {
  column: number;
  from: number;
  to: number;
}

/** Rows of the same item that differ in 子项: same 序号 and 事项名称, both with a 子项. */
export function sameItem(a: PowerItem, b: PowerItem): boolean {
  return (
    a.name.text !== '' &&
    a.name.text === b.name.text &&
    (a.seq ?? '') === (b.seq ?? '') &&
    Boolean(a.subItem?.text) &&
    Boolean(b.subItem?.text)
  );
}

function joins(a: PowerItem, b: PowerItem, column: ExportColumn): boolean {
  const value = cellValue(a, column);
  if (value === '' || value !== cellValue(b, column)) return false;
  if (isShared(a, column) || isShared(b, column)) return true;
  return column.field !== null && ITEM_LEVEL.has(column.field) && sameItem(a, b);
}

/**
 * Where a list laid out like a published one merges cells: an item's own cells over the
 * rows of its sub-items, and cells the source had merged over a group of items (a 备注
 * shared by several rows). Only equal texts are merged, so reading the merge back gives
 * every row its text again.
 */
export function mergeRuns(items: readonly PowerItem[], columns: readonly ExportColumn[]): MergeRun[] {
  const runs: MergeRun[] = [];
  columns.forEach((column, c) => {
    let from = 0;
    for (let i = 1; i <= items.length; i++) {
      const a = items[i - 1] as PowerItem;
      const b = items[i];
      if (b && joins(a, b, column)) continue;
      if (i - 1 > from) runs.push({ column: c, from, to: i - 1 });
      from = i;
    }
  });
  return runs;
}
