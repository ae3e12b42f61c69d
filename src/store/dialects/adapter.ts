import type { Level, PowerTypeName } from '../../model/index.js';
import type { SearchDocument } from '../search/document.js';
import type { Db } from '../tables.js';

export type DialectName = 'sqlite' | 'postgres';

/** Search filters, already normalised. */
export interface SearchFilter {
  listId?: number;
  type?: PowerTypeName;
  level?: Level;
  /** Normalised department or 实施主体 name, or part of one. */
  agency?: string;
}

/** A normalised query and the grams it needs (see search/grams.ts). */
export interface SearchPlan {
  query: string;
  grams: string[];
}

/** "title" holds 事项名称 and 子项; "all" holds every searchable field, title ones included. */
export type SearchZone = 'title' | 'all';

export interface SearchRequest {
  zone: SearchZone;
  plan: SearchPlan;
  filter: SearchFilter;
  /** Leave out documents that also match in the title zone. */
  excludeTitle: boolean;
}

/**
 * A dialect's search index. Whatever the mechanism, `find` and `count` must return exactly
 * the documents whose zone text contains `plan.query` as a substring, in document id order.
 */
export interface SearchIndex {
  create(db: Db): Promise<void>;
  add(db: Db, docs: readonly SearchDocument[]): Promise<void>;
  /** Forgets a list's documents; called before its search_docs rows go. */
  removeList(db: Db, listId: number): Promise<void>;
  find(db: Db, request: SearchRequest, window: { offset: number; limit: number }): Promise<number[]>;
  /** The number of matching documents, counting no further than `limit`. */
  count(db: Db, request: SearchRequest, limit: number): Promise<number>;
}

/**
 * What differs between databases, in one place: the store's code asks the adapter and
 * never tests which database it is talking to.
 */
export interface DialectAdapter {
  readonly name: DialectName;
  /** Bound parameters one statement may carry. */
  readonly maxParameters: number;
  /** Column type for 64-bit integers that are keys (SQLite's rowid-backed "integer"). */
  readonly int64Type: 'integer' | 'bigint';
  /** Column type for byte strings (they come back as Buffers). */
  readonly bytesType: 'blob' | 'bytea';
  /** Starts a transaction holding the database's write lock, so writers queue instead of failing. */
  beginWrite(db: Db): Promise<void>;
  /** Whether a table exists where unqualified names resolve (PostgreSQL: the search_path). */
  tableExists(db: Db, name: string): Promise<boolean>;
  readonly search: SearchIndex;
}
