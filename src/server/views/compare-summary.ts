import type { AlignedPair, Alignment, EntryInfo, EntryRef, Inconsistency } from '../../align/index.js';

/** Whether the lists agree on one aspect of a power; "unknown" when the pairs could not tell. */
export type Agreement = 'same' | 'different' | 'unknown';

/** One power found in two or more of the compared lists, and whether they name, type and base it alike. */
export interface GroupSummary {
  /** By list, as in the alignment: the entries that denote this power (usually one, or none). */
  members: EntryInfo[][];
  /** How many of the lists have it. */
  present: number;
  name: Agreement;
  type: Agreement;
  basis: Agreement;
  /** The inconsistencies behind a "different" or "unknown", from every pair in the group. */
  issues: Inconsistency[];
}

const BASIS_KINDS: ReadonlySet<Inconsistency['kind']> = new Set(['law-missing', 'articles', 'version']);

const refKey = (ref: EntryRef) => `${ref.list}:${ref.kind}:${ref.index}`;

/**
 * The "四级四同" view of an alignment: for each power that two or more lists share, whether
 * its name, power type and legal basis agree, judged from the inconsistencies alignment
 * found between its pairs. A basis is "unknown" when a pair had no citations on one side to
 * compare, or only version notes that a registry would have to settle. Powers found in one
 * list only are left out (the comparisons list them as unmatched).
 *
 * @example summarizeGroups(alignment).filter((g) => g.basis === 'different')
 */
export function summarizeGroups(alignment: Alignment): GroupSummary[] {
  const groupOf = new Map<string, number>();
  alignment.groups.forEach((group, g) => {
    for (const members of group.members) for (const entry of members) groupOf.set(refKey(entry.ref), g);
  });
  const pairs: AlignedPair[][] = alignment.groups.map(() => []);
  for (const comparison of alignment.comparisons) {
    for (const pair of comparison.pairs) pairs[groupOf.get(refKey(pair.left.ref)) as number]?.push(pair);
  }
  const summaries: GroupSummary[] = [];
  alignment.groups.forEach((group, g) => {
    const present = group.members.filter((m) => m.length > 0).length;
    const own = pairs[g] as AlignedPair[];
    if (present < 2 || own.length === 0) return;
    const issues = own.flatMap((p) => p.inconsistencies);
    const has = (test: (i: Inconsistency) => boolean) => issues.some(test);
    const basisUnjudged = own.some((p) => !p.reasons.some((r) => r.component === 'basis'));
    summaries.push({
      members: group.members,
      present,
      name: has((i) => i.kind === 'name') ? 'different' : 'same',
      type: has((i) => i.kind === 'type') ? 'different' : 'same',
      basis: has((i) => BASIS_KINDS.has(i.kind) && (i.kind !== 'version' || i.certain))
        ? 'different'
        : basisUnjudged || has((i) => i.kind === 'version')
          ? 'unknown'
          : 'same',
      issues,
    });
  });
  // Powers most lists share first; ties keep the alignment's order.
  return summaries.map((s, i) => [s, i] as const).sort((a, b) => b[0].present - a[0].present || a[1] - b[1]).map(([s]) => s);
}
