import {
  currentVersion,
  formatNumeral,
  type Law,
  type LawVersion,
  mapArticle,
  parseArticleRef,
  parseOrderNumbers,
  type Registry,
  versionByDate,
  versionByOrder,
} from '../law/registry/index.js';
import { type CitationResolver, type CitedVersion, titleResolver } from './citations.js';

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

/** Every version a note names by order number or by date. */
function versionsNamed(law: Law, note: string): LawVersion[] {
  const named: LawVersion[] = [];
  for (const order of parseOrderNumbers(note)) {
    const version = versionByOrder(law, order);
    if (version) named.push(version);
  }
  for (const m of note.normalize('NFKC').matchAll(DATE)) {
    const iso = `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
    const version = versionByDate(law, iso);
    if (version) named.push(version);
  }
  return named;
}

/**
 * Citation resolution through the law registry: titles and aliases find one law id, a
 * note's order numbers and dates find the version cited (the latest one the note names:
 * "2014年…第646号公布 2024年…第786号修订" cites the 2024 version), and articles of an
 * older version are carried to the current numbering by the registry's renumbering maps.
 * Titles the registry does not know fall back to normalised titles.
 *
 * @example alignLists(lists, { resolver: registryResolver(await loadRegistry()) })
 */
export function registryResolver(registry: Registry): CitationResolver {
  return {
    lawKey(title) {
      return registry.findLaw(title)?.id ?? titleResolver.lawKey(title);
    },
    version(lawKey, note): CitedVersion | undefined {
      const law = registry.getLaw(lawKey);
      if (!law || !note) return titleResolver.version?.(lawKey, note);
      const ids = law.versions.map((v) => v.id);
      const named = versionsNamed(law, note).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      const version = named.at(-1);
      if (!version) return titleResolver.version?.(lawKey, note);
      const current = currentVersion(law);
      return {
        id: version.id,
        label: `${version.id.slice(0, 4)}年${version.kind}版`,
        kind: 'registry',
        superseded: current?.id !== version.id,
        note,
      };
    },
    currentArticle(lawKey, versionId, article) {
      const law = registry.getLaw(lawKey);
      const current = law && currentVersion(law);
      if (!law || !current || !versionId || versionId === current.id || !law.versions.some((v) => v.id === versionId)) return undefined;
      const mapped = mapArticle(law, versionId, current.id, `第${formatNumeral(article)}条`);
      return mapped.kind === 'mapped' ? parseArticleRef(mapped.article)?.article : undefined;
    },
  };
}
