/**
 * quanze's store: lists, their versions and items in SQLite (embedded, default) or
 * PostgreSQL, with versioned migrations and Chinese substring search. No SQL leaves here.
 */
export { openStore, defaultDatabaseUrl, isPostgresUrl, type StoreOptions } from './open-store.js';
export { StoreError, isStoreError, type StoreErrorCode } from './errors.js';
export type { MigrationResult } from './migrations/index.js';
export type { DialectName } from './dialects/adapter.js';
export { listKey, contentHash } from './write/identity.js';
export { normalizeForSearch } from './search/normalize.js';
export { SEARCH_FIELDS, type SearchField } from './search/fields.js';
export type { SnippetSegment } from './search/snippet.js';
export { referenceMatches } from './search/reference.js';
export { SEARCH_TOTAL_CAP, DEFAULT_SEARCH_PAGE_SIZE } from './search/search.js';
export { MAX_PAGE_SIZE } from './read/paging.js';
export type {
  Id,
  ImportListOptions,
  ImportOutcome,
  ImportResult,
  ItemDetail,
  ItemQuery,
  ItemSummary,
  ListDetail,
  ListSummary,
  ListVersionInfo,
  FindingQuery,
  Page,
  SearchHit,
  SearchPage,
  SearchQuery,
  Store,
} from './types.js';
