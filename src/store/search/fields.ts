import type { PowerItem } from '../../model/index.js';

/**
 * The fields search looks in, in the order a hit reports them: a match in the name
 * outranks one in the legal basis. The first two form the "title" zone, whose hits are
 * listed before the others.
 */
export const SEARCH_FIELDS = [
  'name',
  'subItem',
  'basis',
  'duties',
  'dutyBasis',
  'accountability',
  'accountabilityBasis',
] as const satisfies readonly (keyof PowerItem)[];

export type SearchField = (typeof SEARCH_FIELDS)[number];

export const TITLE_FIELDS: readonly SearchField[] = ['name', 'subItem'];

/** The display text of each searchable field the item has. */
export function fieldTexts(item: PowerItem): { field: SearchField; text: string }[] {
  const out: { field: SearchField; text: string }[] = [];
  for (const field of SEARCH_FIELDS) {
    const cell = item[field];
    if (cell && cell.text !== '') out.push({ field, text: cell.text });
  }
  return out;
}
