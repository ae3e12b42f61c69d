import type { Finding, PowerItem, PowerList, Provision } from '../../model/index.js';
import { storableText } from '../search/normalize.js';
import type { DutyTable, FindingTable, ItemTable, ProvisionTable } from '../tables.js';

/** Pure mappings from the model to table rows. */

const PROVISION_FIELDS = ['basis', 'dutyBasis', 'accountabilityBasis'] as const;

function text(value: string): string;
function text(value: string | undefined | null): string | null;
function text(value: string | undefined | null): string | null {
  return value === undefined || value === null ? null : storableText(value);
}

/** The type an item counts under: its known type, else what the cell said. */
export function typeLabel(item: PowerItem): string {
  return item.powerType.type ?? (item.powerType.raw.trim() || '（未填）');
}

export function countsByType(items: readonly PowerItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[typeLabel(item)] = (counts[typeLabel(item)] ?? 0) + 1;
  return counts;
}

function provisionEntries(item: PowerItem): { field: string; entryKey: string | null; provision: Provision }[] {
  const out: { field: string; entryKey: string | null; provision: Provision }[] = [];
  for (const field of PROVISION_FIELDS) {
    if (field === 'dutyBasis') {
      for (const entry of item.dutyBasis?.entries ?? []) {
        for (const provision of entry.provisions) out.push({ field, entryKey: entry.key, provision });
      }
    } else {
      for (const provision of item[field]?.provisions ?? []) out.push({ field, entryKey: null, provision });
    }
  }
  return out;
}

export function itemRow(ids: { id: number; versionId: number; listId: number }, position: number, item: PowerItem): ItemTable {
  return {
    id: ids.id,
    version_id: ids.versionId,
    list_id: ids.listId,
    position,
    record: item.provenance.record,
    first_line: item.provenance.firstLine,
    last_line: item.provenance.lastLine,
    seq: text(item.seq),
    implied_seq: item.impliedSeq ?? null,
    power_type: item.powerType.type,
    power_type_raw: text(item.powerType.raw),
    name: text(item.name.text),
    sub_item: text(item.subItem?.text),
    subject: text(item.subject?.text),
    office: text(item.office?.text),
    duty_count: item.duties?.duties.length ?? 0,
    provision_count: provisionEntries(item).length,
    // JSON.stringify escapes NUL and lone surrogates, so the exact item survives either database.
    data: JSON.stringify(item),
  };
}

export function provisionRows(itemId: number, item: PowerItem): ProvisionTable[] {
  const ordinals: Record<string, number> = {};
  return provisionEntries(item).map(({ field, entryKey, provision }) => {
    ordinals[field] = (ordinals[field] ?? 0) + 1;
    return {
      item_id: itemId,
      field,
      ordinal: ordinals[field]!,
      entry_key: text(entryKey),
      label: text(provision.label),
      level: text(provision.level),
      title: text(provision.title),
      note: text(provision.note),
      refs: JSON.stringify(provision.refs),
      text: text(provision.text),
    };
  });
}

export function dutyRows(itemId: number, item: PowerItem): DutyTable[] {
  return (item.duties?.duties ?? []).map((duty, i) => ({
    item_id: itemId,
    ordinal: i + 1,
    no: duty.no,
    name: text(duty.name),
    heading: text(duty.heading),
    unit: text(duty.unit),
    text: text(duty.text),
    documents: JSON.stringify(duty.documents),
  }));
}

export function findingRows(
  versionId: number,
  origin: 'import' | 'audit',
  findings: readonly Finding[],
  itemOf: (finding: Finding) => number | null,
): FindingTable[] {
  return findings.map((finding, i) => ({
    version_id: versionId,
    origin,
    ordinal: i + 1,
    item_id: itemOf(finding),
    rule_id: text(finding.ruleId),
    message_id: text(finding.messageId),
    severity: finding.severity,
    message: text(finding.message),
    finding: JSON.stringify(finding),
  }));
}

export function findingFromRow(row: Pick<FindingTable, 'finding'>): Finding {
  return JSON.parse(row.finding) as Finding;
}

/** The list's own data kept with a version, beside its items and findings. */
export function versionMeta(list: PowerList): string {
  return JSON.stringify({
    schemaVersion: list.schemaVersion,
    // Exact copies of what the columns hold sanitised for the database.
    title: list.title,
    department: list.department,
    region: list.region,
    source: list.source,
    columns: list.columns,
    residue: list.residue,
    processSheets: list.processSheets,
  });
}
