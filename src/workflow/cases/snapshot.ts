import { z } from 'zod';
import type { PowerItem } from '../../model/index.js';
import type { ProcessDefinition } from '../process/index.js';

/**
 * What a case keeps of its item, so it stays readable after the list is re-imported or
 * changed: name, department, duty chain and accountability as they were when it opened.
 */
export const ItemSnapshot = z.strictObject({
  itemRef: z.string().optional(),
  name: z.string(),
  powerType: z.string().optional(),
  department: z.string().optional(),
  subject: z.string().optional(),
  office: z.string().optional(),
  listTitle: z.string().optional(),
  duties: z.array(
    z.strictObject({
      no: z.number().int().positive(),
      name: z.string(),
      heading: z.string(),
      unit: z.string().optional(),
      text: z.string(),
      documents: z.array(z.string()),
    }),
  ),
  situations: z.array(z.strictObject({ label: z.string(), text: z.string(), pursuer: z.string().optional() })),
  accountabilityBasis: z.string().optional(),
  statutoryLimit: z.string().optional(),
  promisedLimit: z.string().optional(),
});
export type ItemSnapshot = z.infer<typeof ItemSnapshot>;

/** The list store's item as the workflow reads it; the store's ItemDetail has this shape. */
export interface ItemRecord {
  readonly id: string;
  readonly item: PowerItem;
  readonly department: string | null;
  readonly listTitle?: string | null;
}

const opt = (key: string, value: string | null | undefined) => (value?.trim() ? { [key]: value.trim() } : {});

/** The snapshot of a stored item. */
export function snapshotOfItem(record: ItemRecord): ItemSnapshot {
  const { item } = record;
  const name = item.subItem?.text ? `${item.name.text}（${item.subItem.text}）` : item.name.text;
  return {
    itemRef: record.id,
    name,
    ...opt('powerType', item.powerType.type ?? item.powerType.raw),
    ...opt('department', record.department ?? item.subject?.text),
    ...opt('subject', item.subject?.text),
    ...opt('office', item.office?.text),
    ...opt('listTitle', record.listTitle),
    duties: (item.duties?.duties ?? []).map((d) => ({
      no: d.no,
      name: d.name,
      heading: d.heading,
      ...(d.unit ? { unit: d.unit } : {}),
      text: d.text,
      documents: [...d.documents],
    })),
    situations: (item.accountability?.situations ?? []).map((s) => ({ label: s.label, text: s.text, ...(s.pursuer ? { pursuer: s.pursuer } : {}) })),
    ...opt('accountabilityBasis', item.accountabilityBasis?.text),
    ...opt('statutoryLimit', item.statutoryLimit?.raw),
    ...opt('promisedLimit', item.promisedLimit?.raw),
  };
}

/** A snapshot for a process with no list item behind it (a flowchart). */
export function snapshotOfDefinition(def: ProcessDefinition, itemRef?: string): ItemSnapshot {
  return {
    ...(itemRef ? { itemRef } : {}),
    name: def.name,
    ...opt('powerType', def.powerType),
    ...opt('department', def.department),
    duties: [],
    situations: [],
    ...opt('statutoryLimit', def.statutoryLimit?.raw),
    ...opt('promisedLimit', def.promisedLimit?.raw),
  };
}
