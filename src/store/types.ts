import type { FileResidue, Finding, Level, PowerItem, PowerList, PowerType, PowerTypeName, ProcessSheet, Severity, Source } from '../model/index.js';
import type { DialectName } from './dialects/adapter.js';
import type { MigrationResult } from './migrations/index.js';
import type { SearchField } from './search/fields.js';
import type { SnippetSegment } from './search/snippet.js';

/**
 * Ids are positive integers written as decimal strings ("12"), allocated by the store in
 * import order; the same imports in the same order give the same ids on either database.
 */
export type Id = string;

export interface Page<T> {
  items: T[];
  /** Matching rows in all pages. */
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface ImportOutcome {
  status: 'created' | 'new-version' | 'unchanged';
  /** The list key the import was matched by (see listKey). */
  key: string;
  listId: Id;
  versionId: Id;
  /** 1 for the first version of a list. */
  versionNo: number;
  /** Items in that version. */
  items: number;
}

export interface ImportListOptions {
  /**
   * Which stored list this is a version of, instead of the key taken from the list itself
   * (department, title, file name): for a department that publishes two different lists,
   * or a list whose department was renamed between versions.
   */
  listKey?: string;
}

/** One list of a batch import: its outcome, or why it failed (the others still ran). */
export type ImportResult = ({ ok: true } & ImportOutcome) | { ok: false; file: string; code: string; error: string };

export interface ListSummary {
  id: Id;
  key: string;
  title: string | null;
  department: string | null;
  level: Level | null;
  region: string | null;
  itemCount: number;
  /** Items by known 权力类型, or by the cell's own text when the type is not recognised. */
  countsByType: Record<string, number>;
  /** Process sheets (办理流程图) the latest version holds besides its items, as in the 002 sample. */
  processCount: number;
  versionCount: number;
  latestVersionId: Id;
  versionNo: number;
  importedAt: string;
  /** When an audit last saved its findings for the latest version (even none); null: never audited. */
  auditedAt: string | null;
  /** The latest version's findings (the audit's and the import's) by severity. */
  findingCounts: Record<Severity, number>;
  sourceFile: string;
  sha256: string;
}

export interface ListVersionInfo {
  id: Id;
  versionNo: number;
  latest: boolean;
  sha256: string;
  importedAt: string;
  /** When an audit last saved its findings for this version; null: never audited. */
  auditedAt: string | null;
  itemCount: number;
  sourceFile: string;
  sourceFormat: string;
}

export interface ListDetail extends ListSummary {
  /** Oldest first. */
  versions: ListVersionInfo[];
  /** The latest version's list-level data; its items come from listItems / getPowerList. */
  metadata: {
    schemaVersion: 1;
    source: Source;
    columns: PowerList['columns'];
    residue: FileResidue[];
    processSheets: ProcessSheet[];
    /** What the reader noticed when the version was imported. */
    findings: Finding[];
  };
}

export interface ItemQuery {
  listId?: Id;
  versionId?: Id;
  type?: PowerTypeName;
  page?: number;
  pageSize?: number;
}

export interface ItemSummary {
  id: Id;
  listId: Id;
  versionId: Id;
  /** 0-based place in its version, in source order. */
  position: number;
  seq: string | null;
  impliedSeq: number | null;
  powerType: PowerType;
  name: string;
  subItem: string | null;
  subject: string | null;
  office: string | null;
  dutyCount: number;
  /** Provisions cited in 实施依据, 责任事项依据 and 追责依据 together. */
  provisionCount: number;
}

export interface ItemDetail extends ItemSummary {
  item: PowerItem;
  listTitle: string | null;
  department: string | null;
  sourceFile: string;
  versionNo: number;
  /** Whether the item belongs to its list's latest version. */
  latest: boolean;
}

export interface SearchQuery {
  q: string;
  type?: PowerTypeName;
  /** A department (the list's) or 实施主体 (the item's), compared after normalisation. */
  agency?: string;
  listId?: Id;
  level?: Level;
  page?: number;
  pageSize?: number;
}

export interface SearchHit extends ItemSummary {
  /** The first field, in SEARCH_FIELDS order, that contains the query. */
  field: SearchField;
  snippet: SnippetSegment[];
  listTitle: string | null;
  department: string | null;
}

export interface SearchPage extends Page<SearchHit> {
  /** False when there are more hits than were counted; `total` is then a lower bound. */
  totalExact: boolean;
}

export interface FindingQuery {
  versionId?: Id;
  itemId?: Id;
  /** "import": what the reader noticed; "audit": what saveFindings stored. Both by default. */
  origin?: 'import' | 'audit';
}

export interface Store {
  readonly dialect: DialectName;
  migrate(): Promise<MigrationResult[]>;
  importList(list: PowerList, options?: ImportListOptions): Promise<ImportOutcome>;
  importLists(lists: readonly PowerList[]): Promise<ImportResult[]>;
  listLists(): Promise<ListSummary[]>;
  getList(id: Id): Promise<ListDetail | null>;
  /** A stored version rebuilt as the PowerList that was imported. */
  getPowerList(versionId: Id): Promise<PowerList | null>;
  listItems(query?: ItemQuery): Promise<Page<ItemSummary>>;
  getItem(id: Id): Promise<ItemDetail | null>;
  search(query: SearchQuery): Promise<SearchPage>;
  saveFindings(versionId: Id, findings: readonly Finding[]): Promise<void>;
  getFindings(query?: FindingQuery): Promise<Finding[]>;
  /**
   * A token that differs after any commit to the database, by this store or by any other
   * connection or process, so a cache of what was read can tell cheaply (synchronously,
   * without a query) that it is still current. Null when the database cannot tell cheaply
   * (PostgreSQL): read what may have changed instead. Take it before reading.
   */
  changeToken(): string | null;
  close(): Promise<void>;
}
