export { type AlignedPair, type AlignGroup, type Alignment, type AlignOptions, alignEntries, alignLists, type Comparison, DEFAULT_MIN_SCORE, type EntryInfo, type ListInfo } from './align.js';
export { type CitationResolver, type Citation, type CitedVersion, citationsOf, titleKey, titleResolver } from './citations.js';
export { type AlignEntry, type EntryRef, itemEntry, listEntries, sheetEntry } from './entry.js';
export type { Inconsistency, Side, SideNames } from './inconsistencies.js';
export { type PairScore, type Reason, SCORE_WEIGHTS, type ScoreComponent, scorePair } from './score.js';
export { type FieldText, itemFields, sheetFields } from './diff/fields.js';
export { type DiffCounts, type DiffEntry, type DiffItemRef, type DiffSide, type FieldChange, type ListDiff, diffLists } from './diff/list-diff.js';
export { afterText, beforeText, diffText, type Segment } from './diff/text-diff.js';
