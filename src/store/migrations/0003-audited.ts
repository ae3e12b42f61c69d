import { sql } from 'kysely';
import type { Migration } from './migration.js';

/**
 * When an audit last saved its findings for a version (null: never audited). An audit that
 * finds nothing saves no rows, so "has audit findings" could not tell it from one never run.
 * Versions with audit findings were audited, when is not known: their import time stands in,
 * the earliest it can have been. A version audited before this column existed with nothing
 * found cannot be told apart and stays null (it is audited once more).
 */
export const audited: Migration = {
  name: '0003-audited',
  async up(db) {
    await db.schema.alterTable('list_versions').addColumn('audited_at', 'text').execute();
    await db
      .updateTable('list_versions')
      .set((eb) => ({ audited_at: eb.ref('imported_at') }))
      .where((eb) =>
        eb.exists(eb.selectFrom('findings as f').select(sql`1`.as('one')).whereRef('f.version_id', '=', 'list_versions.id').where('f.origin', '=', 'audit')),
      )
      .execute();
  },
};
