import type { PowerList } from '../../model/index.js';
import { assignGreedy, type ScoredPair } from '../assign.js';
import { candidatePairs } from '../blocking.js';
import { type AlignEntry, itemEntry, sheetEntry } from '../entry.js';
import { codeDice, compact, gramSet, setDice } from '../text/compact.js';
import { type FieldText, itemFields, sheetFields } from './fields.js';
import { movedIndices } from './moves.js';
import { type Segment, diffText } from './text-diff.js';

/** An item or sheet of one version, as a diff shows it. */
export interface DiffItemRef {
  kind: 'item' | 'sheet';
  /** Position among the version's items (or sheets). */
  index: number;
  seq: string | null;
  name: string;
  type: string;
}

export interface FieldChange {
  field: string;
  label: string;
  change: 'added' | 'removed' | 'modified';
  before: string;
  after: string;
  /** Character-level diff of before → after. */
  segments: Segment[];
}

export type DiffEntry =
  | { kind: 'added'; new: DiffItemRef }
  | { kind: 'removed'; old: DiffItemRef }
  | { kind: 'kept'; old: DiffItemRef; new: DiffItemRef; renamed: boolean; moved: boolean; changes: FieldChange[] };

export interface DiffCounts {
  added: number;
  removed: number;
  renamed: number;
  moved: number;
  /** Kept entries with at least one changed field (renamed ones included). */
  changed: number;
  unchanged: number;
}

/** Which version a side of the diff is: a file, or a stored version of a list. */
export interface DiffSide {
  label: string;
  items: number;
  sheets: number;
}

export interface ListDiff {
  old: DiffSide;
  new: DiffSide;
  /** In the new version's order; removed entries stand where they stood in the old one. */
  entries: DiffEntry[];
  counts: DiffCounts;
}

/** How alike an unmatched old and new entry must be (name or content) to be called the same. */
export const DIFF_MIN_SIMILARITY = 0.6;
/** Content shorter than this says too little to recognise an entry by. */
const MIN_CONTENT = 20;
const MAX_CONTENT = 4000;

interface DiffRecord {
  ref: DiffItemRef;
  fields: FieldText[];
  entry: AlignEntry;
  /** Field texts keyed for the matching passes. */
  all: string;
  content: string;
}

/**
 * Compares two versions of a list: items (and flowchart sheets) added, removed, renamed
 * and moved, and for each kept one the fields that changed, with a character diff.
 * Entries are matched in passes from the surest to the loosest: identical content, same
 * name and type, same name, same content under another name, then by similarity.
 *
 * @example
 * const diff = diffLists(await importFile('v1.txt'), await importFile('v2.txt'));
 * diff.counts // { added: 1, removed: 0, renamed: 1, moved: 0, changed: 2, unchanged: 10 }
 */
export function diffLists(before: PowerList, after: PowerList, labels: { old?: string; new?: string } = {}): ListDiff {
  const oldItems = before.items.map((item, index) => record('item', index, item.seq, itemFields(item), itemEntry(item, { list: 0, kind: 'item', index })));
  const newItems = after.items.map((item, index) => record('item', index, item.seq, itemFields(item), itemEntry(item, { list: 1, kind: 'item', index })));
  const oldSheets = before.processSheets.map((sheet, index) => record('sheet', index, null, sheetFields(sheet), sheetEntry(sheet, { list: 0, kind: 'sheet', index })));
  const newSheets = after.processSheets.map((sheet, index) => record('sheet', index, null, sheetFields(sheet), sheetEntry(sheet, { list: 1, kind: 'sheet', index })));
  const entries = [...diffRecords(oldItems, newItems), ...diffRecords(oldSheets, newSheets)];
  const side = (list: PowerList, label: string | undefined): DiffSide => ({
    label: label ?? list.source.file,
    items: list.items.length,
    sheets: list.processSheets.length,
  });
  return { old: side(before, labels.old), new: side(after, labels.new), entries, counts: countEntries(entries) };
}

function record(kind: 'item' | 'sheet', index: number, seq: string | null, fields: FieldText[], entry: AlignEntry): DiffRecord {
  const naming = kind === 'item' ? new Set(['name', 'subItem']) : new Set(['title']);
  const content = fields
    .filter((f) => !naming.has(f.field))
    .map((f) => `${f.field}\u0001${f.text}`)
    .join('\u0002');
  return {
    ref: { kind, index, seq, name: entry.label, type: entry.type },
    fields,
    entry,
    all: `${fields.filter((f) => naming.has(f.field)).map((f) => f.text).join('\u0002')}\u0003${content}`,
    content,
  };
}

type Pairing = Map<number, number>;

/** Pairs old → new records by an exact key, first come first served, among those still free. */
function pairByKey(olds: readonly DiffRecord[], news: readonly DiffRecord[], pairing: Pairing, taken: Set<number>, key: (r: DiffRecord) => string): void {
  const queues = new Map<string, number[]>();
  olds.forEach((r, i) => {
    if (pairing.has(i)) return;
    const k = key(r);
    const queue = queues.get(k);
    if (queue) queue.push(i);
    else queues.set(k, [i]);
  });
  news.forEach((r, j) => {
    if (taken.has(j)) return;
    const queue = queues.get(key(r));
    const i = queue?.shift();
    if (i === undefined) return;
    pairing.set(i, j);
    taken.add(j);
  });
}

