import { type RawBuilder, sql } from 'kysely';
import { gramSet } from '../../search/grams.js';
import type { SearchDocument } from '../../search/document.js';
import type { Db } from '../../tables.js';
import type { SearchIndex, SearchRequest, SearchZone } from '../adapter.js';

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

/**
 * Up to this window end (offset + limit), find first tests the first PROBE_FACTOR × that many
 * rows in doc_id order, and answers from them when they hold the whole window: a query
 * matching at least one row in PROBE_FACTOR. Reading a row's grams and text costs ~60 µs, so
 * a rarer query loses a few milliseconds there before the index path, which costs a common
 * query a pass over every candidate's row (~0.3 s on 200,000 items).
 */
const PROBE_FACTOR = 8;
const PROBE_MAX_WANTED = 200;

/** A zone's gram test, which the GIN index answers, and its exact text test when grams are not enough. */
function zoneTests(zone: SearchZone, plan: SearchRequest['plan']) {
  const distinct = [...new Set(plan.grams)];
  // For one or two characters the gram test is already exact; longer queries need the text.
  const exact = [...plan.query].length <= 2;
  const grams = zone === 'title' ? sql`title_grams @> ${distinct}::text[]` : sql`all_grams @> ${distinct}::text[]`;
  const text = exact ? null : zone === 'title' ? sql`strpos(title_text, ${plan.query}) > 0` : sql`strpos(all_text, ${plan.query}) > 0`;
  return { grams, text };
}

/**
 * What can be tested without reading a zone's text (which PostgreSQL keeps out of line,
 * compressed): the gram test, the filters, and leaving out title hits (title columns are small).
 */
function cheapTests(request: SearchRequest) {
  const { filter } = request;
  const parts = [zoneTests(request.zone, request.plan).grams];
  if (filter.listId !== undefined) parts.push(sql`list_id = ${filter.listId}`);
  if (filter.type !== undefined) parts.push(sql`power_type = ${filter.type}`);
  if (filter.level !== undefined) parts.push(sql`level = ${filter.level}`);
  // A whole name or part of one: a document names at most two agencies (department, 实施主体).
  if (filter.agency !== undefined) parts.push(sql`exists (select 1 from unnest(agencies) as agency where strpos(agency, ${filter.agency}) > 0)`);
  if (request.excludeTitle) {
    const title = zoneTests('title', request.plan);
    parts.push(title.text ? sql`not (${title.grams} and ${title.text})` : sql`not (${title.grams})`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * Runs a search statement with PostgreSQL's planner held to the GIN index. Left to itself it
 * walks the primary key in doc_id order and tests each row's gram array, which it prices as
 * cheap but which reads the whole array out of line: 11.5 s for a query with no hit on
 * 200,000 items, against 10.8 ms through the index. Sequential and plain index scans are
 * turned off for this one transaction (set_config … is_local), which leaves bitmap scans:
 * the GIN index on the grams, the btree on list_id. JIT is off too (its compiling cost a
 * tenth of a second on plans it thought expensive), and sorting 200,000 candidate ids gets
 * the memory it needs instead of spilling to disk.
 */
function throughIndex<R>(db: Db, statement: RawBuilder<R>): Promise<R[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(trx);
    return (await statement.execute(trx)).rows;
  });
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
    const { text } = zoneTests(request.zone, request.plan);
    const cheap = cheapTests(request);
    const tests = text ? sql`${cheap} and ${text}` : cheap;
    const wanted = offset + limit;
    if (wanted <= PROBE_MAX_WANTED) {
      // A common query's window lies in the first rows in doc_id order: test those one by one
      // (their grams and text are read, which is why it stops after PROBE_FACTOR × wanted rows).
      const probe = await sql<{ doc_id: string }>`select doc_id from (select * from search_terms order by doc_id limit ${PROBE_FACTOR * wanted}) as head
        where ${tests} order by doc_id limit ${wanted}`.execute(db);
      if (probe.rows.length === wanted) return probe.rows.slice(offset).map((row) => Number(row.doc_id));
    }
    // Otherwise the candidates the index gives, sorted by doc_id in a subquery (so the planner
    // knows the order and keeps it through the join), then the text test on as many as the
    // window needs: a phrase stops after a page instead of reading every candidate's text.
    const statement = text
      ? sql<{ doc_id: string }>`with candidates as materialized (select doc_id from search_terms where ${cheap})
          select c.doc_id from (select doc_id from candidates order by doc_id) c
          where exists (select 1 from search_terms where search_terms.doc_id = c.doc_id and ${text})
          order by c.doc_id limit ${limit} offset ${offset}`
      : sql<{ doc_id: string }>`select doc_id from search_terms where ${tests} order by doc_id limit ${limit} offset ${offset}`;
    return (await throughIndex(db, statement)).map((row) => Number(row.doc_id));
  },

  async count(db, request, limit) {
    const { text } = zoneTests(request.zone, request.plan);
    const statement = sql<{ n: string }>`select count(*) as n from (select 1 from search_terms where ${cheapTests(request)}${text ? sql` and ${text}` : sql``} limit ${limit}) as hits`;
    return Number((await throughIndex(db, statement))[0]?.n ?? 0);
  },
};
