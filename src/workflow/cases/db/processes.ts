import { canonicalJson, sm3Hex } from '../../audit-log/index.js';
import { type ProcessDefinition, validateDefinition } from '../../process/index.js';
import { CaseError } from '../errors.js';
import { appendEvent, type Head, type Trx } from './log.js';
import type { WorkflowDb } from './tables.js';

export interface StoredProcess {
  id: string;
  version: number;
  /** The item (or flowchart key) the definition is for. */
  itemRef: string | null;
  name: string;
  createdAt: string;
  definition: ProcessDefinition;
}

export interface ProcessSummary {
  id: string;
  version: number;
  itemRef: string | null;
  name: string;
  createdAt: string;
}

export interface SaveOutcome {
  process: StoredProcess;
  status: 'created' | 'new-version' | 'unchanged';
}

type Row = { id: string; version: number; item_ref: string | null; name: string; json: string; created_at: string };

/** A row read back from the database, which anyone with access to it may have edited: its definition is parsed like any outside input. */
export function toStored(row: Row): StoredProcess {
  return storedOf(row, validateDefinition(JSON.parse(row.json)));
}

function storedOf(row: Row, definition: ProcessDefinition): StoredProcess {
  return { id: row.id, version: Number(row.version), itemRef: row.item_ref, name: row.name, createdAt: row.created_at, definition };
}

export async function getProcessRow(db: WorkflowDb | Trx, id: string, version?: number): Promise<Row | undefined> {
  let query = db.selectFrom('process_definition').selectAll().where('id', '=', id);
  query = version === undefined ? query.orderBy('version', 'desc') : query.where('version', '=', version);
  return query.limit(1).executeTakeFirst();
}

export async function latestForItem(db: WorkflowDb | Trx, itemRef: string): Promise<Row | undefined> {
  return db
    .selectFrom('process_definition')
    .selectAll()
    .where('item_ref', '=', itemRef)
    .orderBy('created_at', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Saves a definition: under `id` as its next version, else as the next version of the
 * item's definition, else under a new id. Saving what the latest version already holds
 * changes nothing. Every save is an event in the tamper-evident log. The definition comes
 * validated from the edge (an edited file, an API body, or derived from a list).
 */
export async function saveProcess(
  trx: Trx,
  head: Head,
  at: string,
  definition: ProcessDefinition,
  options: { id?: string; itemRef?: string | null },
): Promise<SaveOutcome> {
  const json = canonicalJson(definition);
  const itemRef = options.itemRef ?? (definition.source.kind === 'duties' ? (definition.source.itemRef ?? null) : null);
  const latest = options.id ? await getProcessRow(trx, options.id) : itemRef ? await latestForItem(trx, itemRef) : undefined;
  if (options.id && !latest) throw new CaseError('not-found', `没有编号为 ${options.id} 的流程定义`);
  // The latest version holds this very JSON, so the definition in hand is what parsing it would give.
  if (latest && latest.json === json) return { process: storedOf(latest, definition), status: 'unchanged' };
  const id = latest?.id ?? `P${head.nextProcess++}`;
  const version = latest ? Number(latest.version) + 1 : 1;
  const row: Row = { id, version, item_ref: latest?.item_ref ?? itemRef, name: definition.name, json, created_at: at };
  await trx.insertInto('process_definition').values(row).execute();
  await appendEvent(trx, head, null, at, 'process-saved', { processId: id, version, name: definition.name, itemRef: row.item_ref, sm3: sm3Hex(json) });
  return { process: storedOf(row, definition), status: latest ? 'new-version' : 'created' };
}

export async function listProcesses(db: WorkflowDb): Promise<ProcessSummary[]> {
  const rows = await db.selectFrom('process_definition').select(['id', 'version', 'item_ref', 'name', 'created_at']).orderBy('id').orderBy('version').execute();
  const latest = new Map<string, ProcessSummary>();
  for (const row of rows) {
    latest.set(row.id, { id: row.id, version: Number(row.version), itemRef: row.item_ref, name: row.name, createdAt: row.created_at });
  }
  return [...latest.values()].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}
