import type { z } from 'zod';
import { PowerItem, PowerList } from '../../model/index.js';
import { pacer, runPaced, type Steps } from '../../pace/index.js';
import type { DialectAdapter } from '../dialects/adapter.js';
import { causeText, isStoreError, StoreError } from '../errors.js';
import { POSITIONS_PER_LIST, searchDocument } from '../search/document.js';
import { storableText } from '../search/normalize.js';
import type { Db } from '../tables.js';
import { inWriteTransaction, nextId } from '../transaction.js';
import type { ImportListOptions, ImportOutcome } from '../types.js';
import { insertRows } from './batch-insert.js';
import { chosenListKey, contentHashSteps, listKey } from './identity.js';
import { itemLocator, partOf } from './place-items.js';
import { countsByType, dutyRows, findingRows, itemRow, provisionRows, versionMeta } from './rows.js';

/**
 * Items written per round: bounds the rows held in memory for a large list, and the longest
 * stretch of a paced import (a round of 50 of the largest sample's items is 55 ms, half of it
 * the search index's one call).
 */
const ITEMS_PER_ROUND = 50;

export interface ImportDeps {
  db: Db;
  adapter: DialectAdapter;
  now: () => Date;
}

const ListHead = PowerList.omit({ items: true });
const SHAPE = Object.keys(PowerList.shape);

/**
 * PowerList.safeParse one item at a time (a 10 MB list is 100–200 ms of validation in one
 * piece): the same list, or the same issues in the same order as the whole list's parse.
 */
export function* listIssues(input: unknown): Steps<{ list: PowerList; issues: null } | { list: null; issues: z.core.$ZodIssue[] }> {
  const items = (input as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) {
    const whole = PowerList.safeParse(input);
    return whole.success ? { list: whole.data, issues: null } : { list: null, issues: whole.error.issues };
  }
  const head = ListHead.safeParse(input);
  const parsed: PowerItem[] = [];
  const itemIssues: z.core.$ZodIssue[] = [];
  for (const [i, item] of items.entries()) {
    const one = PowerItem.safeParse(item);
    if (one.success) parsed.push(one.data);
    else for (const issue of one.error.issues) itemIssues.push({ ...issue, path: ['items', i, ...issue.path] });
    yield;
  }
  if (head.success && itemIssues.length === 0) return { list: { ...head.data, items: parsed }, issues: null };
  // The whole list's parse reports its members in the schema's order: the items' issues among the head's.
  const itemsAt = SHAPE.indexOf('items');
  const before = (issue: z.core.$ZodIssue) => SHAPE.indexOf(String(issue.path[0])) < itemsAt;
  const headIssues = head.success ? [] : head.error.issues;
  return { list: null, issues: [...headIssues.filter(before), ...itemIssues, ...headIssues.filter((issue) => !before(issue))] };
}

