import type { Finding } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type AuditOptions, type CheckResult, checkListPaced } from './runner.js';

/** What checking one stored list did: its result and whether its findings were saved. */
export type StoredCheck =
  | { ok: true; listId: string; versionId: string; result: CheckResult; saved: number }
  | { ok: false; listId: string; versionId: string; error: string };

/**
 * Audits the latest version of every list in a store and saves each version's audit findings
 * (replacing those of an earlier audit; import findings stay). One list failing does not stop
 * the others: each list has its own outcome.
 *
 * @example for (const r of await auditStore(store, { library, today })) if (!r.ok) console.error(r.error)
 */
export async function auditStore(store: Store, options: AuditOptions, onList?: (done: number, total: number) => void): Promise<StoredCheck[]> {
  const lists = await store.listLists();
  const out: StoredCheck[] = [];
  for (const [index, summary] of lists.entries()) {
    const ids = { listId: summary.id, versionId: summary.latestVersionId };
    try {
      const { result, saved } = await auditVersion(store, summary.latestVersionId, options);
      out.push({ ok: true, ...ids, result, saved });
    } catch (error) {
      out.push({ ok: false, ...ids, error: error instanceof Error ? error.message : String(error) });
    }
    onList?.(index + 1, lists.length);
  }
  return out;
}

/**
 * Audits one stored version and saves its audit findings (replacing those of an earlier
 * audit; import findings stay). `saved` counts the audit's own findings.
 */
export async function auditVersion(
  store: Pick<Store, 'getPowerList' | 'saveFindings'>,
  versionId: string,
  options: AuditOptions,
): Promise<{ result: CheckResult; saved: number }> {
  const list = await store.getPowerList(versionId);
  if (!list) throw new Error(`清单版本 ${versionId} 不存在`);
  const result = await checkListPaced(list, options);
  const reader = new Set<Finding>(list.findings);
  const audit = result.findings.filter((f) => !reader.has(f));
  await store.saveFindings(versionId, audit);
  return { result, saved: audit.length };
}
