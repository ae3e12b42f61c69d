import type { PowerTypeName } from '../../model/index.js';
import type { ItemSummary } from '../types.js';

/** The item columns an ItemSummary is built from (select them as `i.<column>`). */
export const ITEM_SUMMARY_COLUMNS = [
  'i.id',
  'i.list_id',
  'i.version_id',
  'i.position',
  'i.seq',
  'i.implied_seq',
  'i.power_type',
  'i.power_type_raw',
  'i.name',
  'i.sub_item',
  'i.subject',
  'i.office',
  'i.duty_count',
  'i.provision_count',
] as const;

export interface ItemSummaryRow {
  id: number;
  list_id: number;
  version_id: number;
  position: number;
  seq: string | null;
  implied_seq: number | string | null;
  power_type: string | null;
  power_type_raw: string;
  name: string;
  sub_item: string | null;
  subject: string | null;
  office: string | null;
  duty_count: number;
  provision_count: number;
}

export function toItemSummary(row: ItemSummaryRow): ItemSummary {
  return {
    id: String(row.id),
    listId: String(row.list_id),
    versionId: String(row.version_id),
    position: row.position,
    seq: row.seq,
    // PostgreSQL hands 64-bit integers back as strings.
    impliedSeq: row.implied_seq === null ? null : Number(row.implied_seq),
    powerType: { type: row.power_type as PowerTypeName | null, raw: row.power_type_raw },
    name: row.name,
    subItem: row.sub_item,
    subject: row.subject,
    office: row.office,
    dutyCount: row.duty_count,
    provisionCount: row.provision_count,
  };
}
