import type { Store } from '../store/index.js';

/**
 * The part of the store the server reads; the server never writes. Tests and the CLI pass
 * the real Store, which has all of it. `changeToken` tells the page cache when to look again.
 */
export type StorePort = Pick<Store, 'listLists' | 'getList' | 'getPowerList' | 'listItems' | 'getItem' | 'search' | 'getFindings' | 'changeToken'>;

export type {
  FindingQuery,
  ItemDetail,
  ItemQuery,
  ItemSummary,
  ListDetail,
  ListSummary,
  ListVersionInfo,
  Page,
  SearchHit,
  SearchPage,
  SearchQuery,
  SnippetSegment,
} from '../store/index.js';
