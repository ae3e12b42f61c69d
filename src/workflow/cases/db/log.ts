import type { Transaction } from 'kysely';
import { type ChainedEvent, canonicalJson, seal } from '../../audit-log/index.js';
import type { WorkflowDb, WorkflowTables } from './tables.js';

export type Trx = Transaction<WorkflowTables>;

export interface Head {
  seq: number;
  hash: string;
  nextCase: number;
  nextProcess: number;
}

/**
 * Takes the log's write lock and reads its head. The first statement is a write, so SQLite
 * takes its write lock at once (and waits for another writer) and PostgreSQL locks the row:
 * appends are serialised across processes and connections.
 */
export async function lockHead(trx: Trx): Promise<Head> {
  await trx
    .updateTable('workflow_chain_head')
    .set((eb) => ({ touched: eb('touched', '+', 1) }))
    .where('id', '=', 1)
    .execute();
  const row = await trx.selectFrom('workflow_chain_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash, nextCase: Number(row.next_case), nextProcess: Number(row.next_process) };
}

export async function saveHead(trx: Trx, head: Head): Promise<void> {
  await trx
    .updateTable('workflow_chain_head')
    .set({ seq: head.seq, hash: head.hash, next_case: head.nextCase, next_process: head.nextProcess })
    .where('id', '=', 1)
    .execute();
}

/** Appends one event after the head (locked by the caller) and moves the head on. */
export async function appendEvent(trx: Trx, head: Head, caseId: string | null, at: string, kind: string, data: unknown): Promise<ChainedEvent> {
  const event = seal(head.hash, { seq: head.seq + 1, caseId, at, kind, data: canonicalJson(data) });
  await trx
    .insertInto('case_event')
    .values({ seq: event.seq, case_id: event.caseId, at: event.at, kind: event.kind, data: event.data, prev_hash: event.prevHash, hash: event.hash })
    .execute();
  head.seq = event.seq;
  head.hash = event.hash;
  return event;
}

type EventRow = WorkflowTables['case_event'];

export function toChained(row: EventRow): ChainedEvent {
  return { seq: Number(row.seq), caseId: row.case_id, at: row.at, kind: row.kind, data: row.data, prevHash: row.prev_hash, hash: row.hash };
}

/** Every event in seq order, fetched a page at a time so a long log streams. */
export async function* readLog(db: WorkflowDb, pageSize = 2000): AsyncGenerator<ChainedEvent> {
  let after = Number.NEGATIVE_INFINITY;
  for (;;) {
    let query = db.selectFrom('case_event').selectAll().orderBy('seq').limit(pageSize);
    if (after !== Number.NEGATIVE_INFINITY) query = query.where('seq', '>', after);
    const rows = await query.execute();
    for (const row of rows) yield toChained(row);
    if (rows.length < pageSize) return;
    after = Number((rows.at(-1) as EventRow).seq);
  }
}

export async function readHead(db: WorkflowDb): Promise<{ seq: number; hash: string }> {
  const row = await db.selectFrom('workflow_chain_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash };
}
