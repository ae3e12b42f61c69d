export {
  type ArticlePoint,
  containsPoint,
  formatArticleRef,
  parseArticleRef,
} from './article-ref.js';
export { RegistryError, type RegistryErrorCode, type RegistryIssue } from './errors.js';
export { defaultRegistryDir, nodeFs, type RegistryFs } from './fs.js';
export {
  type AddLawTextOptions,
  type AddLawTextResult,
  addLawText,
  articleText,
  buildLawTextFile,
  canonicalRef,
  findArticle,
  type LawArticle,
  type LawParagraph,
  type ParsedLawText,
  parseLawText,
  provisionText,
  readLawText,
} from './law-text.js';
export { currentVersion, versionAt, versionByDate, versionById, versionByOrder, versionDate } from './lookup.js';
export { type MapResult, type MapStep, mapArticle } from './map-article.js';
export { memoryFs } from './mem-fs.js';
export { formatNumeral, parseNumeral } from './numerals.js';
export {
  normalizeOrderNumber,
  type OrderNumber,
  parseOrderNumber,
  parseOrderNumbers,
  sameOrder,
} from './order-number.js';
export {
  buildRegistry,
  loadRegistry,
  type Registry,
  type RegistryReadResult,
  readRegistry,
  type TitleClass,
  UNRESOLVED_TITLES_FILE,
} from './registry.js';
export * from './schema.js';
export { normalizeTitle } from './title.js';
