import type { PowerItem } from '../../src/model/index.js';
import { normalizeForSearch, SEARCH_FIELDS } from '../../src/store/index.js';

/**
 * The fixed query set: terms of the samples' vocabulary at every length, common and rare,
 * plus terms that only match after normalisation and terms that match nothing.
 */
export const QUERIES: readonly string[] = [
  // One character: the unigram path, from nearly every item down to a few thousand.
  '密', '罚', '法', '查', '《', '鉴', '罪',
  // Two characters: a single bigram.
  '保密', '立案', '处罚', '送达', '听证', '泄密', '定密', '约谈', '罚款', '密级', '吊销', '回避', '境外', '举报', '涉密', '网信',
  // Three characters.
  '保密法', '密码法', '执法证', '听证权', '决定书', '网络安', '载体的', '互联网',
  // Four and more.
  '保密检查', '网络安全', '商用密码', '泄密案件', '密级鉴定', '国家秘密载体', '立案审批表', '涉密信息系统', '商用密码检测', '行政处罚决定书',
  '案件来源登记表', '执法约谈笔录', '关键信息基础设施', '个人信息保护', '互联网新闻信息服务', '电子政务电子认证服务', '武器装备科研生产单位保密资格认定',
  '中华人民共和国保守国家秘密法', '国务院令第760号', '第五十四条', '第二十七条第一款', '因不履行或不正确履行职责',
  // Rare: local powers that name their place (about 3% of names).
  '安远市行政区域内', '永远区', '灵石县行政区域内', '临泉县',
  // Normalisation: full-width digits, spaces inside the term.
  '国务院令第７６０号', '第 五十四 条',
  // Nothing.
  '不存在的词语组合', '犇',
];

/** What every engine indexes of one item: its searchable fields, normalised, in SEARCH_FIELDS order. */
export interface DocumentFields {
  fields: string[];
  /** How many of `fields` are title fields (事项名称, 子项), which rank first. */
  title: number;
}

const TITLE_FIELDS = new Set<string>(['name', 'subItem']);

export function documentFields(item: PowerItem, memo: Map<string, string>): DocumentFields {
  const fields: string[] = [];
  let title = 0;
  for (const field of SEARCH_FIELDS) {
    const text = item[field]?.text;
    if (!text) continue;
    let normalized = memo.get(text);
    if (normalized === undefined) memo.set(text, (normalized = normalizeForSearch(text)));
    if (normalized === '') continue;
    fields.push(normalized);
    if (TITLE_FIELDS.has(field)) title++;
  }
  return { fields, title };
}

export interface Truth {
  query: string;
  /** Every matching document, ascending. */
  hits: number[];
  /** Those matching in a title field, ascending: search lists them first. */
  titleHits: number[];
}

/**
 * The exhaustive substring answer by a plain scan: every document one of whose fields
 * contains the normalised query. Items share cell texts, so each distinct text is tested
 * once per query.
 */
export function truth(docs: readonly DocumentFields[], query: string): Truth {
  const q = normalizeForSearch(query);
  const hits: number[] = [];
  const titleHits: number[] = [];
  if (q === '') return { query, hits, titleHits };
  const seen = new Map<string, boolean>();
  for (let d = 0; d < docs.length; d++) {
    const { fields, title } = docs[d]!;
    for (let f = 0; f < fields.length; f++) {
      const text = fields[f]!;
      let hit = seen.get(text);
      if (hit === undefined) seen.set(text, (hit = text.includes(q)));
      if (!hit) continue;
      hits.push(d);
      if (f < title) titleHits.push(d);
      break;
    }
  }
  return { query, hits, titleHits };
}

/** The first page search must return: title hits, then the others, each in document order. */
export function expectedPage(t: Truth, size: number): number[] {
  const page = t.titleHits.slice(0, size);
  if (page.length === size) return page;
  const inTitle = new Set(t.titleHits);
  for (const d of t.hits) {
    if (page.length === size) break;
    if (!inTitle.has(d)) page.push(d);
  }
  return page;
}
