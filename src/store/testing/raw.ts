import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '../open-store.js';

/**
 * Direct database access for tests only: counting rows behind the store's back, installing
 * a trigger that makes an insert fail, to break an import halfway, and taking a database
 * back to before a migration.
 */
export const STORE_TABLES = ['lists', 'list_versions', 'items', 'provisions', 'duties', 'findings', 'search_docs'] as const;

async function run<T>(url: string, sqlite: (db: Database.Database) => T, postgres: (client: pg.Client) => Promise<T>): Promise<T> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await postgres(client);
    } finally {
      await client.end();
    }
  }
  const db = new Database(url);
  try {
    db.pragma('busy_timeout = 15000');
    return sqlite(db);
  } finally {
    db.close();
  }
}

/** Row counts of every store table (and of the search index). */
export function tableCounts(url: string): Promise<Record<string, number>> {
  return run(
    url,
    (db) => {
      const counts: Record<string, number> = {};
      for (const t of STORE_TABLES) counts[t] = (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
      counts.search_index = (db.prepare(`select count(*) as n from search_fts_all_bi_docsize`).get() as { n: number }).n;
      return counts;
    },
    async (client) => {
      const counts: Record<string, number> = {};
      for (const t of STORE_TABLES) counts[t] = Number((await client.query(`select count(*) as n from ${t}`)).rows[0].n);
      counts.search_index = Number((await client.query('select count(*) as n from search_terms')).rows[0].n);
      return counts;
    },
  );
}

/** Makes inserting an item named `name` fail inside the database. */
export function failInsertsNamed(url: string, name: string): Promise<void> {
  return run(
    url,
    (db) => {
      db.prepare(`create trigger fail_item before insert on items when new.name = '${name}' begin select raise(abort, 'injected failure'); end`).run();
    },
    async (client) => {
      await client.query(`create function fail_item() returns trigger language plpgsql as $$
        begin if new.name = '${name}' then raise exception 'injected failure'; end if; return new; end $$`);
      await client.query('create trigger fail_item before insert on items for each row execute function fail_item()');
    },
  );
}

export function removeFailure(url: string): Promise<void> {
  return run(
    url,
    (db) => {
      db.prepare('drop trigger fail_item').run();
    },
    async (client) => {
      await client.query('drop trigger fail_item on items');
      await client.query('drop function fail_item()');
    },
  );
}

/** Runs statements straight on the database, outside the store. */
function runStatements(url: string, statements: readonly string[]): Promise<void> {
  return run(
    url,
    (db) => {
      for (const statement of statements) db.prepare(statement).run();
    },
    async (client) => {
      for (const statement of statements) await client.query(statement);
    },
  );
}

/** Takes a database back to before 0003-audited, as one written by an older quanze. */
export function beforeAuditedMigration(url: string): Promise<void> {
  return runStatements(url, ['alter table list_versions drop column audited_at', "delete from quanze_migrations where name = '0003-audited'"]);
}

/** Takes a database back to before 0004-search-texts, as one written by an older quanze. */
export function beforeSearchTextsMigration(url: string): Promise<void> {
  return runStatements(url, ['alter table search_docs drop column texts', "delete from quanze_migrations where name = '0004-search-texts'"]);
}
