import type { PowerList } from '../../model/index.js';
import { isProcessError } from './errors.js';
import { deriveFromItem } from './from-duties.js';
import { deriveFromSheet } from './from-sheet.js';
import type { ProcessDefinition } from './schema.js';

/** One process a list yields, or why an item yields none. */
export type DerivedDefinition =
  | { ok: true; origin: string; definition: ProcessDefinition }
  | { ok: false; origin: string; error: string };

/**
 * Every process of an imported list: one per item with numbered duties, one per flowchart.
 * An item without steps is reported, never skipped silently.
 */
export function definitionsOfList(list: PowerList, itemRefs: readonly (string | undefined)[] = []): DerivedDefinition[] {
  const file = list.source.file;
  const department = list.department ?? undefined;
  const out: DerivedDefinition[] = [];
  list.items.forEach((item, i) => {
    const origin = `事项${item.seq?.trim() || item.impliedSeq || i + 1}“${item.name.text}”`;
    const itemRef = itemRefs[i];
    try {
      out.push({ ok: true, origin, definition: deriveFromItem(item, { file, ...(department ? { department } : {}), ...(itemRef ? { itemRef } : {}) }) });
    } catch (error) {
      if (!isProcessError(error)) throw error;
      out.push({ ok: false, origin, error: error.message });
    }
  });
  list.processSheets.forEach((sheet, index) => {
    out.push({ ok: true, origin: `流程图“${sheet.title}”`, definition: deriveFromSheet(sheet, { index, file, ...(department ? { department } : {}) }) });
  });
  return out;
}
