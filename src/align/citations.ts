import { parseNumeral } from '../law/index.js';
import type { Provision } from '../model/index.js';
import { compact, gramSet } from './text/compact.js';

/** The version of a law a provision cites, as far as its note tells. */
export interface CitedVersion {
  /**
   * Registry version id when resolved ("2010-04-29"); else the latest year the note names
   * ("2024"); else the order number it names ("主席令第28号").
   */
  id: string;
  /** How messages name the version: "2024年版本", "主席令第28号". */
  label: string;
  /** What the id is: a registry version, a year read from the note, or an order number. */
  kind: 'registry' | 'year' | 'order';
  /** True when a later version of the law exists (only a registry can say). */
  superseded?: boolean;
  /** The note the version was read from: 主席令第28号, 2024年2月27日…第二次修订. */
  note: string;
}

/**
 * Turns cited titles into law keys. The default compares normalised titles; a law
 * registry can do better (aliases, versions, renumbering) through the same interface.
 */
export interface CitationResolver {
  /** A stable key for the law a title names, or undefined when it names none. */
  lawKey(title: string): string | undefined;
  /** The version a provision's note points at. */
  version?(lawKey: string, note: string | undefined): CitedVersion | undefined;
  /** The article's number in the law's current version, when the cited version numbered it differently. */
  currentArticle?(lawKey: string, versionId: string | undefined, article: number): number | undefined;
}

/** One law an item cites, with the articles and the version it names. */
export interface Citation {
  lawKey: string;
  /** The title as the list writes it (first occurrence). */
  title: string;
  /** Article numbers as cited, in order of appearance, without repeats. */
  articles: number[];
  /** The same articles in the law's current numbering (equal to `articles` without a registry). */
  currentArticles: number[];
  version?: CitedVersion;
  /**
   * Which numbering `currentArticles` follow: "current" once a registry has carried them to
   * the current version, else the cited version's id (undefined when the list does not say).
   * Article numbers are compared only between citations of one numbering.
   */
  numbering?: string;
  /** Bigrams of the quoted provision text (see gramSet): compares citations across versions that number articles differently. */
  textGrams: Uint32Array;
}

/** Quoted text beyond this many characters per law adds cost but little evidence. */
const MAX_QUOTED = 400;

const QUOTES = /[《》〈〉「」『』“”"'‘’\s]/g;
const LEVEL_TAG = /^【[^】]{1,8}】/;
const COUNTRY = /^(?:中华人民共和国|中国人民共和国)/;

/**
 * The fallback law key: the title without 《》, spaces, level tag and 中华人民共和国.
 *
 * @example titleKey('【法律】《中华人民共和国保守国家秘密法》') // '保守国家秘密法'
 */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(QUOTES, '').replace(LEVEL_TAG, '').replace(COUNTRY, '');
}

/** A cited law's title for messages: as the list wrote it, without 《》 and level tag. */
export function citationTitle(citation: Citation): string {
  return citation.title.normalize('NFKC').replace(QUOTES, '').replace(LEVEL_TAG, '');
}

/** The latest year a note names ("1988年…2010年…2024年…修订" → "2024"). */
export function latestYear(note: string | undefined): string | undefined {
  if (!note) return undefined;
  const years = [...note.normalize('NFKC').matchAll(/(\d{4})\s*年/g)].map((m) => m[1] as string);
  return years.length > 0 ? years.sort().at(-1) : undefined;
}

const ORDER = /(主席令|国务院令|令)\s*第?\s*([0-9一二三四五六七八九十百零〇两]+)\s*号/g;

/**
 * The last order number a note names, in one spelling: 主席令第二十八号 and 主席令28号 are both
 * "主席令第28号".
 */
export function lastOrder(note: string | undefined): string | undefined {
  if (!note) return undefined;
  const match = [...note.normalize('NFKC').matchAll(ORDER)].at(-1);
  if (!match) return undefined;
  const number = parseNumeral(match[2] as string);
  return `${match[1]}第${number ?? match[2]}号`;
}

/**
 * Resolution by title alone: what quanze does when no law registry is loaded. Versions are
 * told apart by the latest year a note names, else by its order number; which year an order
 * number stands for needs the registry.
 */
export const titleResolver: CitationResolver = {
  lawKey(title) {
    const key = titleKey(title);
    return key === '' ? undefined : key;
  },
  version(_lawKey, note) {
    if (!note) return undefined;
    const year = latestYear(note);
    if (year) return { id: year, label: `${year}年版本`, kind: 'year', note };
    const order = lastOrder(note);
    return order ? { id: order, label: order, kind: 'order', note } : undefined;
  },
};

/**
 * Groups a cell's provisions by law. A provision without a title continues the law of the
 * one before it ("《保密法》第四十二条… 第四十四条…"), as a reader would read it.
 */
export function citationsOf(provisions: readonly Provision[], resolver: CitationResolver = titleResolver): Citation[] {
  const byLaw = new Map<string, Citation>();
  const quoted = new Map<string, string>();
  let current: { key: string; versionId: string | undefined } | undefined;
  for (const provision of provisions) {
    if (provision.title !== undefined) {
      const key = resolver.lawKey(provision.title);
      if (key === undefined) {
        current = undefined;
        continue;
      }
      const version = resolver.version?.(key, provision.note);
      let citation = byLaw.get(key);
      if (!citation) {
        citation = { lawKey: key, title: provision.title, articles: [], currentArticles: [], ...(version ? { version } : {}), textGrams: new Uint32Array() };
        byLaw.set(key, citation);
      } else if (!citation.version && version) {
        citation.version = version;
      }
      current = { key, versionId: version?.id };
    }
    if (!current) continue;
    const citation = byLaw.get(current.key) as Citation;
    const text = quoted.get(current.key) ?? '';
    if (text.length < MAX_QUOTED) quoted.set(current.key, text + compact(provision.text).slice(0, MAX_QUOTED - text.length));
    for (const ref of provision.refs) {
      if (citation.articles.includes(ref.article)) continue;
      citation.articles.push(ref.article);
      const now = resolver.currentArticle?.(current.key, current.versionId, ref.article) ?? ref.article;
      citation.currentArticles.push(now);
    }
  }
  return [...byLaw.values()].map((c) => {
    const numbering = c.version?.kind === 'registry' && resolver.currentArticle ? 'current' : c.version?.id;
    return { ...c, ...(numbering ? { numbering } : {}), textGrams: gramSet(quoted.get(c.lawKey) ?? '') };
  });
}
