export { type LawLibrary, lawText, makeLibrary, openLawLibrary, textKey } from './library.js';
export { articleFullText, checkQuote, clauses, compactText, nearestStretch, type QuoteCheck, type QuoteDifference } from './quote.js';
export { basisNote, effectivePhrase, resolveCitation, resolveCitations } from './resolve.js';
export { NAME_TYPOS, titleIssues } from './titles.js';
export type { CitationIssue, IssueCode, ResolvedCitation, ResolvedRef, ResolveOptions, Target } from './types.js';
export { type ChosenVersion, type UnmatchedHint, type VersionBasis, versionFromHints, versionLabel, versionOn } from './version.js';
