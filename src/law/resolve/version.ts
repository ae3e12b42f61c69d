import type { VersionHint } from '../citations/index.js';
import { type Law, type LawVersion, versionAt, versionByDate, versionByOrder, versionDate } from '../registry/index.js';

/** Why a version was chosen: a hint in the note, the list's date, or the check date. */
export type VersionBasis = 'hint' | 'list-date' | 'today';

export interface ChosenVersion {
  version: LawVersion;
  basis: VersionBasis;
  /** The date it was chosen for, for `list-date` and `today`. */
  date?: string;
  /** False when a fact the choice rests on is marked unverified in the registry. */
  verified: boolean;
  /**
   * False when the registry cannot say which version was in force on the date (a later
   * version's effective date is unknown) and the latest one before it was taken.
   */
  certain: boolean;
  /** The hints that named this version. */
  hints: VersionHint[];
  /** Set when an unverified fact was confirmed another way: the quoted text is this version's. */
  corroborated?: 'quote';
}

/** A hint that names no version of the law. */
export interface UnmatchedHint {
  hint: VersionHint;
}

function matchHint(law: Law, hint: VersionHint): { version: LawVersion; verified: boolean } | undefined {
  if (hint.kind === 'order') {
    const v = versionByOrder(law, hint.order);
    return v ? { version: v, verified: v.promulgatedBy?.verified ?? false } : undefined;
  }
  if (hint.kind === 'date') {
    const named = hint.events.some((e) => e !== 'effective') || hint.events.length === 0;
    if (named) {
      const v = versionByDate(law, hint.date);
      if (v) return { version: v, verified: (v.adopted?.date === hint.date ? v.adopted.verified : v.promulgated?.verified) ?? false };
    }
    if (hint.events.includes('effective')) {
      const v = law.versions.find((x) => x.effective?.date === hint.date);
      if (v) return { version: v, verified: v.effective?.verified ?? false };
    }
    return undefined;
  }
  // A year alone names a version only when exactly one was adopted or promulgated that year.
  const inYear = law.versions.filter((v) => versionDate(v)?.startsWith(`${hint.year}-`) || v.id === String(hint.year));
  const only = inYear.length === 1 ? inYear[0] : undefined;
  return only ? { version: only, verified: (only.adopted ?? only.promulgated)?.verified ?? false } : undefined;
}

/**
 * The version a citation's note names: the latest one any hint points at (a note often
 * lists the law's history, 1988年…通过 2010年…修订 2024年…修订). Hints naming no version
 * are returned so that they can be reported.
 */
export function versionFromHints(law: Law, hints: readonly VersionHint[]): { chosen?: ChosenVersion; unmatched: UnmatchedHint[] } {
  const order = law.versions.map((v) => v.id);
  let best: { version: LawVersion; verified: boolean; hints: VersionHint[] } | undefined;
  const unmatched: UnmatchedHint[] = [];
  for (const hint of hints) {
    const m = matchHint(law, hint);
    if (!m) {
      // A bare year that is not a version's (1996年… in a note about the 2009 amendment) says nothing wrong.
      if (hint.kind !== 'year') unmatched.push({ hint });
      continue;
    }
    if (!best || order.indexOf(m.version.id) > order.indexOf(best.version.id)) best = { ...m, hints: [hint] };
    else if (m.version.id === best.version.id) {
      best.hints.push(hint);
      best.verified ||= m.verified;
    }
  }
  if (!best) return { unmatched };
  return { chosen: { version: best.version, basis: 'hint', verified: best.verified, certain: true, hints: best.hints }, unmatched };
}

/**
 * The version in force on a date. When the registry cannot tell (a later version's effective
 * date is not recorded), the latest version adopted by then, marked uncertain.
 */
export function versionOn(law: Law, date: string, basis: Exclude<VersionBasis, 'hint'>): ChosenVersion | undefined {
  const exact = versionAt(law, date);
  if (exact) return { version: exact, basis, date, verified: exact.effective?.verified ?? false, certain: true, hints: [] };
  const repealed = law.status.repealed?.date;
  if (repealed !== undefined && date >= repealed) return undefined;
  const born = law.versions.filter((v) => (versionDate(v) ?? v.id) <= date);
  const latest = born.at(-1);
  return latest ? { version: latest, basis, date, verified: false, certain: false, hints: [] } : undefined;
}

const KIND_WORD: Record<LawVersion['kind'], string> = { 制定: '制定', 修正: '修正', 修订: '修订', 修改决定: '修改' };

/** "2010年4月29日修订的版本", "2013年制定的版本". */
export function versionLabel(version: LawVersion): string {
  const m = /^(\d{4})(?:-(\d{2})-(\d{2}))?/.exec(version.id);
  const when = m?.[2] ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${m?.[1] ?? version.id}年`;
  return `${when}${KIND_WORD[version.kind]}的版本`;
}
