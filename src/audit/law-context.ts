import { citationsOfItem, type LawLibrary, resolveCitations } from '../law/index.js';
import type { PowerItem, PowerList } from '../model/index.js';
import type { LawContext, ResolvedCell } from './rule.js';

/**
 * The law context of one list: each item's cells are extracted and resolved on first use
 * and shared by every rule that asks.
 */
export function lawContext(list: PowerList, library: LawLibrary, today: string, listDate?: string): LawContext {
  const cache = new WeakMap<PowerItem, ResolvedCell[]>();
  const options = { today, ...(listDate !== undefined ? { listDate } : {}) };
  return {
    library,
    today,
    ...(listDate !== undefined ? { listDate } : {}),
    cellsOf(item) {
      let cells = cache.get(item);
      if (!cells) {
        cells = citationsOfItem(item, list.columns, { titles: library.titles }).map((cell) => ({
          ...cell,
          resolved: resolveCitations(cell.citations, library, options),
        }));
        cache.set(item, cells);
      }
      return cells;
    },
  };
}
