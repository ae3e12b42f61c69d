import FlexSearch from 'flexsearch';
import { type Engine, indexGrams, PAGE_SIZE } from './engine.js';

/**
 * FlexSearch's Index with our own encoder: character unigrams and bigrams of every field
 * (its CJK charset splits into single characters only). The query goes through the same
 * encoder, so a query of n characters needs its characters and bigrams (AND). The result
 * has no total, so the page asks for every hit and counts them.
 */
export function flexSearchEngine(docs: readonly (readonly string[])[]): Engine {
  const index = new FlexSearch.Index({ tokenize: 'strict', resolution: 1, encode: (text: string) => indexGrams(text.split('\n')) });
  for (let id = 0; id < docs.length; id++) index.add(id, docs[id]!.join('\n'));
  const limit = Math.max(1, docs.length);
  const all = (q: string) => index.search(q, { limit }) as number[];
  return {
    name: 'FlexSearch',
    note: '自定义编码：字+相邻二字，AND；无总数，总数要取全部结果',
    page(q) {
      const ids = all(q);
      return { ids: ids.slice(0, PAGE_SIZE), total: ids.length };
    },
    all,
    close() {},
  };
}
