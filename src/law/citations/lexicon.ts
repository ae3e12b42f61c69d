import type { Registry } from '../registry/index.js';
import { ALIAS_BLOCKERS } from './patterns.js';

/** Short titles found without 《》, indexed by their first character, longest first. */
export interface TitleLexicon {
  /** Every title, longest first (so an alternation of them prefers the longest). */
  readonly titles: readonly string[];
  /** The longest title starting at `pos` that is not the start of a longer word, or undefined. */
  match(text: string, pos: number): string | undefined;
}

const COUNTRY = '中华人民共和国';
/** Shorter than this, a bare word is too likely to be something else (密码法 stays, 法 does not). */
const MIN_LENGTH = 3;

/**
 * Every title, alias and former title of the registry, with and without 中华人民共和国: the
 * words `extractCitations` finds without 《》.
 *
 * @example titleLexicon(registry).includes('保密法') // true
 */
export function titleLexicon(registry: Pick<Registry, 'laws'>): string[] {
  const out = new Set<string>();
  for (const law of registry.laws) {
    for (const name of [law.title, ...law.aliases, ...law.versions.flatMap((v) => (v.title ? [v.title] : []))]) {
      const bare = name.startsWith(COUNTRY) ? name.slice(COUNTRY.length) : name;
      if (bare.length >= MIN_LENGTH) {
        out.add(bare);
        out.add(COUNTRY + bare);
      }
    }
  }
  return [...out].sort();
}

/** Builds the lookup the scanner uses; cached by the caller (the same list of titles gives the same lexicon). */
export function buildLexicon(titles: readonly string[]): TitleLexicon {
  const byFirst = new Map<string, string[]>();
  for (const title of new Set(titles)) {
    if (title.length < MIN_LENGTH) continue;
    const first = title[0] as string;
    const list = byFirst.get(first) ?? [];
    list.push(title);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return {
    titles: [...byFirst.values()].flat().sort((a, b) => b.length - a.length),
    match(text, pos) {
      const candidates = byFirst.get(text[pos] ?? '');
      if (!candidates) return undefined;
      for (const title of candidates) {
        if (!text.startsWith(title, pos)) continue;
        const next = text[pos + title.length] ?? '';
        if (title.endsWith('法') && next !== '' && ALIAS_BLOCKERS.includes(next)) continue;
        return title;
      }
      return undefined;
    },
  };
}
