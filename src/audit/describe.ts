import type { Finding, Severity } from '../model/index.js';
import type { AnyRule } from './rule.js';
import { RULES } from './rules/index.js';
import type { CheckResult } from './runner.js';

export interface RuleDescription {
  id: string;
  /** Chinese: what the rule (or the reader) reports. */
  description: string;
  type: 'problem' | 'suggestion';
  severity: Severity;
  /** 'audit' for a rule of src/audit, 'import' for what a reader or cell grammar noticed. */
  origin: 'audit' | 'import';
}

/**
 * What a finding's rule id stands for, for pages and reports that show stored findings.
 *
 * @example describeRule('citation-outdated')?.description // '依据不应引用已被取代的法规版本…'
 */
export function describeRule(ruleId: string, rules: readonly AnyRule[] = RULES): RuleDescription | undefined {
  const rule = rules.find((r) => r.id === ruleId);
  if (rule) return { id: rule.id, description: rule.meta.docs.description, type: rule.meta.type, severity: rule.meta.severity, origin: 'audit' };
  if (/^(?:ingest|parse)\//.test(ruleId)) return { id: ruleId, description: '导入清单时发现的问题', type: 'problem', severity: 'warning', origin: 'import' };
  return undefined;
}

/** A list's findings as a report shows them: those about the list, then each item's. */
export interface GroupedFindings {
  list: Finding[];
  items: Array<{ record: number; label: string; name: string; findings: Finding[] }>;
}

/**
 * Groups a checked list's findings by item (by record), in item order; findings with no
 * item, or an item the list does not have, are the list's.
 */
export function groupFindings(result: Pick<CheckResult, 'items' | 'findings'>): GroupedFindings {
  const byRecord = new Map<number, Finding[]>();
  const records = new Set(result.items.map((i) => i.record));
  const list: Finding[] = [];
  for (const f of result.findings) {
    const record = f.place.record;
    if (record === undefined || !records.has(record)) list.push(f);
    else byRecord.set(record, [...(byRecord.get(record) ?? []), f]);
  }
  const items = result.items.flatMap((i) => {
    const findings = byRecord.get(i.record);
    return findings ? [{ ...i, findings }] : [];
  });
  return { list, items };
}
