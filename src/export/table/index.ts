export { cellValue, exportColumns, isShared, type ExportColumn } from './columns.js';
export { mergeRuns, sameItem, type MergeRun } from './merges.js';
export { listTitle } from './title.js';
export { sheetFacts } from './process-sheet.js';
