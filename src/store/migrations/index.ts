import { causeText } from '../errors.js';
import type { DialectAdapter } from '../dialects/adapter.js';
import type { Db } from '../tables.js';
import { inWriteTransaction } from '../transaction.js';
import { core } from './0001-core.js';
import { searchIndex } from './0002-search-index.js';
import { audited } from './0003-audited.js';
import { searchTexts } from './0004-search-texts.js';
import type { Migration, MigrationResult } from './migration.js';

export type { Migration, MigrationResult } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [core, searchIndex, audited, searchTexts];

/**
 * Applies what is not applied yet, each migration in its own transaction together with its
 * record, so a failure leaves the schema at the last good step. Returns one result per
 * known migration; after a failure the rest are "not-run".
 */
export async function runMigrations(
  db: Db,
  adapter: DialectAdapter,
  now: () => Date,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationResult[]> {
  await inWriteTransaction(db, adapter, (trx) =>
    trx.schema
      .createTable('quanze_migrations')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute(),
  );
  const results: MigrationResult[] = [];
  let failed = false;
  for (const migration of migrations) {
    if (failed) {
      results.push({ name: migration.name, status: 'not-run' });
      continue;
    }
    try {
      const status = await inWriteTransaction(db, adapter, async (trx) => {
        const done = await trx.selectFrom('quanze_migrations').select('name').where('name', '=', migration.name).executeTakeFirst();
        if (done) return 'already-applied' as const;
        await migration.up(trx, adapter);
        await trx.insertInto('quanze_migrations').values({ name: migration.name, applied_at: now().toISOString() }).execute();
        return 'applied' as const;
      });
      results.push({ name: migration.name, status });
    } catch (error) {
      failed = true;
      results.push({ name: migration.name, status: 'failed', error: `迁移 ${migration.name} 失败：${causeText(error)}` });
    }
  }
  return results;
}

/** Names of the migrations not yet applied (all of them on an empty database). */
export async function pendingMigrations(db: Db, adapter: DialectAdapter, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  if (!(await adapter.tableExists(db, 'quanze_migrations'))) return migrations.map((m) => m.name);
  const rows = await db.selectFrom('quanze_migrations').select('name').execute();
  const applied = new Set(rows.map((r) => r.name));
  return migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
}
