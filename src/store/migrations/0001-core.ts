import { sql } from 'kysely';
import type { Migration } from './migration.js';

/** Lists, their versions, items and what is derived from items: provisions, duties, findings. */
export const core: Migration = {
  name: '0001-core',
  async up(db, adapter) {
    await db.schema
      .createTable('lists')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('list_key', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('list_versions')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('list_id', 'integer', (c) => c.notNull().references('lists.id'))
      .addColumn('version_no', 'integer', (c) => c.notNull())
      .addColumn('is_latest', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('source_file', 'text', (c) => c.notNull())
      .addColumn('source_format', 'text', (c) => c.notNull())
      .addColumn('source_bytes', adapter.int64Type, (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('department', 'text')
      .addColumn('region', 'text')
      .addColumn('level', 'text')
      .addColumn('item_count', 'integer', (c) => c.notNull())
      .addColumn('counts_by_type', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('meta', 'text', (c) => c.notNull())
      .addUniqueConstraint('list_versions_list_version', ['list_id', 'version_no'])
      .execute();
    // At most one latest version per list.
    await db.schema
      .createIndex('list_versions_latest')
      .unique()
      .on('list_versions')
      .column('list_id')
      .where(sql.ref('is_latest'), '=', 1)
      .execute();
    await db.schema.createIndex('list_versions_sha256').on('list_versions').column('sha256').execute();

    await db.schema
      .createTable('items')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version_id', 'integer', (c) => c.notNull().references('list_versions.id').onDelete('cascade'))
      .addColumn('list_id', 'integer', (c) => c.notNull().references('lists.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('record', 'integer', (c) => c.notNull())
      .addColumn('first_line', 'integer', (c) => c.notNull())
      .addColumn('last_line', 'integer', (c) => c.notNull())
      .addColumn('seq', 'text')
      .addColumn('implied_seq', adapter.int64Type)
      .addColumn('power_type', 'text')
      .addColumn('power_type_raw', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sub_item', 'text')
      .addColumn('subject', 'text')
      .addColumn('office', 'text')
      .addColumn('duty_count', 'integer', (c) => c.notNull())
      .addColumn('provision_count', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addUniqueConstraint('items_version_position', ['version_id', 'position'])
      .execute();
    await db.schema.createIndex('items_list').on('items').column('list_id').execute();
    await db.schema.createIndex('items_version_record').on('items').columns(['version_id', 'record']).execute();
    await db.schema.createIndex('items_power_type').on('items').column('power_type').execute();

    await db.schema
      .createTable('provisions')
      .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('entry_key', 'text')
      .addColumn('label', 'text')
      .addColumn('level', 'text')
      .addColumn('title', 'text')
      .addColumn('note', 'text')
      .addColumn('refs', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('provisions_pk', ['item_id', 'field', 'ordinal'])
      .execute();
    await db.schema.createIndex('provisions_title').on('provisions').column('title').execute();

    await db.schema
      .createTable('duties')
      .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('no', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('heading', 'text', (c) => c.notNull())
      .addColumn('unit', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('documents', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('duties_pk', ['item_id', 'ordinal'])
      .execute();
    await db.schema.createIndex('duties_name').on('duties').column('name').execute();

    await db.schema
      .createTable('findings')
      .addColumn('version_id', 'integer', (c) => c.notNull().references('list_versions.id').onDelete('cascade'))
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('item_id', 'integer', (c) => c.references('items.id').onDelete('cascade'))
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('finding', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('findings_pk', ['version_id', 'origin', 'ordinal'])
      .execute();
    await db.schema.createIndex('findings_item').on('findings').column('item_id').execute();
    await db.schema.createIndex('findings_rule').on('findings').column('rule_id').execute();

    await db.schema
      .createTable('search_docs')
      .addColumn('doc_id', adapter.int64Type, (c) => c.primaryKey())
      .addColumn('item_id', 'integer', (c) => c.notNull().unique().references('items.id').onDelete('cascade'))
      .addColumn('list_id', 'integer', (c) => c.notNull().references('lists.id'))
      .addColumn('version_id', 'integer', (c) => c.notNull().references('list_versions.id').onDelete('cascade'))
      .execute();
    await db.schema.createIndex('search_docs_list').on('search_docs').column('list_id').execute();
  },
};
