import { type Finding, type Level, PowerItem, PowerList, Severity } from '../../model/index.js';
import { pacer } from '../../pace/index.js';
import type { Db } from '../tables.js';
import type { ListDetail, ListSummary } from '../types.js';
import { findingFromRow } from '../write/rows.js';
import { parseId } from './paging.js';

function summaries(db: Db) {
  return db
    .selectFrom('lists as l')
    .innerJoin('list_versions as v', (join) => join.onRef('v.list_id', '=', 'l.id').on('v.is_latest', '=', 1))
    .select((eb) => [
      'l.id',
      'l.list_key',
      'v.id as version_id',
      'v.version_no',
      'v.title',
      'v.department',
      'v.level',
      'v.region',
      'v.item_count',
      'v.counts_by_type',
      'v.imported_at',
      'v.audited_at',
      'v.source_file',
      'v.sha256',
      'v.meta',
      eb.selectFrom('list_versions as vc').select((c) => c.fn.countAll().as('n')).whereRef('vc.list_id', '=', 'l.id').as('version_count'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;

type StoredMeta = Omit<ListDetail['metadata'], 'findings'>;

type Counts = ListSummary['findingCounts'];

/** Findings by severity for each of `versionIds`, in one grouped query. */
async function findingCounts(db: Db, versionIds: readonly number[]): Promise<(versionId: number) => Counts> {
  const out = new Map<number, Counts>(versionIds.map((id) => [id, { error: 0, warning: 0, info: 0 }]));
  const countsOf = (id: number) => out.get(id) ?? { error: 0, warning: 0, info: 0 };
  if (versionIds.length === 0) return countsOf;
  const rows = await db
    .selectFrom('findings')
    .select((eb) => ['version_id', 'severity', eb.fn.countAll().as('n')])
    .where('version_id', 'in', versionIds)
    .groupBy(['version_id', 'severity'])
    .execute();
  for (const row of rows) {
    const severity = Severity.safeParse(row.severity);
    const counts = out.get(row.version_id);
    // Severity is checked when findings are saved; an unknown one would be a foreign row, not a count to show.
    if (counts && severity.success) counts[severity.data] += Number(row.n);
  }
  return countsOf;
}

function toSummary(row: SummaryRow, counts: Counts, meta: Pick<StoredMeta, 'processSheets'> = JSON.parse(row.meta)): ListSummary {
  return {
    id: String(row.id),
    key: row.list_key,
    title: row.title,
    department: row.department,
    level: row.level as Level | null,
    region: row.region,
    itemCount: row.item_count,
    countsByType: JSON.parse(row.counts_by_type) as Record<string, number>,
    processCount: meta.processSheets.length,
    versionCount: Number(row.version_count),
    latestVersionId: String(row.version_id),
    versionNo: row.version_no,
    importedAt: row.imported_at,
    auditedAt: row.audited_at,
    findingCounts: counts,
    sourceFile: row.source_file,
    sha256: row.sha256,
  };
}

/** Every list, by its latest version, in the order lists were first imported. */
export async function listLists(db: Db): Promise<ListSummary[]> {
  const rows = await summaries(db).orderBy('l.id').execute();
  const countsOf = await findingCounts(
    db,
    rows.map((r) => r.version_id),
  );
  return rows.map((row) => toSummary(row, countsOf(row.version_id)));
}

async function importFindings(db: Db, versionId: number): Promise<Finding[]> {
  const rows = await db
    .selectFrom('findings')
    .select('finding')
    .where('version_id', '=', versionId)
    .where('origin', '=', 'import')
    .orderBy('ordinal')
    .execute();
  return rows.map(findingFromRow);
}

export async function getList(db: Db, id: string): Promise<ListDetail | null> {
  const listId = parseId(id);
  if (listId === null) return null;
  const row = await summaries(db).where('l.id', '=', listId).executeTakeFirst();
  if (!row) return null;
  const versions = await db
    .selectFrom('list_versions')
    .select(['id', 'version_no', 'is_latest', 'sha256', 'imported_at', 'audited_at', 'item_count', 'source_file', 'source_format'])
    .where('list_id', '=', listId)
    .orderBy('version_no')
    .execute();
  const meta = JSON.parse(row.meta) as StoredMeta;
  const { schemaVersion, source, columns, residue, processSheets } = meta;
  return {
    ...toSummary(row, (await findingCounts(db, [row.version_id]))(row.version_id), meta),
    versions: versions.map((v) => ({
      id: String(v.id),
      versionNo: v.version_no,
      latest: v.is_latest === 1,
      sha256: v.sha256,
      importedAt: v.imported_at,
      auditedAt: v.audited_at,
      itemCount: v.item_count,
      sourceFile: v.source_file,
      sourceFormat: v.source_format,
    })),
    metadata: { schemaVersion, source, columns, residue, processSheets, findings: await importFindings(db, row.version_id) },
  };
}

/** Item rows read per query: a 10 MB list's items are 25 MB of JSON, 300 ms to read at once. */
const ITEMS_PER_READ = 50;

/**
 * Rebuilds a version as the PowerList it was imported from, checked against the model. Its
 * items are read a page at a time, paced (the audit of a new version reads it back, in the
 * request that published it); a version's items never change, so the pages are one version.
 */
export async function getPowerList(db: Db, id: string): Promise<PowerList | null> {
  const versionId = parseId(id);
  if (versionId === null) return null;
  const version = await db.selectFrom('list_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
  if (!version) return null;
  const items: PowerItem[] = [];
  let after = -1;
  for (;;) {
    const page = await db
      .selectFrom('items')
      .select(['position', 'data'])
      .where('version_id', '=', versionId)
      .where('position', '>', after)
      .orderBy('position')
      .limit(ITEMS_PER_READ)
      .execute();
    for (const row of page) {
      items.push(PowerItem.parse(JSON.parse(row.data)));
      if (pacer.due) await pacer.pause();
    }
    if (page.length < ITEMS_PER_READ) break;
    after = page[page.length - 1]!.position;
  }
  const meta = JSON.parse(version.meta) as Pick<
    PowerList,
    'schemaVersion' | 'title' | 'department' | 'region' | 'source' | 'columns' | 'residue' | 'processSheets'
  >;
  const list = PowerList.parse({
    schemaVersion: meta.schemaVersion,
    title: meta.title,
    department: meta.department,
    region: meta.region,
    level: version.level,
    source: meta.source,
    columns: meta.columns,
    // Checked one by one above: the list's parse would check every item again, in one piece.
    items: [],
    processSheets: meta.processSheets,
    residue: meta.residue,
    findings: await importFindings(db, versionId),
  });
  list.items = items;
  return list;
}
