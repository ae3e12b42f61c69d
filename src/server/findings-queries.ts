import { countBySeverity, describeRule, groupFindings, itemLabel, type SeverityCounts, severityRank } from '../audit/index.js';
import type { Finding, Severity } from '../model/index.js';
import { itemIdsByPosition } from './align-queries.js';
import { notFound } from '../problem/index.js';
import { listDetail } from './queries.js';
import type { ListDetail, StorePort } from './store-port.js';

/**
 * The findings of a list's latest version as the report page and /api/lists/:id/findings
 * show them: counted by severity and by rule, grouped by item.
 */

export type FindingOrigin = 'import' | 'audit';

/** A stored finding and who made it: the reader at import, or an audit rule. */
export type StoredFinding = Finding & { origin: FindingOrigin };

export interface RuleCount {
  ruleId: string;
  /** The rule's Chinese description; null for a rule this version of quanze does not know. */
  description: string | null;
  origin: FindingOrigin;
  count: number;
  counts: SeverityCounts;
}

export interface ItemFindings {
  itemId: string;
  /** The item's 序号 (or the number implied, or "#record"). */
  label: string;
  name: string;
  counts: SeverityCounts;
  findings: StoredFinding[];
}

export interface ListFindings {
  listId: string;
  versionId: string;
  versionNo: number;
  /** Whether an audit has saved its findings for this version (an audit can find nothing). */
  audited: boolean;
  total: number;
  counts: SeverityCounts;
  /** Most findings first. */
  rules: RuleCount[];
  /** Findings about the list as a whole, or about no item the version has. */
  list: StoredFinding[];
  /** Items with findings, in list order; each item's findings most severe first. */
  items: ItemFindings[];
}

export interface FindingsFilter {
  severity?: Severity | undefined;
  origin?: FindingOrigin | undefined;
}

/** Most severe first; the stored (file) order otherwise. */
export function bySeverity<T extends Finding>(findings: readonly T[]): T[] {
  return findings
    .map((f, i) => [f, i] as const)
    .sort(([a, i], [b, j]) => severityRank(b.severity) - severityRank(a.severity) || i - j)
    .map(([f]) => f);
}

function ruleCounts(findings: readonly StoredFinding[]): RuleCount[] {
  const byRule = new Map<string, StoredFinding[]>();
  for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  return [...byRule]
    .map(([ruleId, found]) => ({
      ruleId,
      description: describeRule(ruleId)?.description ?? null,
      origin: (found[0] as StoredFinding).origin,
      count: found.length,
      counts: countBySeverity(found),
    }))
    .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
}

/**
 * @example (await listFindings(store, '3', { severity: 'error' })).items[0]?.findings
 */
export async function listFindings(store: StorePort, listId: string, filter: FindingsFilter = {}): Promise<ListFindings> {
  const list: ListDetail = await listDetail(store, listId);
  const versionId = list.latestVersionId;
  const [imported, audit, powerList, ids] = await Promise.all([
    store.getFindings({ versionId, origin: 'import' }),
    store.getFindings({ versionId, origin: 'audit' }),
    store.getPowerList(versionId),
    itemIdsByPosition(store, versionId),
  ]);
  if (!powerList) throw notFound(`清单“${listId}”的最新版本已不存在`);
  const all: StoredFinding[] = [...imported.map((f) => ({ ...f, origin: 'import' as const })), ...audit.map((f) => ({ ...f, origin: 'audit' as const }))];
  const shown = all.filter((f) => (filter.severity === undefined || f.severity === filter.severity) && (filter.origin === undefined || f.origin === filter.origin));

  const positionOf = new Map<number, number>();
  powerList.items.forEach((item, i) => {
    if (!positionOf.has(item.provenance.record)) positionOf.set(item.provenance.record, i);
  });
  const grouped = groupFindings({
    items: powerList.items.map((item) => ({ record: item.provenance.record, label: itemLabel(item), name: item.name.text })),
    findings: shown,
  });
  const items = grouped.items.flatMap((entry) => {
    const itemId = ids.get(positionOf.get(entry.record) ?? -1);
    if (itemId === undefined) return [];
    const findings = bySeverity(entry.findings as StoredFinding[]);
    return [{ itemId, label: entry.label, name: entry.name, counts: countBySeverity(findings), findings }];
  });
  const placed = new Set(items.flatMap((i) => i.findings));
  return {
    listId: list.id,
    versionId,
    versionNo: list.versionNo,
    audited: list.auditedAt !== null,
    total: shown.length,
    counts: countBySeverity(shown),
    rules: ruleCounts(shown),
    list: bySeverity(shown.filter((f) => !placed.has(f))),
    items,
  };
}
