import { generateLists, type ProvinceSpec, type Templates } from '../../src/store/testing/corpus.js';
import { type DocumentFields, documentFields } from './queries.js';

/**
 * The search corpus is the province corpus of `src/store/testing/corpus.ts` (loadTemplates,
 * generateLists): 50–500 real sample items per department under recombined names, the same on
 * every machine. Here: its items reduced to what the peers and the truth look at.
 */

/** One list of the corpus as the bench needs it: where its items start among all documents. */
export interface CorpusList {
  department: string;
  start: number;
  count: number;
}

export interface CorpusDocs {
  /** Per item, its searchable fields normalised (see documentFields). */
  docs: DocumentFields[];
  lists: CorpusList[];
}

/** Every item of the corpus reduced to what search looks at, lists in import order. */
export function corpusDocs(templates: Templates, spec: ProvinceSpec): CorpusDocs {
  const memo = new Map<string, string>();
  const docs: DocumentFields[] = [];
  const lists: CorpusList[] = [];
  for (const list of generateLists(templates, spec)) {
    lists.push({ department: list.department!, start: docs.length, count: list.items.length });
    for (const item of list.items) docs.push(documentFields(item, memo));
  }
  return { docs, lists };
}
