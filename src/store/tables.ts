import type { Kysely } from 'kysely';

/**
 * The tables every dialect has, as Kysely sees them. Ids are integers the store allocates
 * inside its write transaction (so both databases number alike); the API shows them as
 * decimal strings. JSON goes into text columns, timestamps are ISO-8601 text, booleans 0/1.
 */
export interface ListTable {
  id: number;
  list_key: string;
  created_at: string;
}

export interface ListVersionTable {
  id: number;
  list_id: number;
  version_no: number;
  is_latest: number;
  sha256: string;
  content_hash: string;
  source_file: string;
  source_format: string;
  source_bytes: number;
  title: string | null;
  department: string | null;
  region: string | null;
  level: string | null;
  item_count: number;
  counts_by_type: string;
  imported_at: string;
  /** When saveFindings last ran for the version (0003); null: never audited. */
  audited_at: string | null;
  /** JSON: schemaVersion, columns, residue, processSheets. */
  meta: string;
}

export interface ItemTable {
  id: number;
  version_id: number;
  list_id: number;
  position: number;
  /** provenance.record and line span, for placing findings on items. */
  record: number;
  first_line: number;
  last_line: number;
  seq: string | null;
  implied_seq: number | null;
  power_type: string | null;
  power_type_raw: string;
  name: string;
  sub_item: string | null;
  subject: string | null;
  office: string | null;
  duty_count: number;
  provision_count: number;
  /** JSON of the whole PowerItem, exactly as imported. */
  data: string;
}

export interface ProvisionTable {
  item_id: number;
  field: string;
  ordinal: number;
  /** 责任事项依据 entry key ("1-1", "同1"), null in other fields. */
  entry_key: string | null;
  label: string | null;
  level: string | null;
  title: string | null;
  note: string | null;
  refs: string;
  text: string;
}

export interface DutyTable {
  item_id: number;
  ordinal: number;
  no: number;
  name: string;
  heading: string;
  unit: string | null;
  text: string;
  documents: string;
}

export interface FindingTable {
  version_id: number;
  origin: string;
  ordinal: number;
  item_id: number | null;
  rule_id: string;
  message_id: string;
  severity: string;
  message: string;
  /** JSON of the whole Finding, exactly as given. */
  finding: string;
}

/** One row per item of a list's latest version: what search finds. */
export interface SearchDocTable {
  doc_id: number;
  item_id: number;
  list_id: number;
  version_id: number;
  /**
   * Each searchable field's display text, as JSON in UTF-16LE (storedFieldTexts, 0004): what
   * a hit's snippet is cut from, without reading the item's whole JSON.
   */
  texts: Buffer;
}

export interface MigrationTable {
  name: string;
  applied_at: string;
}

export interface Tables {
  lists: ListTable;
  list_versions: ListVersionTable;
  items: ItemTable;
  provisions: ProvisionTable;
  duties: DutyTable;
  findings: FindingTable;
  search_docs: SearchDocTable;
  quanze_migrations: MigrationTable;
}

export type Db = Kysely<Tables>;
