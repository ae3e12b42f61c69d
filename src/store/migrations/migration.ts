import type { DialectAdapter } from '../dialects/adapter.js';
import type { Db } from '../tables.js';

/** One schema step. Names sort in the order they apply and never change once released. */
export interface Migration {
  name: string;
  up(db: Db, adapter: DialectAdapter): Promise<void>;
}

/** What `migrate()` reports for each migration it knows. */
export interface MigrationResult {
  name: string;
  status: 'applied' | 'already-applied' | 'failed' | 'not-run';
  /** Chinese explanation when status is "failed". */
  error?: string;
}
