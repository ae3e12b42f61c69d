import type { Finding } from '../../model/index.js';

/** What a finding's place can be matched against, for one version's items. */
export interface ItemPlace {
  id: number;
  record: number;
  firstLine: number;
  lastLine: number;
  seq: string | null;
}

/**
 * Builds the function that attaches a finding to an item of a version, trying the most
 * precise clue first: the record number, then the line, then `place.item` as a 序号 or
 * a store id. A finding about the whole file stays unattached (null).
 */
export function itemLocator(items: readonly ItemPlace[]): (finding: Finding) => number | null {
  const byRecord = new Map<number, number>();
  const byKey = new Map<string, number>();
  // A 序号 wins over a store id of the same spelling: findings are usually made from the list itself.
  for (const item of items) {
    if (!byRecord.has(item.record)) byRecord.set(item.record, item.id);
    const seq = item.seq?.trim();
    if (seq && !byKey.has(seq)) byKey.set(seq, item.id);
  }
  for (const item of items) if (!byKey.has(String(item.id))) byKey.set(String(item.id), item.id);
  return ({ place }) => {
    if (place.record !== undefined && byRecord.has(place.record)) return byRecord.get(place.record)!;
    if (place.line !== undefined) {
      const line = place.line;
      const hit = items.find((item) => item.firstLine <= line && line <= item.lastLine);
      if (hit) return hit.id;
    }
    if (place.item !== undefined && byKey.has(place.item.trim())) return byKey.get(place.item.trim())!;
    return null;
  };
}
