import { sql } from 'kysely';
import type { PowerItem } from '../../model/index.js';
import { storedFieldTexts } from '../search/fields.js';
import type { Migration } from './migration.js';

/** Documents filled per statement: bounds the items' JSON held at once (~35 KB each for a sample item). */
const ROWS_PER_ROUND = 500;

/**
 * Each search document's searchable texts (`search_docs.texts`, see storedFieldTexts), so a
 * page of hits is cut into snippets from them instead of reading and parsing every hit's
 * whole item JSON. Existing documents are filled from their items in doc_id order, a round
 * at a time; imports write the column themselves. The default (empty) is only there because
 * SQLite adds a NOT NULL column only with one: no row keeps it.
 */
export const searchTexts: Migration = {
  name: '0004-search-texts',
  async up(db, adapter) {
    await db.schema
      .alterTable('search_docs')
      .addColumn('texts', adapter.bytesType, (c) => c.notNull().defaultTo(''))
      .execute();
    const perStatement = Math.max(1, Math.min(ROWS_PER_ROUND, Math.floor(adapter.maxParameters / 2)));
    const bytes = sql.raw(adapter.bytesType);
    let after = -1;
    for (;;) {
      const rows = await db
        .selectFrom('search_docs as d')
        .innerJoin('items as i', 'i.id', 'd.item_id')
        .select(['d.doc_id', 'i.data'])
        .where('d.doc_id', '>', after)
        .orderBy('d.doc_id')
        .limit(perStatement)
        .execute();
      if (rows.length === 0) break;
      const values = sql.join(
        rows.map((row) => sql`(cast(${row.doc_id} as bigint), cast(${storedFieldTexts(JSON.parse(row.data) as PowerItem)} as ${bytes}))`),
      );
      // VALUES names its columns column1, column2 on both databases.
      await sql`update search_docs set texts = v.column2 from (values ${values}) as v where search_docs.doc_id = v.column1`.execute(db);
      // PostgreSQL hands bigint keys back as strings.
      after = Number(rows[rows.length - 1]!.doc_id);
    }
  },
};
