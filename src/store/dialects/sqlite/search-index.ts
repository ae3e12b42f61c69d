import { type RawBuilder, sql } from 'kysely';
import { docRangeOf, type SearchDocument } from '../../search/document.js';
import { codePoints } from '../../search/grams.js';
import type { Db } from '../../tables.js';
import type { SearchIndex, SearchRequest, SearchZone } from '../adapter.js';
import { agencyOfToken, agencyToken, encodeChar, encodeGram, levelToken, quoted, typeToken } from './tokens.js';

/**
 * SQLite: four contentless FTS5 tables keyed by document id. The *_bi tables hold one
 * bigram token per character position (detail=full; the sequence of bigramSequence), so a query of n ≥ 2 characters is
 * the exact phrase of its bigrams; the *_uni tables hold each distinct character once
 * (detail=none) for one-character queries. Either way the index answers exactly: no
 * candidate needs checking against the text afterwards.
 */
const TABLES = {
  title: { bi: 'search_fts_title_bi', uni: 'search_fts_title_uni' },
  all: { bi: 'search_fts_all_bi', uni: 'search_fts_all_uni' },
} as const;

const TOKENIZE = `tokenize="ascii tokenchars '_'", content='', contentless_delete=1`;
const ROWS_PER_INSERT = 200;

function filterTokens(doc: SearchDocument): string[] {
  return [typeToken(doc.powerType), levelToken(doc.level), ...doc.agencies.map(agencyToken)];
}

/** The bigram sequence of each field (see bigramSequence), encoded, then the filter tokens. */
function biText(fields: readonly string[], meta: readonly string[]): string {
  const tokens: string[] = [];
  for (const field of fields) {
    const chars = codePoints(field).map(encodeChar);
    for (let i = 0; i < chars.length; i++) tokens.push(i + 1 < chars.length ? chars[i]! + chars[i + 1]! : chars[i]!);
  }
  for (const token of meta) tokens.push(token);
  return tokens.join(' ');
}

function uniText(fields: readonly string[], meta: readonly string[]): string {
  const chars = new Set<string>();
  for (const field of fields) for (const ch of codePoints(field)) chars.add(ch);
  return [...[...chars].map(encodeChar), ...meta].join(' ');
}

function tableFor(zone: SearchZone, request: SearchRequest): string {
  return codePoints(request.plan.query).length === 1 ? TABLES[zone].uni : TABLES[zone].bi;
}

/**
 * The agencies the index holds, read from FTS5's vocabulary of the table every document is in
 * (a virtual table over the index, made once per connection in `temp`: nothing is stored).
 * Agency tokens sort together after their prefix, so this reads only them: a few hundred
 * terms for a province.
 */
async function agencyTokensContaining(db: Db, part: string): Promise<string[]> {
  await sql`create virtual table if not exists temp.search_vocabulary using fts5vocab(main, ${sql.raw(TABLES.all.uni)}, row)`.execute(db);
  const terms = await sql<{ term: string }>`select term from temp.search_vocabulary where term >= 'ag_' and term < 'ag\`'`.execute(db);
  return terms.rows.map((row) => row.term).filter((term) => agencyOfToken(term)?.includes(part));
}

async function matchExpression(db: Db, request: SearchRequest): Promise<string> {
  const { plan, filter } = request;
  const parts = [quoted(plan.grams.map(encodeGram))];
  if (filter.type !== undefined) parts.push(quoted([typeToken(filter.type)]));
  if (filter.level !== undefined) parts.push(quoted([levelToken(filter.level)]));
  if (filter.agency !== undefined) {
    // A whole name is its own token; part of one is every agency that contains it.
    const tokens = new Set([agencyToken(filter.agency), ...(await agencyTokensContaining(db, filter.agency))]);
    parts.push(`(${[...tokens].map((token) => quoted([token])).join(' OR ')})`);
  }
  return parts.join(' AND ');
}

async function matching(db: Db, request: SearchRequest): Promise<RawBuilder<unknown>> {
  const table = sql.table(tableFor(request.zone, request));
  const expression = await matchExpression(db, request);
  const range =
    request.filter.listId === undefined
      ? sql``
      : sql` and rowid between ${docRangeOf(request.filter.listId)[0]} and ${docRangeOf(request.filter.listId)[1]}`;
  const title = sql.table(tableFor('title', request));
  const exclude = request.excludeTitle ? sql` and rowid not in (select rowid from ${title} where ${title} match ${expression})` : sql``;
  return sql`select rowid from ${table} where ${table} match ${expression}${range}${exclude}`;
}

export const sqliteSearch: SearchIndex = {
  async create(db) {
    for (const zone of Object.values(TABLES)) {
      await sql`create virtual table ${sql.table(zone.bi)} using fts5(grams, ${sql.raw(TOKENIZE)})`.execute(db);
      await sql`create virtual table ${sql.table(zone.uni)} using fts5(grams, ${sql.raw(TOKENIZE)}, detail='none')`.execute(db);
    }
  },

  async add(db, docs) {
    for (let start = 0; start < docs.length; start += ROWS_PER_INSERT) {
      const chunk = docs.slice(start, start + ROWS_PER_INSERT);
      const metas = chunk.map(filterTokens);
      const rows = {
        [TABLES.title.bi]: chunk.map((d, i) => [d.docId, biText(d.title, metas[i]!)] as const),
        [TABLES.title.uni]: chunk.map((d, i) => [d.docId, uniText(d.title, metas[i]!)] as const),
        [TABLES.all.bi]: chunk.map((d, i) => [d.docId, biText(d.all, metas[i]!)] as const),
        [TABLES.all.uni]: chunk.map((d, i) => [d.docId, uniText(d.all, metas[i]!)] as const),
      };
      for (const [table, values] of Object.entries(rows)) {
        const tuples = sql.join(values.map(([id, grams]) => sql`(${id}, ${grams})`));
        await sql`insert into ${sql.table(table)} (rowid, grams) values ${tuples}`.execute(db);
      }
    }
  },

  async removeList(db, listId) {
    for (const zone of Object.values(TABLES)) {
      for (const table of [zone.bi, zone.uni]) {
        await sql`delete from ${sql.table(table)} where rowid in (select doc_id from search_docs where list_id = ${listId})`.execute(db);
      }
    }
  },

  async find(db, request, { offset, limit }) {
    const result = await sql<{ rowid: number }>`${await matching(db, request)} order by rowid limit ${limit} offset ${offset}`.execute(db);
    return result.rows.map((row) => Number(row.rowid));
  },

  async count(db, request, limit) {
    const result = await sql<{ n: number }>`select count(*) as n from (${await matching(db, request)} limit ${limit})`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  },
};
