import type { PowerList } from '../model/index.js';
import { type ScoredPair, assignGreedy } from './assign.js';
import { type BlockingOptions, forEachCandidate } from './blocking.js';
import { type CitationResolver, titleResolver } from './citations.js';
import { type AlignEntry, type EntryRef, listEntries } from './entry.js';
import { type Inconsistency, inconsistencies } from './inconsistencies.js';
import { type Reason, quickScore, scorePair } from './score.js';

export interface AlignOptions {
  /** How cited titles become law keys; a law registry plugs in here. Default: normalised titles. */
  resolver?: CitationResolver;
  /** Pairs scoring below this are not the same power. */
  minScore?: number;
  blocking?: BlockingOptions;
  /** Score every pair instead of blocking: the benchmark's baseline, and a check on blocking. */
  allPairs?: boolean;
}

/** The threshold the labeled sample pairs were judged with (test/align/labeled-pairs). */
export const DEFAULT_MIN_SCORE = 0.5;

/** A list as the alignment shows it. */
export interface ListInfo {
  index: number;
  /** Department, else title, else file name. */
  label: string;
  file: string;
  title: string | null;
  department: string | null;
  level: string | null;
  items: number;
  sheets: number;
}

/** An item or flowchart sheet as the alignment shows it. */
export interface EntryInfo {
  ref: EntryRef;
  seq: string | null;
  label: string;
  type: string;
}

export interface AlignedPair {
  left: EntryInfo;
  right: EntryInfo;
  score: number;
  reasons: Reason[];
  inconsistencies: Inconsistency[];
}

/** The alignment of two of the lists. */
export interface Comparison {
  left: number;
  right: number;
  pairs: AlignedPair[];
  unmatchedLeft: EntryInfo[];
  unmatchedRight: EntryInfo[];
  /** Pairs scored (after blocking). */
  candidates: number;
}

/** One power across all lists: for each list, the entries that denote it (usually zero or one). */
export interface AlignGroup {
  members: EntryInfo[][];
}

export interface Alignment {
  lists: ListInfo[];
  comparisons: Comparison[];
  groups: AlignGroup[];
  minScore: number;
}

/**
 * Pairs the entries of two sides one to one: candidates by blocking (or all pairs), scored,
 * then assigned greedily. Returns the chosen pairs and how many were scored.
 *
 * @example alignEntries(listEntries(a, 0), listEntries(b, 1)).pairs
 */
export function alignEntries(
  left: readonly AlignEntry[],
  right: readonly AlignEntry[],
  options: AlignOptions = {},
): { pairs: ScoredPair[]; candidates: number } {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const scored: ScoredPair[] = [];
  const consider = (l: number, r: number) => {
    const score = quickScore(left[l] as AlignEntry, right[r] as AlignEntry);
    if (score >= minScore) scored.push({ left: l, right: r, score });
  };
  let candidates = 0;
  if (options.allPairs) {
    for (let l = 0; l < left.length; l++) for (let r = 0; r < right.length; r++) consider(l, r);
    candidates = left.length * right.length;
  } else {
    forEachCandidate(
      left,
      right,
      (l, r) => {
        consider(l, r);
        candidates++;
      },
      options.blocking,
    );
  }
  return { pairs: assignGreedy(scored, minScore, left.length, right.length), candidates };
}

/**
 * Aligns two or more lists: every pair of lists is compared, each comparison pairs the
 * items (and flowchart sheets) that denote the same power, explains each pair, lists what
 * is left unmatched and reports what the paired items say differently. Groups join the
 * pairs across all lists, for a compare page with one column per list.
 *
 * @example
 * const alignment = alignLists([await importFile(a), await importFile(b)]);
 * alignment.comparisons[0].pairs[0].reasons.map((r) => r.message)
 */
export function alignLists(lists: readonly PowerList[], options: AlignOptions = {}): Alignment {
  const resolver = options.resolver ?? titleResolver;
  const entries = lists.map((list, index) => listEntries(list, index, resolver));
  const infos = lists.map(listInfo);
  const comparisons: Comparison[] = [];
  for (let l = 0; l < lists.length; l++) {
    for (let r = l + 1; r < lists.length; r++) {
      comparisons.push(compare(entries[l] as AlignEntry[], entries[r] as AlignEntry[], infos[l] as ListInfo, infos[r] as ListInfo, options));
    }
  }
  return { lists: infos, comparisons, groups: groupAcross(entries, comparisons), minScore: options.minScore ?? DEFAULT_MIN_SCORE };
}

function compare(left: AlignEntry[], right: AlignEntry[], leftInfo: ListInfo, rightInfo: ListInfo, options: AlignOptions): Comparison {
  const { pairs, candidates } = alignEntries(left, right, options);
  const names = { left: leftInfo.label, right: rightInfo.label };
  const usedLeft = new Set(pairs.map((p) => p.left));
  const usedRight = new Set(pairs.map((p) => p.right));
  return {
    left: leftInfo.index,
    right: rightInfo.index,
    pairs: pairs.map((p) => {
      const a = left[p.left] as AlignEntry;
      const b = right[p.right] as AlignEntry;
      const { score, reasons } = scorePair(a, b);
      return { left: entryInfo(a), right: entryInfo(b), score, reasons, inconsistencies: inconsistencies(a, b, names) };
    }),
    unmatchedLeft: left.filter((_, i) => !usedLeft.has(i)).map(entryInfo),
    unmatchedRight: right.filter((_, i) => !usedRight.has(i)).map(entryInfo),
    candidates,
  };
}

export function entryInfo(entry: AlignEntry): EntryInfo {
  return { ref: entry.ref, seq: entry.seq, label: entry.label, type: entry.type };
}

function listInfo(list: PowerList, index: number): ListInfo {
  return {
    index,
    label: list.department ?? list.title ?? list.source.file,
    file: list.source.file,
    title: list.title,
    department: list.department,
    level: list.level,
    items: list.items.length,
    sheets: list.processSheets.length,
  };
}

/** Joins pairs from all comparisons into groups (union–find); every entry is in exactly one group. */
function groupAcross(entries: readonly AlignEntry[][], comparisons: readonly Comparison[]): AlignGroup[] {
  const keyOf = (ref: EntryRef) => `${ref.list}:${ref.kind}:${ref.index}`;
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    let node = key;
    while (node !== root) {
      const next = parent.get(node) as string;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const list of entries) for (const entry of list) parent.set(keyOf(entry.ref), keyOf(entry.ref));
  for (const comparison of comparisons) {
    for (const pair of comparison.pairs) {
      const a = find(keyOf(pair.left.ref));
      const b = find(keyOf(pair.right.ref));
      if (a !== b) parent.set(b, a);
    }
  }
  const groups = new Map<string, AlignGroup>();
  for (const list of entries) {
    for (const entry of list) {
      const root = find(keyOf(entry.ref));
      let group = groups.get(root);
      if (!group) {
        group = { members: entries.map(() => []) };
        groups.set(root, group);
      }
      group.members[entry.ref.list]?.push(entryInfo(entry));
    }
  }
  return [...groups.values()];
}
