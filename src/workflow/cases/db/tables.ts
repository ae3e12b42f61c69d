import type { ColumnType, Generated, Kysely } from 'kysely';

/** process_definition: every saved version of every definition; (id, version) is immutable. */
export interface ProcessDefinitionTable {
  id: string;
  version: number;
  item_ref: string | null;
  name: string;
  /** The definition as validated JSON. */
  json: string;
  created_at: string;
}

/**
 * case: the current state of each case, a projection of its events kept in the same
 * transaction. Dates are ISO text, so the overdue and at-risk queries compare strings.
 */
export interface CaseTable {
  id: string;
  item_ref: string | null;
  process_id: string;
  process_version: number;
  department: string;
  title: string;
  status: string;
  opened_on: string;
  opened_at: string;
  current_step: string | null;
  current_step_name: string | null;
  /** The earliest running deadline: what "overdue" and "at risk" compare. */
  due_date: string | null;
  due_kind: string | null;
  statutory_due: string | null;
  promised_due: string | null;
  /** Set while paused: the clock stopped that day. */
  paused_since: string | null;
  closed_on: string | null;
  /** 1 closed on time, 0 late, null no statutory deadline or not closed. */
  on_time: number | null;
  /** The applicant or party as 立案 recorded it, in full (lists mask it for the public); null when none was. */
  party_name: string | null;
  party_kind: string | null;
  party_contact: string | null;
  last_seq: number;
  updated_at: string;
  /** The full CaseState as JSON. */
  state: string;
  /** The item snapshot as JSON. */
  snapshot: string;
}

export interface CaseStepTable {
  case_id: string;
  step_id: string;
  position: number;
  name: string;
  status: string;
  entered_on: string | null;
  completed_on: string | null;
  due_date: string | null;
}

export interface CaseDocumentTable {
  case_id: string;
  event_seq: number;
  step_id: string;
  name: string;
  file_name: string | null;
  sha256: string | null;
  bytes: number | null;
  attached_on: string;
}

/** Append-only: rows are inserted, never updated or deleted. */
export interface CaseEventTable {
  seq: number;
  case_id: string | null;
  at: string;
  kind: string;
  data: string;
  prev_hash: string;
  hash: string;
}

/** One row: the chain's head (for appending and truncation checks) and the id counters. */
export interface ChainHeadTable {
  id: number;
  seq: number;
  hash: string;
  next_case: number;
  next_process: number;
  touched: Generated<number>;
}

/**
 * signed_out_session: portal sessions signed out before they expired, by a hash of the
 * session id, never the id; a row is pruned once its session would have expired anyway.
 */
export interface SignedOutSessionTable {
  id_hash: string;
  /** Seconds since the epoch; a bigint, which PostgreSQL returns as a string. */
  expires: ColumnType<number | string, number, number>;
}

export interface WorkflowTables {
  process_definition: ProcessDefinitionTable;
  case: CaseTable;
  case_step: CaseStepTable;
  case_document: CaseDocumentTable;
  case_event: CaseEventTable;
  workflow_chain_head: ChainHeadTable;
  signed_out_session: SignedOutSessionTable;
}

export type WorkflowDb = Kysely<WorkflowTables>;
