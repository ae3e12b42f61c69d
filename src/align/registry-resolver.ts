import {
  currentVersion,
  formatNumeral,
  mapArticle,
  parseArticleRef,
  type Registry,
  readVersionHints,
  versionFromHints,
} from '../law/index.js';
import { type CitationResolver, type CitedVersion, titleResolver } from './citations.js';

/**
 * Citation resolution through the law registry: titles and aliases find one law id, a
 * note's order numbers, dates and years find the version cited (the latest one it names:
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
      const version = versionFromHints(law, readVersionHints(note)).chosen?.version;
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
