import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { formatArticleRef, parseArticleRef } from './article-ref.js';
import { parseOrThrow, RegistryError } from './errors.js';
import { nodeFs, type RegistryFs } from './fs.js';
import { type LawArticle, parseLawText } from './law-text-parse.js';
import { Law as LawSchema, type LawTextFile, LawTextFile as LawTextFileSchema } from './schema.js';

export { articleText, type LawArticle, type LawParagraph, type ParsedLawText, parseLawText } from './law-text-parse.js';

export interface AddLawTextOptions {
  /** Where the text came from (a file path, a URL); defaults to the text's own `<!-- source: … -->` line. */
  source?: string;
  /** Lines removed from the input before parsing, each with its reason (kept in the text file). */
  edits?: LawTextFile['edits'];
  fs?: RegistryFs;
}

export interface AddLawTextResult {
  /** The text file written, relative to the registry folder. */
  textFile: string;
  articleCount: number;
  /** Chinese notes for the user: a count that differs from the registry, lines the parser could not place. */
  warnings: string[];
}

/** Builds the stored form of one version's text. */
export function buildLawTextFile(lawId: string, versionId: string, text: string, options: Pick<AddLawTextOptions, 'source' | 'edits'> = {}): LawTextFile {
  const parsed = parseLawText(text);
  return {
    lawId,
    versionId,
    source: options.source ?? parsed.source ?? '未注明来源',
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    ...(parsed.title !== undefined ? { title: parsed.title } : {}),
    preamble: parsed.preamble,
    articleCount: parsed.articles.length,
    articles: parsed.articles,
    residue: parsed.residue,
    ...(options.edits && options.edits.length > 0 ? { edits: options.edits } : {}),
  };
}

/**
 * Parses a law text, writes it to <registryDir>/texts/<lawId>/<versionId>.json and links
 * it from that version in <registryDir>/<lawId>.json. This is what `quanze law add` calls.
 *
 * @example await addLawText('data/laws', 'mima-fa', '2019-10-26', text, { source: '密码法.md' })
 */
export async function addLawText(
  registryDir: string,
  lawId: string,
  versionId: string,
  text: string,
  options: AddLawTextOptions = {},
): Promise<AddLawTextResult> {
  const fs = options.fs ?? nodeFs;
  const lawFile = join(registryDir, `${lawId}.json`);
  let raw: string;
  try {
    raw = await fs.readFile(lawFile);
  } catch (error) {
    throw new RegistryError('unknown-law', lawFile, `法规库中没有标识为 ${lawId} 的法规`, [], { cause: error });
  }
  const json = JSON.parse(raw) as { versions?: Array<{ id?: string; textFile?: string }> };
  const law = parseOrThrow(LawSchema, json, lawFile, '法规文件');
  const index = law.versions.findIndex((v) => v.id === versionId);
  const version = law.versions[index];
  if (!version) {
    throw new RegistryError('unknown-version', lawFile, `${law.title}没有版本 ${versionId}（已有：${law.versions.map((v) => v.id).join('、')}）`);
  }
  const textFile = buildLawTextFile(lawId, versionId, text, options);
  if (textFile.articleCount === 0) {
    throw new RegistryError('invalid-text', lawFile, '正文中没有找到以“第X条”开头的条文');
  }
  const warnings: string[] = [];
  const expected = version.articleCount?.value;
  if (expected !== undefined && expected !== textFile.articleCount) {
    warnings.push(`解析出${textFile.articleCount}条，法规库记载该版本为${expected}条`);
  }
  for (const r of textFile.residue) warnings.push(`第${r.line}行：${r.reason}`);

  const relative = `texts/${lawId}/${versionId}.json`;
  await fs.mkdir(join(registryDir, 'texts', lawId));
  await fs.writeFile(join(registryDir, relative), `${JSON.stringify(textFile, null, 2)}\n`);
  const versions = json.versions ?? [];
  const target = versions[index];
  if (target) target.textFile = relative;
  await fs.writeFile(lawFile, `${JSON.stringify(json, null, 2)}\n`);
  return { textFile: relative, articleCount: textFile.articleCount, warnings };
}

/** Reads and validates a stored text file (path relative to the registry folder). */
export async function readLawText(registryDir: string, textFile: string, fs: RegistryFs = nodeFs): Promise<LawTextFile> {
  const file = join(registryDir, textFile);
  let raw: string;
  try {
    raw = await fs.readFile(file);
  } catch (error) {
    throw new RegistryError('unreadable-file', file, '无法读取正文文件', [], { cause: error });
  }
  return parseOrThrow(LawTextFileSchema, JSON.parse(raw), file, '正文文件', 'invalid-text');
}

/** The article a reference points at ("第二十三条第三款" → article 23), or undefined. */
export function findArticle(text: Pick<LawTextFile, 'articles'>, ref: string): LawArticle | undefined {
  const point = parseArticleRef(ref);
  if (!point) return undefined;
  return text.articles.find((a) => a.number === point.article && (a.sub ?? 0) === (point.sub ?? 0));
}

/** The text of the 款 a reference names, or of the whole article; undefined when it does not exist. */
export function provisionText(text: Pick<LawTextFile, 'articles'>, ref: string): string | undefined {
  const point = parseArticleRef(ref);
  const article = findArticle(text, ref);
  if (!point || !article) return undefined;
  const join = (p: { text: string; items?: string[] }) => [p.text, ...(p.items ?? [])].join('\n');
  if (point.paragraph === undefined && point.item === undefined) return article.paragraphs.map(join).join('\n');
  // An item cited without its 款 (第七十四条第（二）项) belongs to the first 款.
  const paragraph = article.paragraphs[(point.paragraph ?? 1) - 1];
  if (!paragraph) return undefined;
  return point.item !== undefined ? paragraph.items?.[point.item - 1] : join(paragraph);
}

/** "第二十三条第三款" written the registry's way, for display. */
export function canonicalRef(ref: string): string | undefined {
  const point = parseArticleRef(ref);
  return point ? formatArticleRef(point) : undefined;
}
