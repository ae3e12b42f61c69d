import { titleLexicon } from '../citations/index.js';
import {
  defaultRegistryDir,
  type Law,
  type LawTextFile,
  loadRegistry,
  nodeFs,
  type Registry,
  type RegistryFs,
  readLawText,
} from '../registry/index.js';

/**
 * The registry with every law text it links, loaded once: what resolution reads. Texts are
 * keyed "<lawId>@<versionId>".
 */
export interface LawLibrary {
  registry: Registry;
  texts: ReadonlyMap<string, LawTextFile>;
  /** Titles and aliases to find without 《》 (see titleLexicon). */
  titles: readonly string[];
}

export function textKey(lawId: string, versionId: string): string {
  return `${lawId}@${versionId}`;
}

/** The text of one version of a law, when the registry has it. */
export function lawText(library: LawLibrary, law: Law, versionId: string): LawTextFile | undefined {
  return library.texts.get(textKey(law.id, versionId));
}

/** Builds a library from a registry already loaded and the texts already read (tests build their own). */
export function makeLibrary(registry: Registry, texts: Iterable<LawTextFile> = []): LawLibrary {
  const map = new Map<string, LawTextFile>();
  for (const t of texts) map.set(textKey(t.lawId, t.versionId), t);
  return { registry, texts: map, titles: titleLexicon(registry) };
}

/**
 * Loads the registry and every text it links.
 *
 * @example const library = await openLawLibrary(); resolveCitation(citation, library, { today: '2026-11-23' })
 */
export async function openLawLibrary(dir = defaultRegistryDir(), fs: RegistryFs = nodeFs): Promise<LawLibrary> {
  const registry = await loadRegistry(dir, fs);
  const texts: LawTextFile[] = [];
  for (const law of registry.laws) {
    for (const version of law.versions) {
      if (version.textFile) texts.push(await readLawText(dir, version.textFile, fs));
    }
  }
  return makeLibrary(registry, texts);
}
