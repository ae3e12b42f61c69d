import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import { createApp } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { PG_UNREACHABLE, postgresDatabases, postgresReachable } from '../../src/store/testing/databases.js';
import { SAMPLES, type SampleName, samplePath } from '../helpers/samples.js';

const reachable = await postgresReachable();
const inCi = process.env.CI === 'true';
if (!reachable) console.warn(PG_UNREACHABLE);

const CLOCK = () => new Date('2025-03-01T08:00:00Z');

async function loaded(url: string): Promise<Store> {
  const store = await openStore(url, { now: CLOCK });
  await store.migrate();
  for (const name of Object.keys(SAMPLES) as SampleName[]) await store.importList(await importFile(samplePath(name)));
  return store;
}

// CI runs PostgreSQL, so there a missing server is a failure, not a skip.
describe.skipIf(!reachable && !inCi)('the API on SQLite and on PostgreSQL', () => {
  const databases = postgresDatabases();
  const stores: Store[] = [];
  let sqlite: Hono;
  let postgres: Hono;

  beforeAll(async () => {
    const [a, b] = await Promise.all([loaded(':memory:'), loaded(await databases.fresh())]);
    stores.push(a, b);
    sqlite = createApp({ store: a, now: CLOCK });
    postgres = createApp({ store: b, now: CLOCK });
  });

  afterAll(async () => {
    for (const store of stores) await store.close();
    await databases.dispose();
  });

  it('answers every endpoint and page byte for byte alike', async () => {
    const items = (await (await sqlite.request('/api/lists/5/items?pageSize=100')).json()) as { items: { id: string }[] };
    const paths = [
      '/api/lists',
      '/api/lists?page=2&pageSize=2',
      ...['1', '2', '3', '4', '5'].flatMap((id) => [`/api/lists/${id}`, `/api/lists/${id}/items?pageSize=100`, `/lists/${id}`]),
      `/api/lists/1/items?type=${encodeURIComponent('行政检查')}`,
      ...items.items.flatMap((i) => [`/api/items/${i.id}`, `/items/${i.id}`]),
      ...['密码', '网络安全', '处罚', '第二十三条'].flatMap((q) => [`/api/search?q=${encodeURIComponent(q)}&pageSize=50`, `/search?q=${encodeURIComponent(q)}`]),
      `/api/search?q=${encodeURIComponent('密码')}&type=${encodeURIComponent('行政检查')}&agency=${encodeURIComponent('自治区')}`,
      '/lists/3/processes/2',
    ];
    const failing = { '/api/items/999999': 404, '/api/search?q=': 400 } as Record<string, number>;
    expect(items.items.length).toBeGreaterThan(0);
    for (const path of [...paths, ...Object.keys(failing)]) {
      const [a, b] = await Promise.all([sqlite.request(path), postgres.request(path)]);
      expect(a.status, path).toBe(failing[path] ?? 200);
      expect(b.status, path).toBe(a.status);
      expect(await b.text(), path).toBe(await a.text());
    }
  });
});
