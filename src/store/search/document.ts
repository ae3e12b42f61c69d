import type { Level, PowerItem } from '../../model/index.js';
import { fieldTexts, storedFieldTexts, TITLE_FIELDS } from './fields.js';
import { normalizeForSearch } from './normalize.js';

/** Items of one list sit in a contiguous range of document ids, in list order. */
export const POSITIONS_PER_LIST = 2 ** 24;

/** What the search index holds about one item of a list's latest version. */
export interface SearchDocument {
  docId: number;
  itemId: number;
  listId: number;
  versionId: number;
  powerType: string | null;
  level: Level | null;
  /** Normalised list department and item 实施主体, for the agency filter. */
  agencies: string[];
  /** Normalised text of each non-empty field, name and sub-item first. */
  title: string[];
  all: string[];
  /** The fields' display texts for snippets (storedFieldTexts), kept in search_docs.texts. */
  texts: Buffer;
}

export function docIdOf(listId: number, position: number): number {
  return listId * POSITIONS_PER_LIST + position;
}

export function docRangeOf(listId: number): [number, number] {
  return [listId * POSITIONS_PER_LIST, (listId + 1) * POSITIONS_PER_LIST - 1];
}

export interface DocumentContext {
  listId: number;
  versionId: number;
  department: string | null;
  level: Level | null;
}

export function searchDocument(ctx: DocumentContext, itemId: number, position: number, item: PowerItem): SearchDocument {
  const all: string[] = [];
  const title: string[] = [];
  for (const { field, text } of fieldTexts(item)) {
    const normalized = normalizeForSearch(text);
    if (normalized === '') continue;
    all.push(normalized);
    if (TITLE_FIELDS.includes(field)) title.push(normalized);
  }
  const agencies = new Set<string>();
  for (const name of [ctx.department, item.subject?.text]) {
    const normalized = name ? normalizeForSearch(name) : '';
    if (normalized !== '') agencies.add(normalized);
  }
  return {
    docId: docIdOf(ctx.listId, position),
    itemId,
    listId: ctx.listId,
    versionId: ctx.versionId,
    powerType: item.powerType.type,
    level: ctx.level,
    agencies: [...agencies],
    title,
    all,
    texts: storedFieldTexts(item),
  };
}
