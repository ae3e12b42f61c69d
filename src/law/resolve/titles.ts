import type { Citation } from '../citations/index.js';
import { normalizeTitle } from '../registry/index.js';
import type { LawLibrary } from './library.js';
import { nearestStretch } from './quote.js';
import type { CitationIssue } from './types.js';

/**
 * Misspellings of names seen in lists, as data: the wrong form and the right one. The
 * registry's title matching forgives them, so without this table they would go unseen.
 */
export const NAME_TYPOS: ReadonlyArray<{ wrong: string; right: string }> = [
  { wrong: '中国人民共和国', right: '中华人民共和国' },
  { wrong: '中华人名共和国', right: '中华人民共和国' },
  { wrong: '中华人民共合国', right: '中华人民共和国' },
];

/** A title this close to a registry title (edits per character) is taken for a misspelling of it. */
const NEAR_TITLE = 0.15;

/** The registry title an unknown title is a near miss of, if any. */
function nearTitle(title: string, library: LawLibrary): string | undefined {
  const key = normalizeTitle(title);
  if (key.length < 4) return undefined;
  let best: { title: string; distance: number } | undefined;
  for (const law of library.registry.laws) {
    for (const name of [law.title, ...law.aliases]) {
      const other = normalizeTitle(name);
      if (Math.abs(other.length - key.length) > 2) continue;
      const { distance } = nearestStretch(key, other);
      const whole = distance + Math.abs(other.length - key.length);
      if (whole <= Math.max(1, Math.floor(key.length * NEAR_TITLE)) && (!best || whole < best.distance)) best = { title: law.title, distance: whole };
    }
  }
  return best?.title;
}

/**
 * Misspellings in a citation's title and note: from the table of known ones, and titles that
 * miss a registry title by a character or two.
 *
 * @example
 * // for 《…实施条例》（2014年1月17日中国人民共和国国务院令第646号公布）第四十八条
 * titleIssues(citation, library) // [{ code: 'title-typo', data: { wrong: '中国人民共和国', right: '中华人民共和国', … } }]
 */
export function titleIssues(citation: Citation, library: LawLibrary): CitationIssue[] {
  if (citation.via === 'context' || citation.via === 'continuation' || citation.via === 'bare') return [];
  const issues: CitationIssue[] = [];
  const title = citation.title ?? '';
  for (const [where, text] of [
    ['标题', title],
    ['题注', citation.note?.text ?? ''],
  ] as const) {
    for (const typo of NAME_TYPOS) {
      if (text.includes(typo.wrong)) issues.push({ code: 'title-typo', verified: true, data: { title, where, wrong: typo.wrong, right: typo.right } });
    }
  }
  if (citation.titleKind !== 'document' && title !== '' && library.registry.classifyTitle(title).kind === 'unknown') {
    const near = nearTitle(title, library);
    if (near !== undefined) issues.push({ code: 'title-typo', verified: true, data: { title, where: '标题', wrong: title, right: near } });
  }
  return issues;
}
