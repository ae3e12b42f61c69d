import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import { createApp } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { type CaseStore, openCaseStore } from '../../src/workflow/index.js';
import { samplePath } from '../helpers/samples.js';
import { createTestDatabase, movableClock, skipPostgres, tempSqlite, testCalendar } from '../workflow/helpers.js';
import { storeWith } from './helpers.js';

const skipPg = await skipPostgres();
const TOKEN = 'counter-token-0123456789abcdef';
const clock = movableClock('2025-05-06');
let store: Store;
beforeAll(async () => {
  ({ store } = await storeWith([await importFile(samplePath('baomi'))]));
});
afterAll(async () => {
  await store?.close();
});

/** The signed_out_session rows as someone reading the database sees them. */
async function signedOutRows(url: string): Promise<{ id_hash: string; expires: number }[]> {
  if (url.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('select id_hash, expires from signed_out_session order by id_hash');
    await client.end();
    return rows.map((r: { id_hash: string; expires: string }) => ({ id_hash: r.id_hash, expires: Number(r.expires) }));
  }
  const db = new Database(url, { readonly: true });
  const rows = db.prepare('select id_hash, expires from signed_out_session order by id_hash').all() as { id_hash: string; expires: number }[];
  db.close();
  return rows;
}

function signOutSuite(name: string, backend: () => Promise<{ url: string; cleanup(): Promise<void> }>) {
  describe(name, () => {
    let url = '';
    let cleanup = async () => {};
    let now = Date.parse('2025-05-06T02:00:00Z');
    const open: CaseStore[] = [];
    /** A server process over the database: its own case store and app. */
    async function server(): Promise<{ app: Hono; cases: CaseStore }> {
      const cases = await openCaseStore(url, { calendar: await testCalendar(), clock });
      open.push(cases);
      return { app: createApp({ store, cases, clock, adminToken: TOKEN, authClock: () => now }), cases };
    }
    beforeAll(async () => {
      ({ url, cleanup } = await backend());
    });
    afterAll(async () => {
      for (const cases of open) await cases.disconnect();
      await cleanup();
    });

    const post = (app: Hono, path: string, fields: Record<string, string>, cookie?: string) =>
      app.request(path, {
        method: 'POST',
        body: new URLSearchParams(fields).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
      });
    async function signIn(app: Hono): Promise<{ cookie: string; formToken: string }> {
      const res = await post(app, '/login', { token: TOKEN, next: '/cases' });
      expect(res.status).toBe(303);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const page = await (await app.request('/cases', { headers: { Cookie: cookie } })).text();
      return { cookie, formToken: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
    }
    const signedIn = async (app: Hono, cookie: string) => (await (await app.request('/cases', { headers: { Cookie: cookie } })).text()).includes('<span>已登录</span>');
    const idOf = (cookie: string) => cookie.split('=')[1]?.split('.')[0] as string;
    const hashOf = (cookie: string) => createHash('sha256').update(idOf(cookie)).digest('base64url');

    it('a sign-out holds in another process at once and after a restart; other sessions carry on; the table keeps hashes only', async () => {
      const first = await server();
      const second = await server();
      const gone = await signIn(first.app);
      const kept = await signIn(first.app);
      expect(await signedIn(second.app, gone.cookie)).toBe(true);

      const out = await post(first.app, '/logout', { _csrf: gone.formToken }, gone.cookie);
      expect(out.status).toBe(303);
      expect(await signedIn(first.app, gone.cookie)).toBe(false);
      // The other process refuses the copied cookie too, for pages and for forms.
      expect(await signedIn(second.app, gone.cookie)).toBe(false);
      const refused = await post(second.app, '/cases', { _csrf: gone.formToken, itemId: '1' }, gone.cookie);
      expect(refused.status).toBe(401);
      expect(await signedIn(second.app, kept.cookie)).toBe(true);

      for (const cases of open.splice(0)) await cases.disconnect();
      const restarted = await server();
      expect(await signedIn(restarted.app, gone.cookie)).toBe(false);
      expect((await post(restarted.app, '/cases', { _csrf: gone.formToken, itemId: '1' }, gone.cookie)).status).toBe(401);
      expect(await signedIn(restarted.app, kept.cookie)).toBe(true);

      const rows = await signedOutRows(url);
      expect(rows).toEqual([{ id_hash: hashOf(gone.cookie), expires: Number(gone.cookie.split('.')[1]) }]);
      expect(JSON.stringify(rows)).not.toContain(idOf(gone.cookie));
    });

    it('signing out twice is harmless, and a sign-out drops the rows of sessions that have expired', async () => {
      const { app, cases } = await server();
      const before = await signedOutRows(url);
      expect(before).toHaveLength(1);
      const session = await signIn(app);
      await post(app, '/logout', { _csrf: session.formToken }, session.cookie);
      // A second tab posts its sign-out after the first: refused (no session), nothing changes.
      expect((await post(app, '/logout', { _csrf: session.formToken }, session.cookie)).status).toBe(401);
      // Two sign-outs of one session racing past the guard: the second finds the row there.
      await cases.signOuts.add(hashOf(session.cookie), Number(session.cookie.split('.')[1]), Math.floor(now / 1000));
      expect((await signedOutRows(url)).map((r) => r.id_hash).sort()).toEqual([before[0]?.id_hash, hashOf(session.cookie)].sort());

      now += 12 * 3600 * 1000;
      const later = await signIn(app);
      await post(app, '/logout', { _csrf: later.formToken }, later.cookie);
      expect((await signedOutRows(url)).map((r) => r.id_hash)).toEqual([hashOf(later.cookie)]);
    });
  });
}

signOutSuite('sign-out on SQLite', async () => ({ url: tempSqlite(), cleanup: async () => {} }));

describe.skipIf(skipPg)('PostgreSQL', () => {
  signOutSuite('sign-out on PostgreSQL', async () => {
    const db = await createTestDatabase('signout');
    return { url: db.url, cleanup: () => db.drop() };
  });
});
