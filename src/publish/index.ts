import { type AuditOptions, auditVersion, countBySeverity, type SeverityCounts } from '../audit/index.js';
import { importBytes, type ImportOptions } from '../ingest/index.js';
import type { PowerList } from '../model/index.js';
import type { Store } from '../store/index.js';
import type { ImportOutcome } from '../store/index.js';

/** What publishing needs of the store: importing a list, and auditing a stored version. */
export type ListWriter = Pick<Store, 'importList' | 'getPowerList' | 'saveFindings'>;

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
  /** Findings of the audit of the new version, by severity; null when it was not audited (unchanged, or no library). */
  auditFindings: SeverityCounts | null;
}

/**
 * Imports a list file into the store, as one transaction, and audits the version it made:
 * what a department does to publish its list, through the portal's upload form or the API.
 * A file the store already holds is not stored or audited again. Throws the ImportError of
 * a file that cannot be read, before anything is stored.
 *
 * @example const published = await publishFile(store, '权责清单.xlsx', bytes, { audit: { library, today: '2026-11-23' } });
 */
export async function publishFile(store: ListWriter, name: string, bytes: Uint8Array, options: PublishOptions = {}): Promise<Published> {
  const list = await importBytes(name, bytes, options.from ? { from: options.from } : {});
  return publishList(store, list, options);
}

/** publishFile for a list already read (`quanze import --db` reads large files as a stream). */
export async function publishList(store: ListWriter, list: PowerList, options: Omit<PublishOptions, 'from'> = {}): Promise<Published> {
  const outcome = await store.importList(list, options.listKey === undefined ? {} : { listKey: options.listKey });
  const audited = outcome.status !== 'unchanged' && options.audit ? await auditVersion(store, outcome.versionId, options.audit) : null;
  return {
    outcome,
    title: list.title,
    department: list.department,
    importFindings: countBySeverity(list.findings),
    auditFindings: audited ? countBySeverity(audited.result.findings) : null,
  };
}
