import { sql } from 'kysely';
import { gramSet } from '../../search/grams.js';
import type { SearchDocument } from '../../search/document.js';
import type { Db } from '../../tables.js';
import type { SearchIndex, SearchRequest } from '../adapter.js';

/**
 * PostgreSQL: one row per document with each zone's distinct characters and bigrams in a
 * text[] under a GIN index. Containing all of a query's grams narrows the candidates
 * (exactly, for one or two characters); strpos on the normalised zone text, whose fields
 * are joined by a newline no normalised query holds, makes the answer exact.
 */
const ROWS_PER_INSERT = 100;

function grams(fields: readonly string[]): string[] {
  const set = new Set<string>();
  for (const field of fields) gramSet(field, set);
  return [...set];
}

function condition(request: SearchRequest) {
  const { plan, filter } = request;
  const distinct = [...new Set(plan.grams)];
  // For one or two characters the gram test is already exact; longer queries need the text.
  const exact = [...plan.query].length <= 2;
  const title = exact
    ? sql`title_grams @> ${distinct}::text[]`
    : sql`(title_grams @> ${distinct}::text[] and strpos(title_text, ${plan.query}) > 0)`;
  const zone = request.zone === 'title' ? title : exact ? sql`all_grams @> ${distinct}::text[]` : sql`all_grams @> ${distinct}::text[] and strpos(all_text, ${plan.query}) > 0`;
  const parts = [zone];
  if (filter.listId !== undefined) parts.push(sql`list_id = ${filter.listId}`);
  if (filter.type !== undefined) parts.push(sql`power_type = ${filter.type}`);
  if (filter.level !== undefined) parts.push(sql`level = ${filter.level}`);
  if (filter.agency !== undefined) parts.push(sql`agencies @> ${[filter.agency]}::text[]`);
  if (request.excludeTitle) parts.push(sql`not (${title})`);
  return sql.join(parts, sql` and `);
}

export const postgresSearch: SearchIndex = {
  async create(db) {
    await db.schema
      .createTable('search_terms')
      .addColumn('doc_id', 'bigint', (c) => c.primaryKey().references('search_docs.doc_id').onDelete('cascade'))
      .addColumn('list_id', 'integer', (c) => c.notNull())
      .addColumn('power_type', 'text')
      .addColumn('level', 'text')
      .addColumn('agencies', sql`text[]`, (c) => c.notNull())
      .addColumn('title_text', 'text', (c) => c.notNull())
      .addColumn('all_text', 'text', (c) => c.notNull())
      .addColumn('title_grams', sql`text[]`, (c) => c.notNull())
      .addColumn('all_grams', sql`text[]`, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('search_terms_title_grams').on('search_terms').using('gin').column('title_grams').execute();
    await db.schema.createIndex('search_terms_all_grams').on('search_terms').using('gin').column('all_grams').execute();
    await db.schema.createIndex('search_terms_list').on('search_terms').column('list_id').execute();
  },

  async add(db, docs: readonly SearchDocument[]) {
    for (let start = 0; start < docs.length; start += ROWS_PER_INSERT) {
      const tuples = docs.slice(start, start + ROWS_PER_INSERT).map(
        (d) =>
          sql`(${d.docId}, ${d.listId}, ${d.powerType}, ${d.level}, ${d.agencies}::text[], ${d.title.join('\n')}, ${d.all.join('\n')}, ${grams(d.title)}::text[], ${grams(d.all)}::text[])`,
      );
      await sql`insert into search_terms (doc_id, list_id, power_type, level, agencies, title_text, all_text, title_grams, all_grams) values ${sql.join(tuples)}`.execute(
        db,
      );
    }
  },

  async removeList(db: Db, listId) {
    await sql`delete from search_terms where list_id = ${listId}`.execute(db);
  },

  async find(db, request, { offset, limit }) {
    const result = await sql<{ doc_id: string }>`select doc_id from search_terms where ${condition(request)} order by doc_id limit ${limit} offset ${offset}`.execute(
      db,
    );
    return result.rows.map((row) => Number(row.doc_id));
  },

  async count(db, request, limit) {
    const result = await sql<{ n: string }>`select count(*) as n from (select 1 from search_terms where ${condition(request)} limit ${limit}) as hits`.execute(
      db,
    );
    return Number(result.rows[0]?.n ?? 0);
  },
};
