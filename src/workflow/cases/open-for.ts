import type { IsoDate } from '../calendar/index.js';
import type { PowerList } from '../../model/index.js';
import { deriveFromItem, deriveFromSheet } from '../process/index.js';
import { CaseError } from './errors.js';
import type { Party } from './party.js';
import { type ItemRecord, snapshotOfDefinition, snapshotOfItem } from './snapshot.js';
import type { CaseStore, CaseView } from './store.js';

export interface OpenForOptions {
  on?: IsoDate;
  department?: string;
  party?: Party;
}

/** The key a flowchart's (or a file item's) definition is stored under when no list store holds it. */
export function sourceKey(list: PowerList, kind: 'sheet' | 'item', index: number): string {
  return `${kind}:${list.source.sha256.slice(0, 16)}:${index}`;
}

/**
 * Opens a case for a stored item: its latest stored definition, or one derived from its
 * 责任事项 and saved first; the case keeps a snapshot of the item.
 *
 * @example await openCaseForItem(cases, await store.getItem('12'))
 */
export async function openCaseForItem(store: CaseStore, record: ItemRecord, options: OpenForOptions = {}): Promise<CaseView> {
  let process = await store.processForItem(record.id);
  if (!process) {
    const definition = deriveFromItem(record.item, { itemRef: record.id, ...(record.department ? { department: record.department } : {}) });
    process = (await store.saveProcess(definition, { itemRef: record.id })).process;
  }
  return store.openCase({ processId: process.id, itemRef: record.id, snapshot: snapshotOfItem(record), ...options });
}

/** Opens a case for the n-th item (0-based) of an imported file that is not in a list store. */
export async function openCaseForFileItem(store: CaseStore, list: PowerList, index: number, options: OpenForOptions = {}): Promise<CaseView> {
  const item = list.items[index];
  if (!item) throw new CaseError('not-found', `文件中没有第${index + 1}个事项（共${list.items.length}个）`);
  const key = sourceKey(list, 'item', index);
  return openCaseForItem(store, { id: key, item, department: list.department, listTitle: list.title }, options);
}

/** Opens a case on the n-th flowchart (0-based) of an imported file. */
export async function openCaseForSheet(store: CaseStore, list: PowerList, index: number, options: OpenForOptions = {}): Promise<CaseView> {
  const sheet = list.processSheets[index];
  if (!sheet) throw new CaseError('not-found', `文件中没有第${index + 1}张流程图（共${list.processSheets.length}张）`);
  const key = sourceKey(list, 'sheet', index);
  const definition = deriveFromSheet(sheet, { index, file: list.source.file, ...(list.department ? { department: list.department } : {}) });
  const { process } = await store.saveProcess(definition, { itemRef: key });
  return store.openCase({ processId: process.id, itemRef: null, snapshot: snapshotOfDefinition(process.definition), ...options });
}
