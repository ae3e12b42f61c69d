import { join } from 'node:path';
import { parseOrThrow, RegistryError } from './errors.js';
import { defaultRegistryDir, nodeFs, type RegistryFs } from './fs.js';
import { type Law, Law as LawSchema, type UnresolvedTitle, UnresolvedTitles } from './schema.js';
import { normalizeTitle } from './title.js';

/** Where the titles that are not laws (文书, cut-off titles) are listed, relative to the registry folder. */
export const UNRESOLVED_TITLES_FILE = join('titles', 'unresolved.json');

export type TitleClass =
  | { kind: 'law'; law: Law }
  | { kind: UnresolvedTitle['kind']; entry: UnresolvedTitle }
  | { kind: 'unknown' };

/** A loaded, validated registry and the lookups that need all of it. */
export interface Registry {
  dir: string;
  laws: readonly Law[];
  unresolved: readonly UnresolvedTitle[];
  /** The file each law was read from, by law id. */
  files: ReadonlyMap<string, string>;
  getLaw(id: string): Law | undefined;
  /**
   * Finds a law by title or alias, ignoring spaces, 《》, level tags, a trailing note in
   * brackets and the 中华人民共和国 prefix.
   *
   * @example registry.findLaw('《中华人民共和国保守国家秘密法》')?.id // 'baoshou-guojia-mimi-fa'
   */
  findLaw(titleOrAlias: string): Law | undefined;
  /** Laws whose title or an alias starts with the text: for titles cut off in the source. */
  findLawsByPrefix(prefix: string): Law[];
  /** A law, a known non-law title (文书, cut-off title), or unknown. */
  classifyTitle(title: string): TitleClass;
}

/** What reading a registry folder found: the laws that validated and an error per file that did not. */
export interface RegistryReadResult {
  registry: Registry;
  errors: RegistryError[];
}

/**
 * Reads every data/laws/*.json, validating each with the schema. A bad file does not
 * stop the others; its error names the file and each bad field.
 */
export async function readRegistry(dir = defaultRegistryDir(), fs: RegistryFs = nodeFs): Promise<RegistryReadResult> {
  const errors: RegistryError[] = [];
  const laws: Law[] = [];
  const files = new Map<string, string>();
  const names = (await fs.readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  for (const name of names) {
    const file = join(dir, name);
    try {
      const law = parseOrThrow(LawSchema, await readJson(fs, file), file, '法规文件');
      if (name !== `${law.id}.json`) {
        throw new RegistryError('invalid-law', file, `文件名应为 ${law.id}.json`, [{ path: 'id', message: '与文件名不一致' }]);
      }
      if (files.has(law.id)) throw new RegistryError('duplicate-id', file, `法规标识重复：${law.id}`);
      await checkTextFiles(fs, dir, law, file);
      laws.push(law);
      files.set(law.id, file);
    } catch (error) {
      errors.push(asRegistryError(error, file));
    }
  }
  let unresolved: UnresolvedTitle[] = [];
  const unresolvedFile = join(dir, UNRESOLVED_TITLES_FILE);
  try {
    const text = await fs.readFile(unresolvedFile).catch(() => undefined);
    if (text !== undefined) unresolved = parseOrThrow(UnresolvedTitles, parseJson(text, unresolvedFile), unresolvedFile, '未解析标题清单').titles;
  } catch (error) {
    errors.push(asRegistryError(error, unresolvedFile));
  }
  const { registry, errors: indexErrors } = buildRegistry(dir, laws, unresolved, files);
  return { registry, errors: [...errors, ...indexErrors] };
}

/**
 * Loads and validates the registry; throws a RegistryError listing every bad file.
 *
 * @example const registry = await loadRegistry(); registry.findLaw('保密法')
 */
export async function loadRegistry(dir = defaultRegistryDir(), fs: RegistryFs = nodeFs): Promise<Registry> {
  const { registry, errors } = await readRegistry(dir, fs);
  if (errors.length === 1 && errors[0]) throw errors[0];
  if (errors.length > 1) {
    throw new RegistryError(
      'invalid-law',
      dir,
      `法规库有${errors.length}个文件不符合要求`,
      errors.map((e) => ({ path: e.file, message: e.message })),
    );
  }
  return registry;
}

/** Builds the lookups over laws already validated (used by loadRegistry and by tests). */
export function buildRegistry(
  dir: string,
  laws: Law[],
  unresolved: UnresolvedTitle[] = [],
  files: ReadonlyMap<string, string> = new Map(),
): { registry: Registry; errors: RegistryError[] } {
  const errors: RegistryError[] = [];
  const byId = new Map(laws.map((law) => [law.id, law]));
  const byKey = new Map<string, Law>();
  for (const law of laws) {
    const keys = new Set([law.title, ...law.aliases, ...law.versions.flatMap((v) => (v.title ? [v.title] : []))].map(normalizeTitle));
    for (const key of keys) {
      const other = byKey.get(key);
      if (other && other.id !== law.id) {
        errors.push(new RegistryError('duplicate-alias', files.get(law.id) ?? law.id, `名称“${key}”同时指向 ${other.id} 和 ${law.id}`));
        continue;
      }
      byKey.set(key, law);
    }
  }
  const unresolvedByKey = new Map(unresolved.map((entry) => [normalizeTitle(entry.title), entry]));
  const findLaw = (title: string) => byKey.get(normalizeTitle(title));
  const registry: Registry = {
    dir,
    laws,
    unresolved,
    files,
    getLaw: (id) => byId.get(id),
    findLaw,
    findLawsByPrefix(prefix) {
      const key = normalizeTitle(prefix);
      if (key === '') return [];
      const found = new Set<Law>();
      for (const [name, law] of byKey) if (name.startsWith(key)) found.add(law);
      return [...found];
    },
    classifyTitle(title) {
      const law = findLaw(title);
      if (law) return { kind: 'law', law };
      const entry = unresolvedByKey.get(normalizeTitle(title));
      return entry ? { kind: entry.kind, entry } : { kind: 'unknown' };
    },
  };
  return { registry, errors };
}

async function checkTextFiles(fs: RegistryFs, dir: string, law: Law, file: string): Promise<void> {
  const linked = law.versions.flatMap((v, index) => (v.textFile ? [{ index, path: v.textFile }] : []));
  if (linked.length === 0) return;
  const present = new Set(await fs.readdir(join(dir, 'texts', law.id)).catch(() => [] as string[]));
  const missing = linked.filter((t) => !present.has(t.path.split('/').at(-1) ?? ''));
  if (missing.length > 0) {
    throw new RegistryError(
      'invalid-law',
      file,
      '引用的正文文件不存在',
      missing.map((t) => ({ path: `versions[${t.index}].textFile`, message: `找不到 ${t.path}` })),
    );
  }
}

async function readJson(fs: RegistryFs, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file);
  } catch (error) {
    throw new RegistryError('unreadable-file', file, '无法读取文件', [], { cause: error });
  }
  return parseJson(text, file);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RegistryError('bad-json', file, `不是有效的 JSON：${(error as Error).message}`, [], { cause: error });
  }
}

function asRegistryError(error: unknown, file: string): RegistryError {
  if (error instanceof RegistryError) return error;
  return new RegistryError('unreadable-file', file, String(error), [], { cause: error });
}