/** Checks a list against the model before any write, naming the first few problems in Chinese. */
export async function validateList(input: unknown): Promise<PowerList> {
  const { list, issues } = await runPaced(listIssues(input));
  if (list) return list;
  const named = issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '（根）'}：${issue.message}`)
    .join('；');
  throw new StoreError('invalid-list', `清单数据不符合模型，未导入：${named}`);
}

/**
 * Stores one list as one transaction: all of it or nothing. The same content as the list's
 * latest version is a no-op; other content becomes the next version, the old ones kept.
 */
export async function importList({ db, adapter, now }: ImportDeps, input: PowerList, options: ImportListOptions = {}): Promise<ImportOutcome> {
  // Paced throughout, the transaction too: a large list is seconds of work, and the site that
  // publishes it goes on answering meanwhile. Its readers wait for SQLite's one connection
  // only while the rows are written; the validation and the hash come before.
  const list = await validateList(input);
  if (list.items.length >= POSITIONS_PER_LIST) {
    throw new StoreError('too-many-items', `清单 ${list.source.file} 有 ${list.items.length} 个事项，超过单个清单的上限 ${POSITIONS_PER_LIST - 1}`);
  }
  const key = options.listKey === undefined ? listKey(list) : chosenListKey(options.listKey);
  const hash = await runPaced(contentHashSteps(list));
  try {
    return await inWriteTransaction(db, adapter, async (trx) => {
      const existing = await trx.selectFrom('lists').select('id').where('list_key', '=', key).executeTakeFirst();
      let listId: number;
      let versionNo = 1;
      if (existing) {
        listId = existing.id;
        const latest = await trx
          .selectFrom('list_versions')
          .select(['id', 'content_hash', 'version_no', 'item_count'])
          .where('list_id', '=', listId)
          .where('is_latest', '=', 1)
          .executeTakeFirst();
        if (latest && latest.content_hash === hash) {
          return { status: 'unchanged', key, listId: String(listId), versionId: String(latest.id), versionNo: latest.version_no, items: latest.item_count };
        }
        const last = await trx
          .selectFrom('list_versions')
          .select((eb) => eb.fn.max('version_no').as('max'))
          .where('list_id', '=', listId)
          .executeTakeFirst();
        versionNo = Number(last?.max ?? 0) + 1;
        if (latest) await trx.updateTable('list_versions').set({ is_latest: 0 }).where('id', '=', latest.id).execute();
        await adapter.search.removeList(trx, listId);
        await trx.deleteFrom('search_docs').where('list_id', '=', listId).execute();
      } else {
        listId = await nextId(trx, 'lists');
        await trx.insertInto('lists').values({ id: listId, list_key: key, created_at: now().toISOString() }).execute();
      }
      const versionId = await nextId(trx, 'list_versions');
      await trx
        .insertInto('list_versions')
        .values({
          id: versionId,
          list_id: listId,
          version_no: versionNo,
          is_latest: 1,
          sha256: list.source.sha256,
          content_hash: hash,
          source_file: storableText(list.source.file),
          source_format: list.source.format,
          source_bytes: list.source.bytes,
          title: list.title === null ? null : storableText(list.title),
          department: list.department === null ? null : storableText(list.department),
          region: list.region === null ? null : storableText(list.region),
          level: list.level,
          item_count: list.items.length,
          counts_by_type: JSON.stringify(countsByType(list.items)),
          imported_at: now().toISOString(),
          meta: versionMeta(list),
        })
        .execute();
      const firstItemId = await nextId(trx, 'items');
      const context = { listId, versionId, department: list.department, level: list.level };
      for (let start = 0; start < list.items.length; start += ITEMS_PER_ROUND) {
        const round = list.items.slice(start, start + ITEMS_PER_ROUND);
        const ids = round.map((_, i) => firstItemId + start + i);
        await insertRows(trx, adapter, 'items', round.map((item, i) => itemRow({ id: ids[i]!, versionId, listId }, start + i, item)));
        await pacer.step();
        await insertRows(trx, adapter, 'provisions', round.flatMap((item, i) => provisionRows(ids[i]!, item)));
        await insertRows(trx, adapter, 'duties', round.flatMap((item, i) => dutyRows(ids[i]!, item)));
        await pacer.step();
        const docs = round.map((item, i) => searchDocument(context, ids[i]!, start + i, item));
        await insertRows(trx, adapter, 'search_docs', docs.map((d) => ({ doc_id: d.docId, item_id: d.itemId, list_id: listId, version_id: versionId, texts: d.texts })));
        await pacer.step();
        await adapter.search.add(trx, docs);
        await pacer.step();
      }
      const locate = itemLocator(
        list.items.map((item, i) => ({
          id: firstItemId + i,
          record: item.provenance.record,
          firstLine: item.provenance.firstLine,
          lastLine: item.provenance.lastLine,
          seq: item.seq,
          ...partOf(item.provenance),
        })),
      );
      await insertRows(trx, adapter, 'findings', findingRows(versionId, 'import', list.findings, locate));
      return {
        status: existing ? 'new-version' : 'created',
        key,
        listId: String(listId),
        versionId: String(versionId),
        versionNo,
        items: list.items.length,
      };
    });
  } catch (error) {
    if (isStoreError(error)) throw error;
    throw new StoreError('write-failed', `导入清单 ${list.source.file} 失败，数据库未作任何改动：${causeText(error)}`, { cause: error });
  }
}
