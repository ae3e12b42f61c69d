/**
 * The table shape every table reader (XLSX, CSV, DOCX, HTML, PDF) brings its input to, and
 * `readGrid`, which turns it into records.
 */
export {
  applyMerges,
  type Block,
  colSpanAt,
  isVerticallyMerged,
  joinWrapped,
  type MergeRange,
  placeSpans,
  plainTable,
  type Slot,
  type SpanCell,
  slotText,
  type TableBlock,
  type TextBlock,
} from './blocks.js';
export { readGrid } from './records.js';
