import { PowerItem } from '../../model/index.js';
import type { Db } from '../tables.js';
import type { ItemDetail, ItemQuery, ItemSummary, Page } from '../types.js';
import { ITEM_SUMMARY_COLUMNS, toItemSummary } from './item-summary.js';
import { filterId, pageArgs, parseId } from './paging.js';

export const DEFAULT_ITEM_PAGE_SIZE = 50;

/**
 * Items of one version, or of the latest version of one list, or of the latest versions of
 * all lists; in list order, then source order.
 */
export async function listItems(db: Db, query: ItemQuery = {}): Promise<Page<ItemSummary>> {
  const { page, pageSize, offset } = pageArgs(query.page, query.pageSize, DEFAULT_ITEM_PAGE_SIZE);
  const versionId = filterId(query.versionId, '版本');
  const listId = filterId(query.listId, '清单');
  let base = db.selectFrom('items as i').innerJoin('list_versions as v', 'v.id', 'i.version_id');
  if (versionId !== undefined) base = base.where('i.version_id', '=', versionId);
  else base = base.where('v.is_latest', '=', 1);
  if (listId !== undefined) base = base.where('i.list_id', '=', listId);
  if (query.type !== undefined) base = base.where('i.power_type', '=', query.type);
  const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await base
    .select(ITEM_SUMMARY_COLUMNS)
    .orderBy('i.list_id')
    .orderBy('i.version_id')
    .orderBy('i.position')
    .limit(pageSize)
    .offset(offset)
    .execute();
  return { items: rows.map(toItemSummary), total: Number(counted?.n ?? 0), page, pageSize };
}

/** One item, whole, as the model type (checked by zod on the way out). */
export async function getItem(db: Db, id: string): Promise<ItemDetail | null> {
  const itemId = parseId(id);
  if (itemId === null) return null;
  const row = await db
    .selectFrom('items as i')
    .innerJoin('list_versions as v', 'v.id', 'i.version_id')
    .select([...ITEM_SUMMARY_COLUMNS, 'i.data', 'v.title', 'v.department', 'v.source_file', 'v.version_no', 'v.is_latest'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...toItemSummary(row),
    item: PowerItem.parse(JSON.parse(row.data)),
    listTitle: row.title,
    department: row.department,
    sourceFile: row.source_file,
    versionNo: row.version_no,
    latest: row.is_latest === 1,
  };
}
