export { extractCitations, kindWord, titleKind } from './extract.js';
export { readVersionHints } from './hints.js';
export { type CellCitations, citationsOfItem, lineAt, spanText } from './item.js';
export { buildLexicon, type TitleLexicon, titleLexicon } from './lexicon.js';
export { normalizeForCitations } from './normalize.js';
export { type CitationPattern, DATE_PATTERN, HINT_EVENTS, PATTERNS, TITLE_SUFFIXES, YEAR_PATTERN } from './patterns.js';
export { readRefs } from './refs.js';
export type { Citation, CitationVia, CitedRef, ExtractOptions, HintEvent, Span, TitleKind, VersionHint } from './types.js';
