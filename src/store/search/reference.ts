import type { PowerItem } from '../../model/index.js';
import { fieldTexts } from './fields.js';
import { normalizeForSearch } from './normalize.js';

/**
 * The exhaustive answer search is measured against: every item whose searchable field,
 * normalised, contains the normalised query as a substring. Used by tests and benchmarks.
 *
 * @example referenceMatches(items, '保密').length
 */
export function referenceMatches<T extends { item: PowerItem }>(entries: readonly T[], query: string): T[] {
  const q = normalizeForSearch(query);
  if (q === '') return [];
  return entries.filter(({ item }) => fieldTexts(item).some(({ text }) => normalizeForSearch(text).includes(q)));
}
