import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDatabaseUrl, isPostgresUrl, openStore } from './open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'quanze-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openStore', () => {
  it.each([
    [{ QUANZE_DATABASE_URL: 'postgres://u@h/db' }, 'postgres://u@h/db'],
    [{ QUANZE_DATABASE_URL: '  ' }, '/srv/app/.quanze/quanze.sqlite'],
    [{ QUANZE_DATA_DIR: '/var/lib/quanze' }, '/var/lib/quanze/quanze.sqlite'],
    [{}, '/srv/app/.quanze/quanze.sqlite'],
  ])('defaultDatabaseUrl(%j) = %s', (env, url) => {
    expect(defaultDatabaseUrl(env, '/srv/app')).toBe(url);
  });

  it.each([
    ['postgres://a@b/c', true],
    ['postgresql://a@b/c', true],
    ['data/quanze.sqlite', false],
    [':memory:', false],
  ])('isPostgresUrl(%j) = %s', (url, yes) => {
    expect(isPostgresUrl(url)).toBe(yes);
  });

  it('creates the directories of a SQLite file, with or without the sqlite: prefix', async () => {
    for (const url of [join(dir, 'a/b/one.sqlite'), `sqlite:${join(dir, 'c/two.sqlite')}`]) {
      const store = await openStore(url);
      expect(store.dialect).toBe('sqlite');
      await store.migrate();
      await store.close();
    }
    expect(existsSync(join(dir, 'a/b/one.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'c/two.sqlite'))).toBe(true);
  });

  it('refuses URLs of other databases and says why', async () => {
    await expect(openStore('mysql://root@localhost/db')).rejects.toMatchObject({ code: 'invalid-url' });
    await expect(openStore('')).rejects.toMatchObject({ code: 'invalid-url' });
  });

  it('reports a PostgreSQL it cannot reach, without the password', async () => {
    const error = await openStore('postgres://someone:secret@127.0.0.1:1/none').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'connect-failed' });
    expect((error as Error).message).not.toContain('secret');
  });

  it('works in memory and refuses work once closed', async () => {
    const store = await openStore(':memory:');
    await store.migrate();
    expect(await store.listLists()).toEqual([]);
    await store.close();
    await store.close();
    await expect(store.listLists()).rejects.toMatchObject({ code: 'closed' });
  });
});
