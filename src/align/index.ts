/**
 * Alignment of lists (the same power across departments and levels) and diffs between
 * versions of a list. Everything returned is data, ready to render: text segments, never HTML,
 * except renderDiffHtml, which escapes everything, for the CLI.
 */
export {
  type AlignedPair,
  type AlignGroup,
  type Alignment,
  type AlignOptions,
  alignEntries,
  alignLists,
  type Comparison,
  DEFAULT_MIN_SCORE,
  type EntryInfo,
  type ListInfo,
} from './align.js';
export { type Citation, type CitationResolver, type CitedVersion, citationsOf, titleKey, titleResolver } from './citations.js';
export { registryResolver } from './registry-resolver.js';
export { type AlignEntry, type EntryRef, itemEntry, listEntries, sheetEntry } from './entry.js';
export type { Inconsistency, Side, SideNames } from './inconsistencies.js';
export { type PairScore, type Reason, SCORE_WEIGHTS, type ScoreComponent, scorePair } from './score.js';
export { type FieldText, itemFields, sheetFields } from './diff/fields.js';
export { type DiffCounts, type DiffEntry, type DiffItemRef, type DiffSide, type FieldChange, type ListDiff, diffLists } from './diff/list-diff.js';
export { afterText, beforeText, diffText, type Segment } from './diff/text-diff.js';
export { condense, type DisplaySegment, ELISION } from './render/condense.js';
export { renderAlignmentText } from './render/alignment-text.js';
export { alignmentXlsx } from './render/alignment-xlsx.js';
export { renderDiffText } from './render/diff-text.js';
export { escapeHtml, renderDiffHtml } from './render/diff-html.js';
export { AlignError, type AlignErrorCode, alignStoredLists, diffStoredVersions, isAlignError, parseVersionSelector, type VersionSelector, type VersionStore } from './stored.js';
