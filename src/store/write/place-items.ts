import type { Finding, Place, Provenance } from '../../model/index.js';

/** What a finding's place can be matched against, for one version's items. */
export interface ItemPlace {
  id: number;
  record: number;
  firstLine: number;
  lastLine: number;
  seq: string | null;
  /** The worksheet the item's lines are counted in, when its file has several. */
  sheet?: string;
  /** The PDF page the item begins on (a PDF numbers its lines through the whole file). */
  page?: number;
}

/** The sheet and page of an item's provenance, for an ItemPlace. */
export function partOf(provenance: Pick<Provenance, 'sheet' | 'page'>): Pick<ItemPlace, 'sheet' | 'page'> {
  return {
    ...(provenance.sheet !== undefined ? { sheet: provenance.sheet } : {}),
    ...(provenance.page !== undefined ? { page: provenance.page } : {}),
  };
}

/**
 * Whether placing `findings` among `items` can turn on the items' sheet or page: some finding
 * is placed by its line or 序号 rather than by a record of these items. It must then agree
 * with the sheet or page it names; naming none, it must not be a line or 序号 that several
 * sheets have. The items table has no sheet or page column; a caller reads them from the
 * items' JSON only then.
 */
export function needsParts(items: readonly ItemPlace[], findings: readonly Finding[]): boolean {
  let records: Set<number> | undefined;
  return findings.some(({ place }) => {
    if (place.line === undefined && place.item === undefined) return false;
    records ??= new Set(items.map((item) => item.record));
    return place.record === undefined || !records.has(place.record);
  });
}

/**
 * Whether an item can hold a line of the sheet or page `place` names; a side that does not
 * say allows it. A worksheet numbers its rows from 1, so a line of another sheet is another
 * line. An item that begins on an earlier page may run on to the place's page (a row a page
 * break cut), but not one that begins on a later page.
 */
function samePart(item: ItemPlace, place: Place): boolean {
  if (place.sheet !== undefined && item.sheet !== undefined && item.sheet !== place.sheet) return false;
  return place.page === undefined || item.page === undefined || item.page <= place.page;
}

/**
 * The one item of `candidates` (in file order) a finding's line or 序号 points at: the first,
 * unless the finding names no sheet and they stand on different sheets. A line 2 of a
 * workbook whose sheets each have a row 2 is no item's in particular, and is not guessed.
 */
function chosen(candidates: readonly ItemPlace[], place: Place): number | null {
  const first = candidates[0];
  if (first === undefined) return null;
  if (place.sheet === undefined && candidates.some((item) => item.sheet !== first.sheet)) return null;
  return first.id;
}

/**
 * Builds the function that attaches a finding to an item of a version, trying the most
 * precise clue first: the record number, then the line, then `place.item` as a 序号 or a
 * store id. Lines and 序号 start again on each worksheet, so when the finding and an item
 * both name a sheet (or page) they must agree for the line or the 序号 to count, and a
 * finding that names no sheet is attached by a line or 序号 only where one sheet has it.
 * A finding about the whole file, or one that cannot be told apart, stays unattached (null).
 *
 * @example itemLocator([{ id: 7, record: 0, firstLine: 2, lastLine: 2, seq: '1', sheet: '处罚' }])(finding) // 7 for { sheet: '处罚', line: 2 }
 */
export function itemLocator(items: readonly ItemPlace[]): (finding: Finding) => number | null {
  const byRecord = new Map<number, number>();
  const bySeq = new Map<string, ItemPlace[]>();
  const byId = new Map<string, number>();
  for (const item of items) {
    if (!byRecord.has(item.record)) byRecord.set(item.record, item.id);
    byId.set(String(item.id), item.id);
    const seq = item.seq?.trim();
    if (!seq) continue;
    const same = bySeq.get(seq);
    if (same) same.push(item);
    else bySeq.set(seq, [item]);
  }
  return ({ place }) => {
    if (place.record !== undefined && byRecord.has(place.record)) return byRecord.get(place.record)!;
    if (place.line !== undefined) {
      const line = place.line;
      const hits = items.filter((item) => item.firstLine <= line && line <= item.lastLine && samePart(item, place));
      if (hits.length > 0) return chosen(hits, place);
    }
    if (place.item === undefined) return null;
    const key = place.item.trim();
    // A 序号 wins over a store id of the same spelling: findings are usually made from the list itself.
    const seqs = bySeq.get(key);
    if (seqs) return chosen(seqs.filter((item) => samePart(item, place)), place);
    return byId.get(key) ?? null;
  };
}
