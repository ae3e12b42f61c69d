import type { WriteQueue } from './connect.js';
import type { WorkflowDb } from './tables.js';

/**
 * The portal's record of signed-out sessions, by a hash of each session id (the caller
 * hashes; this never sees an id).
 */
export interface SignOutLog {
  /** Whether the session with this id hash was signed out. */
  has(idHash: string): Promise<boolean>;
  /**
   * Records a sign-out until `expires` (seconds since the epoch) and drops the records of
   * sessions that have expired by `now` (seconds): those are refused for their age anyway.
   */
  add(idHash: string, expires: number, now: number): Promise<void>;
}

/** The sign-out log in the workflow database, seen by every process on it and after a restart. */
export function databaseSignOuts(db: WorkflowDb, queue: WriteQueue): SignOutLog {
  return {
    async has(idHash) {
      const row = await db.selectFrom('signed_out_session').select('id_hash').where('id_hash', '=', idHash).executeTakeFirst();
      return row !== undefined;
    },
    add(idHash, expires, now) {
      return queue(() =>
        db.transaction().execute(async (trx) => {
          await trx.deleteFrom('signed_out_session').where('expires', '<=', now).execute();
          // Two tabs signing out the same session at once: the second finds the row there.
          await trx
            .insertInto('signed_out_session')
            .values({ id_hash: idHash, expires })
            .onConflict((oc) => oc.column('id_hash').doNothing())
            .execute();
        }),
      );
    },
  };
}
