import MiniSearch from 'minisearch';
import { type Engine, indexGrams, PAGE_SIZE, queryGrams } from './engine.js';

interface Doc {
  id: number;
  fields: readonly string[];
}

/**
 * MiniSearch over character unigrams and bigrams (its default tokenizer splits on spaces
 * and punctuation, so a Chinese sentence would be one term), AND of the query's bigrams,
 * no prefix or fuzzy matching. Results come ranked by BM25; there are no pages.
 */
export function miniSearchEngine(docs: readonly (readonly string[])[]): Engine {
  const index = new MiniSearch<Doc>({
    fields: ['text'],
    idField: 'id',
    // Fields joined by a newline, which normalised text never holds, so grams stay inside a field.
    extractField: (doc, field) => (field === 'id' ? doc.id : doc.fields.join('\n')),
    tokenize: (text) => indexGrams(text.split('\n')),
    processTerm: (term) => term,
    searchOptions: { combineWith: 'AND', prefix: false, fuzzy: false, tokenize: queryGrams, processTerm: (term) => term },
  });
  for (let id = 0; id < docs.length; id++) index.add({ id, fields: docs[id]! });
  const all = (q: string) => index.search(q).map((r) => r.id as number);
  return {
    name: 'MiniSearch',
    note: '字+相邻二字切分，二字 AND，BM25 排序；无分页，总数要取全部结果',
    page(q) {
      const ids = all(q);
      return { ids: ids.slice(0, PAGE_SIZE), total: ids.length };
    },
    all,
    close() {},
  };
}
