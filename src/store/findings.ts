import { z } from 'zod';
import { Finding, type PowerItem } from '../model/index.js';
import type { DialectAdapter } from './dialects/adapter.js';
import { causeText, isStoreError, StoreError } from './errors.js';
import { filterId, parseId } from './read/paging.js';
import type { Db } from './tables.js';
import { inWriteTransaction } from './transaction.js';
import type { FindingQuery } from './types.js';
import { insertRows } from './write/batch-insert.js';
import { type ItemPlace, itemLocator, needsParts, partOf } from './write/place-items.js';
import { findingFromRow, findingRows } from './write/rows.js';

const Findings = z.array(Finding);

/**
 * Replaces a version's audit findings with `findings` (running an audit again is not
 * additive), attaching each to an item by its place where it can, and records that the
 * version was audited (at `now`), even when nothing was found. Import findings stay.
 */
export async function saveFindings(db: Db, adapter: DialectAdapter, now: () => Date, versionId: string, findings: readonly Finding[]): Promise<void> {
  const id = parseId(versionId);
  const parsed = Findings.safeParse(findings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreError('invalid-findings', `发现项不符合模型，未保存：${issue?.path.join('.')}：${issue?.message}`);
  }
  try {
    await inWriteTransaction(db, adapter, async (trx) => {
      const version = id === null ? undefined : await trx.selectFrom('list_versions').select('id').where('id', '=', id).executeTakeFirst();
      if (!version) throw new StoreError('not-found', `没有编号为 ${versionId} 的清单版本`);
      const rows = await trx
        .selectFrom('items')
        .select(['id', 'record', 'first_line', 'last_line', 'seq'])
        .where('version_id', '=', version.id)
        .orderBy('position')
        .execute();
      let items: ItemPlace[] = rows.map((i) => ({ id: i.id, record: i.record, firstLine: i.first_line, lastLine: i.last_line, seq: i.seq }));
      if (needsParts(items, parsed.data)) {
        // Sheet and page live only in each item's JSON, read when a finding's place needs them.
        const data = await trx.selectFrom('items').select('data').where('version_id', '=', version.id).orderBy('position').execute();
        items = items.map((item, i) => ({ ...item, ...partOf((JSON.parse(data[i]!.data) as PowerItem).provenance) }));
      }
      const locate = itemLocator(items);
      await trx.deleteFrom('findings').where('version_id', '=', version.id).where('origin', '=', 'audit').execute();
      await insertRows(trx, adapter, 'findings', findingRows(version.id, 'audit', parsed.data, locate));
      await trx.updateTable('list_versions').set({ audited_at: now().toISOString() }).where('id', '=', version.id).execute();
    });
  } catch (error) {
    if (isStoreError(error)) throw error;
    throw new StoreError('write-failed', `保存发现项失败，数据库未作任何改动：${causeText(error)}`, { cause: error });
  }
}

/** Findings of a version, of an item, or (with neither) of every list's latest version. */
export async function getFindings(db: Db, query: FindingQuery = {}): Promise<Finding[]> {
  const versionId = filterId(query.versionId, '版本');
  const itemId = filterId(query.itemId, '事项');
  let q = db.selectFrom('findings as f').innerJoin('list_versions as v', 'v.id', 'f.version_id').select('f.finding');
  if (versionId !== undefined) q = q.where('f.version_id', '=', versionId);
  if (itemId !== undefined) q = q.where('f.item_id', '=', itemId);
  if (versionId === undefined && itemId === undefined) q = q.where('v.is_latest', '=', 1);
  if (query.origin !== undefined) q = q.where('f.origin', '=', query.origin);
  const rows = await q.orderBy('v.list_id').orderBy('f.version_id').orderBy('f.origin', 'desc').orderBy('f.ordinal').execute();
  return rows.map(findingFromRow);
}
