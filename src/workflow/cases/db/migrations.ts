import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { GENESIS_HASH } from '../../audit-log/index.js';
import { CaseError } from '../errors.js';

/** The workflow's own schema steps, for a dialect; names sort in the order they apply and never change once released. */
export function workflowMigrations(dialect: 'sqlite' | 'postgres'): Readonly<Record<string, Migration>> {
  return {
    ...WORKFLOW_MIGRATIONS,
    '0002-query-indexes': {
      async up(db: Kysely<unknown>) {
        // ISO dates and status codes compare byte by byte; PostgreSQL's default collation would
        // run a locale-aware comparison on every index entry the overdue count visits.
        if (dialect === 'postgres') {
          for (const column of ['id', 'status', 'opened_on', 'due_date', 'statutory_due', 'promised_due', 'paused_since', 'closed_on']) {
            await sql.raw(`alter table "case" alter column ${column} type text collate "C"`).execute(db);
          }
        }
        await (WORKFLOW_MIGRATIONS['0002-query-indexes'] as Migration).up(db);
      },
    },
    // The case list shows each case's applicant or party, so the row carries it, as 立案
    // recorded it. Cases opened before hold it only in their opening event (and the state
    // JSON): it is read from the event, the record the chain covers. Events without a party
    // are skipped by a plain text match before any JSON is parsed.
    '0004-case-party': {
      async up(db: Kysely<unknown>) {
        for (const column of ['party_name', 'party_kind', 'party_contact']) {
          await db.schema.alterTable('case').addColumn(column, 'text').execute();
        }
        const fill =
          dialect === 'postgres'
            ? sql`update "case" set party_name = e.party ->> 'name', party_kind = e.party ->> 'kind', party_contact = e.party ->> 'contact'
                from (select case_id, data::jsonb -> 'party' as party from case_event where kind = 'opened' and data like '%"party":%') as e
                where e.case_id = "case".id and jsonb_typeof(e.party) = 'object'`
            : sql`update "case" set party_name = json_extract(e.data, '$.party.name'), party_kind = json_extract(e.data, '$.party.kind'),
                  party_contact = json_extract(e.data, '$.party.contact')
                from (select case_id, data from case_event where kind = 'opened' and data like '%"party":%') as e
                where e.case_id = "case".id and json_type(e.data, '$.party') = 'object'`;
        await fill.execute(db);
      },
    },
  };
}

const WORKFLOW_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-workflow': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('process_definition')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('item_ref', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('process_definition_pk', ['id', 'version'])
        .execute();
      await db.schema.createIndex('process_definition_item').on('process_definition').columns(['item_ref', 'version']).execute();

      await db.schema
        .createTable('case')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('item_ref', 'text')
        .addColumn('process_id', 'text', (c) => c.notNull())
        .addColumn('process_version', 'integer', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('current_step', 'text')
        .addColumn('current_step_name', 'text')
        .addColumn('due_date', 'text')
        .addColumn('due_kind', 'text')
        .addColumn('statutory_due', 'text')
        .addColumn('promised_due', 'text')
        .addColumn('paused_since', 'text')
        .addColumn('closed_on', 'text')
        .addColumn('on_time', 'integer')
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .execute();
      // Overdue: status = 'open' AND due_date < today; at risk: a due_date range; both by status first.
      await db.schema.createIndex('case_status_due').on('case').columns(['status', 'due_date']).execute();
      await db.schema.createIndex('case_department_status').on('case').columns(['department', 'status']).execute();
      await db.schema.createIndex('case_closed_on').on('case').columns(['closed_on']).execute();
      await db.schema.createIndex('case_item').on('case').columns(['item_ref']).execute();

      await db.schema
        .createTable('case_step')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('step_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('entered_on', 'text')
        .addColumn('completed_on', 'text')
        .addColumn('due_date', 'text')
        .addPrimaryKeyConstraint('case_step_pk', ['case_id', 'step_id'])
        .execute();
      await db.schema.createIndex('case_step_due').on('case_step').columns(['status', 'due_date']).execute();

      await db.schema
        .createTable('case_document')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('event_seq', 'integer', (c) => c.notNull())
        .addColumn('step_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text')
        .addColumn('sha256', 'text')
        .addColumn('bytes', 'integer')
        .addColumn('attached_on', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_document_pk', ['case_id', 'event_seq'])
        .execute();

      await db.schema
        .createTable('case_event')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('case_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('case_event_case').on('case_event').columns(['case_id', 'seq']).execute();

      await db.schema
        .createTable('workflow_chain_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('next_case', 'integer', (c) => c.notNull())
        .addColumn('next_process', 'integer', (c) => c.notNull())
        .addColumn('touched', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`insert into workflow_chain_head (id, seq, hash, next_case, next_process, touched) values (1, 0, ${GENESIS_HASH}, 1, 1, 0)`.execute(db);
    },
  },
  // Indexes the overdue, at-risk and dashboard queries read in order or cover entirely, so
  // none of them sorts or visits every case row (bench/deadlines measures them over 1,000,000).
  '0002-query-indexes': {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('case_status_due').execute();
      await db.schema.dropIndex('case_closed_on').execute();
      await db.schema.createIndex('case_status_due_id').on('case').columns(['status', 'due_date', 'id', 'department', 'paused_since']).execute();
      await db.schema.createIndex('case_status_promised').on('case').columns(['status', 'promised_due']).execute();
      await db.schema.createIndex('case_opened').on('case').columns(['opened_on', 'id']).execute();
      await db.schema.createIndex('case_closed_on_time').on('case').columns(['closed_on', 'on_time']).execute();
    },
  },
  // Portal sessions signed out before their expiry, so a restart or another process refuses
  // them too. Rows live at most a session's lifetime (12 hours), so the table stays small
  // and pruning it by expiry needs no index.
  '0003-signed-out-sessions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('signed_out_session')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('expires', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};

/** Applies the workflow's pending migrations; cheap when none are pending. */
export async function migrateWorkflow(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...workflowMigrations(dialect) }) },
    migrationTableName: 'workflow_migration',
    migrationLockTableName: 'workflow_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new CaseError('migration-failed', `流程数据库迁移失败${failed ? `（${failed}）` : ''}：${error instanceof Error ? error.message : String(error)}`, [], { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