function pairBySimilarity(olds: readonly DiffRecord[], news: readonly DiffRecord[], pairing: Pairing, taken: Set<number>): void {
  const freeOld = olds.map((_, i) => i).filter((i) => !pairing.has(i));
  const freeNew = news.map((_, j) => j).filter((j) => !taken.has(j));
  if (freeOld.length === 0 || freeNew.length === 0) return;
  const left = freeOld.map((i) => (olds[i] as DiffRecord).entry);
  const right = freeNew.map((j) => (news[j] as DiffRecord).entry);
  const grams = (r: DiffRecord) => gramSet(compact(r.content).slice(0, MAX_CONTENT));
  const contentGrams = new Map<DiffRecord, Uint32Array>();
  const gramsOf = (r: DiffRecord) => contentGrams.get(r) ?? contentGrams.set(r, grams(r)).get(r) as Uint32Array;
  const scored: ScoredPair[] = [];
  for (const [l, r] of candidatePairs(left, right)) {
    const a = olds[freeOld[l] as number] as DiffRecord;
    const b = news[freeNew[r] as number] as DiffRecord;
    const name = a.entry.name.core === b.entry.name.core ? 1 : codeDice(a.entry.gramCodes, b.entry.gramCodes);
    const substantial = compact(a.content).length >= MIN_CONTENT && compact(b.content).length >= MIN_CONTENT;
    const content = substantial ? (setDice(gramsOf(a), gramsOf(b)) ?? 0) : 0;
    scored.push({ left: l, right: r, score: Math.max(name, content) });
  }
  for (const pair of assignGreedy(scored, DIFF_MIN_SIMILARITY, left.length, right.length)) {
    const i = freeOld[pair.left] as number;
    const j = freeNew[pair.right] as number;
    pairing.set(i, j);
    taken.add(j);
  }
}

/** Diffs two versions' records of one kind (items, or sheets). */
function diffRecords(olds: readonly DiffRecord[], news: readonly DiffRecord[]): DiffEntry[] {
  const pairing: Pairing = new Map();
  const taken = new Set<number>();
  const nameKey = (r: DiffRecord) => r.all.slice(0, r.all.indexOf('\u0003'));
  pairByKey(olds, news, pairing, taken, (r) => r.all);
  pairByKey(olds, news, pairing, taken, (r) => `${nameKey(r)}\u0004${r.ref.type}`);
  pairByKey(olds, news, pairing, taken, nameKey);
  pairByKey(olds, news, pairing, taken, (r) => r.content);
  pairBySimilarity(olds, news, pairing, taken);

  const kept = [...pairing].sort((x, y) => x[0] - y[0]);
  const moved = movedIndices(kept.map(([, j]) => j));
  const keptEntries = new Map<number, DiffEntry & { kind: 'kept' }>();
  kept.forEach(([i, j], k) => {
    const a = olds[i] as DiffRecord;
    const b = news[j] as DiffRecord;
    const changes = fieldChanges(a.fields, b.fields);
    const renamed = changes.some((c) => c.field === 'name' || c.field === 'subItem' || (a.ref.kind === 'sheet' && c.field === 'title'));
    keptEntries.set(j, { kind: 'kept', old: a.ref, new: b.ref, renamed, moved: moved.has(k), changes });
  });

  const removed = olds.map((_, i) => i).filter((i) => !pairing.has(i));
  const entries: DiffEntry[] = [];
  let nextRemoved = 0;
  const flushRemovedBefore = (oldIndex: number) => {
    while (nextRemoved < removed.length && (removed[nextRemoved] as number) < oldIndex) {
      entries.push({ kind: 'removed', old: (olds[removed[nextRemoved] as number] as DiffRecord).ref });
      nextRemoved++;
    }
  };
  // Removed entries go before whatever stands in their gap, added ones included.
  const anchors = new Array<number>(news.length + 1).fill(Number.POSITIVE_INFINITY);
  for (let j = news.length - 1; j >= 0; j--) {
    const entry = keptEntries.get(j);
    anchors[j] = entry && !entry.moved ? entry.old.index : (anchors[j + 1] as number);
  }
  news.forEach((b, j) => {
    flushRemovedBefore(anchors[j] as number);
    entries.push(keptEntries.get(j) ?? { kind: 'added', new: b.ref });
  });
  flushRemovedBefore(Number.POSITIVE_INFINITY);
  return entries;
}

/** The fields whose text differs, with a character diff each. */
export function fieldChanges(before: readonly FieldText[], after: readonly FieldText[]): FieldChange[] {
  const afterByField = new Map(after.map((f) => [f.field, f]));
  const seen = new Set<string>();
  const changes: FieldChange[] = [];
  const compare = (field: string, label: string, x: string, y: string) => {
    if (x === y) return;
    const change = x === '' ? 'added' : y === '' ? 'removed' : 'modified';
    changes.push({ field, label, change, before: x, after: y, segments: diffText(x, y) });
  };
  for (const f of before) {
    seen.add(f.field);
    compare(f.field, f.label, f.text, afterByField.get(f.field)?.text ?? '');
  }
  for (const f of after) if (!seen.has(f.field)) compare(f.field, f.label, '', f.text);
  return changes;
}

function countEntries(entries: readonly DiffEntry[]): DiffCounts {
  const counts: DiffCounts = { added: 0, removed: 0, renamed: 0, moved: 0, changed: 0, unchanged: 0 };
  for (const e of entries) {
    if (e.kind !== 'kept') counts[e.kind]++;
    else {
      if (e.renamed) counts.renamed++;
      if (e.moved) counts.moved++;
      if (e.changes.length > 0) counts.changed++;
      else if (!e.moved) counts.unchanged++;
    }
  }
  return counts;
}
