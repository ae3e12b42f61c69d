import { type AuditOptions, auditVersion, countBySeverity, type SeverityCounts } from '../audit/index.js';
import { importBytes, type ImportOptions } from '../ingest/index.js';
import type { PowerList } from '../model/index.js';
import { pacer } from '../pace/index.js';
import type { Store } from '../store/index.js';
import type { ImportOutcome } from '../store/index.js';

/** What publishing needs of the store: importing a list, and auditing a stored version. */
export type ListWriter = Pick<Store, 'importList' | 'getList' | 'getPowerList' | 'saveFindings'>;

export interface PublishOptions {
  /** Read as this format instead of detecting it. */
  from?: ImportOptions['from'];
  /** The list this file is a version of (see ImportListOptions.listKey); by default matched by department. */
  listKey?: string;
  /** The law library and check date the new version is audited with; without them it is stored unaudited. */
  audit?: AuditOptions;
}

/** A file published: how the store took it, and what the import and the audit found. */
export interface Published {
  outcome: ImportOutcome;
  title: string | null;
  department: string | null;
  /** Findings of the import (the readers and grammars), by severity. */
  importFindings: SeverityCounts;
  /**
   * Findings of the audit of the version, by severity; null when it was not audited (no
   * library, the audit failed, or the store already held the file and had audited it).
   */
  auditFindings: SeverityCounts | null;
  /** Why the version stored could not be audited (it stays 未核查 until a later publish or check --db); null if nothing failed. */
  auditError: string | null;
}

/**
 * Imports a list file into the store, as one transaction, and audits the version it made:
 * what a department does to publish its list, through the portal's upload form or the API.
 * A file the store already holds is not stored again, and audited only if it never was.
 * Throws the ImportError of a file that cannot be read, before anything is stored; an audit
 * that fails after the import committed is told in `auditError`, not thrown, since the
 * version is stored either way.
 *
 * @example const published = await publishFile(store, '权责清单.xlsx', bytes, { audit: { library, today: '2026-11-23' } });
 */
export async function publishFile(store: ListWriter, name: string, bytes: Uint8Array, options: PublishOptions = {}): Promise<Published> {
  const list = await importBytes(name, bytes, options.from ? { from: options.from } : {});
  return publishList(store, list, options);
}

/**
 * publishFile for a list already read (`quanze import --db` reads large files as a stream).
 *
 * A large list is seconds of work (4.5 s for a 10 MB upload) done in the request that
 * publishes it. Each stage (reading, the store's import, the audit) is paced: it lets the
 * event loop go round every few tens of milliseconds, and always between stages, so that the
 * site goes on answering others meanwhile. Paced rather than moved to a worker thread: the
 * store's transaction runs on its connection, in this thread (SQLite in memory, PostgreSQL's
 * client), and a list sent to another thread arrives as one structured clone, 300 ms for a
 * 10 MB list, itself a longer stop than any pacing leaves.
 */
export function publishList(store: ListWriter, list: PowerList, options: Omit<PublishOptions, 'from'> = {}): Promise<Published> {
  return oneAtATime(store, () => importAndAudit(store, list, options));
}

/**
 * Publishes into one store run one after another. Paced, two at once would each hold the
 * database meanwhile (on PostgreSQL a pooled client each, waiting on the import lock), and a
 * file sent twice at once would be audited twice: the second finds it stored but not yet
 * audited. In turn, the second finds it audited.
 */
const queues = new WeakMap<ListWriter, Promise<unknown>>();

function oneAtATime<T>(store: ListWriter, work: () => Promise<T>): Promise<T> {
  const turn = (queues.get(store) ?? Promise.resolve()).then(work);
  queues.set(
    store,
    turn.catch(() => {}),
  );
  return turn;
}

async function importAndAudit(store: ListWriter, list: PowerList, options: Omit<PublishOptions, 'from'>): Promise<Published> {
  await pacer.pause();
  const outcome = await store.importList(list, options.listKey === undefined ? {} : { listKey: options.listKey });
  const published = { outcome, title: list.title, department: list.department, importFindings: countBySeverity(list.findings) };
  if (!options.audit || !(await needsAudit(store, outcome))) return { ...published, auditFindings: null, auditError: null };
  await pacer.pause();
  try {
    const audited = await auditVersion(store, outcome.versionId, options.audit);
    return { ...published, auditFindings: countBySeverity(audited.result.findings), auditError: null };
  } catch (error) {
    return { ...published, auditFindings: null, auditError: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A new version is audited; one the store already held only if it never was (its audit
 * failed, or it came in without a library): publishing the same file again is the way to
 * have it audited, since nothing else about it changed.
 */
async function needsAudit(store: ListWriter, outcome: ImportOutcome): Promise<boolean> {
  if (outcome.status !== 'unchanged') return true;
  const list = await store.getList(outcome.listId);
  return list !== null && list.latestVersionId === outcome.versionId && list.auditedAt === null;
}
