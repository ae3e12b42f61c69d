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

/**
 * fieldTexts as kept beside the search index (`search_docs.texts`, migration 0004), so a
 * hit's snippet is cut without reading the item's whole JSON (~35 KB for a sample item,
 * against ~2,000 characters of searchable text): JSON of field → display text, which keeps
 * NUL and lone surrogates exact as the item's own JSON does, in UTF-16LE bytes. Those bytes
 * become a string almost as a copy, where UTF-8 text costs ~4 ns a byte to decode (a page
 * of 20 sample hits: 0.06 ms against 0.5 ms), and Chinese takes 2 bytes a character, not 3.
 * A change to this format (or to SEARCH_FIELDS) needs a migration that rewrites the column.
 */
export function storedFieldTexts(item: PowerItem): Buffer {
  const texts: Partial<Record<SearchField, string>> = {};
  for (const { field, text } of fieldTexts(item)) texts[field] = text;
  return Buffer.from(JSON.stringify(texts), 'utf16le');
}

/** What storedFieldTexts wrote, back in SEARCH_FIELDS order: the same as fieldTexts of the item. */
export function parseStoredFieldTexts(bytes: Uint8Array): { field: SearchField; text: string }[] {
  const json = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  const texts = JSON.parse(json) as Partial<Record<SearchField, string>>;
  const out: { field: SearchField; text: string }[] = [];
  for (const field of SEARCH_FIELDS) {
    const text = texts[field];
    if (text !== undefined && text !== '') out.push({ field, text });
  }
  return out;
}
