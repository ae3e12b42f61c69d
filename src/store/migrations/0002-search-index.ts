import type { Migration } from './migration.js';

/** The dialect's own search structures (FTS5 tables on SQLite, gram arrays under GIN on PostgreSQL). */
export const searchIndex: Migration = {
  name: '0002-search-index',
  async up(db, adapter) {
    await adapter.search.create(db);
  },
};
