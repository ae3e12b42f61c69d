import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import { makeFinding, type PowerItem, type PowerList } from '../../src/model/index.js';
import { createApp } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { samplePath } from '../helpers/samples.js';
import { siteApp, storeWith } from './helpers.js';

/**
 * The item page is served from a cache of rendered bytes: these check it against a fresh
 * render, and that everything the page shows that can change does show once changed.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function staleFinding(list: PowerList, item: PowerItem, law: string) {
  return makeFinding('test-rule', { stale: '依据《{law}》已修订' }, 'stale', 'warning', { file: list.source.file, record: item.provenance.record, field: '实施依据' }, { law });
}

async function itemIds(store: Store): Promise<{ id: string; position: number; versionId: string }[]> {
  return (await store.listItems({ pageSize: 100 })).items;
}

const findingsOf = (page: string) => page.slice(page.indexOf('<h2 id="findings">'), page.indexOf('<h2 id="source">'));

describe('the cached item page', () => {
  it('is byte for byte a fresh render of its own item, for every item of two lists, asked in turn', async () => {
    const lists = [await importFile(samplePath('baomi')), await importFile(samplePath('liangzhou'))];
    const { store } = await storeWith(lists);
    const cached = createApp({ store, now: () => new Date('2025-03-01') });
    const uncached = createApp({ store, now: () => new Date('2025-03-01'), cacheBytes: 0 });
    const ids = [...(await store.listItems({ pageSize: 100 })).items, ...(await store.listItems({ pageSize: 100, page: 2 })).items].map((i) => i.id);
    expect(ids.length).toBeGreaterThan(20);
    const tags = new Set<string>();
    // Two passes: the second is served from the cache, in an order the first did not use.
    for (const pass of [ids, [...ids].reverse()]) {
      for (const id of pass) {
        const got = await cached.request(`/items/${id}`);
        const want = await uncached.request(`/items/${id}`);
        expect(got.status).toBe(200);
        const body = await got.text();
        expect(body, id).toBe(await want.text());
        expect(body).toContain(`href="/items/${id}/process.bpmn"`);
        tags.add(got.headers.get('etag') as string);
      }
    }
    expect(tags.size).toBe(ids.length);
    await store.close();
  });

  it('shows findings saved after it was cached, with a new ETag, and drops them when an audit replaces them', async () => {
    const list = await importFile(samplePath('liangzhou'));
    const { store, outcomes } = await storeWith([list]);
    const app = createApp({ store });
    const versionId = outcomes[0]?.versionId as string;
    const id = (await itemIds(store)).find((i) => i.position === 2)?.id as string;
    const first = await app.request(`/items/${id}`);
    const tag = first.headers.get('etag') as string;
    expect(findingsOf(await first.text())).not.toContain('已修订');
    expect((await app.request(`/items/${id}`, { headers: { 'If-None-Match': tag } })).status).toBe(304);

    await store.saveFindings(versionId, [staleFinding(list, list.items[2] as PowerItem, '中华人民共和国网络安全法')]);
    const after = await app.request(`/items/${id}`, { headers: { 'If-None-Match': tag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
    expect(findingsOf(await after.text())).toContain('依据《中华人民共和国网络安全法》已修订');

    await store.saveFindings(versionId, []);
    const cleared = await app.request(`/items/${id}`);
    expect(findingsOf(await cleared.text())).not.toContain('已修订');
    expect(cleared.headers.get('etag')).toBe(tag);
    await store.close();
  });

  it('shows findings another connection saved to the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quanze-item-cache-'));
    dirs.push(dir);
    const file = join(dir, 'site.sqlite');
    const list = await importFile(samplePath('liangzhou'));
    const server = await openStore(file);
    await server.migrate();
    const { versionId } = await server.importList(list);
    const app = createApp({ store: server });
    const id = (await itemIds(server)).find((i) => i.position === 2)?.id as string;
    expect(findingsOf(await (await app.request(`/items/${id}`)).text())).not.toContain('已修订');

    // What `quanze audit --db` in another process does: its own connection, its own commit.
    const auditor = await openStore(file);
    await auditor.saveFindings(versionId, [staleFinding(list, list.items[2] as PowerItem, '中华人民共和国密码法')]);
    await auditor.close();
    expect(findingsOf(await (await app.request(`/items/${id}`)).text())).toContain('依据《中华人民共和国密码法》已修订');
    await server.close();
  });

  it('reads the findings on every request from a store that has no change token (PostgreSQL)', async () => {
    const list = await importFile(samplePath('liangzhou'));
    const { store, outcomes } = await storeWith([list]);
    const app = createApp({ store: { ...store, changeToken: () => null } });
    const id = (await itemIds(store)).find((i) => i.position === 2)?.id as string;
    const tag = (await app.request(`/items/${id}`)).headers.get('etag') as string;
    expect((await app.request(`/items/${id}`, { headers: { 'If-None-Match': tag } })).status).toBe(304);
    await store.saveFindings(outcomes[0]?.versionId as string, [staleFinding(list, list.items[2] as PowerItem, '中华人民共和国保守国家秘密法')]);
    const after = await app.request(`/items/${id}`, { headers: { 'If-None-Match': tag } });
    expect(after.status).toBe(200);
    expect(findingsOf(await after.text())).toContain('依据《中华人民共和国保守国家秘密法》已修订');
    await store.close();
  });

  it('sends brotli or gzip to clients that accept it, the same page, each coding with its own ETag', async () => {
    const { store } = await storeWith([await importFile(samplePath('liangzhou'))]);
    const app = createApp({ store });
    const id = (await itemIds(store))[1]?.id as string;
    const plain = await app.request(`/items/${id}`);
    const html = new Uint8Array(await plain.arrayBuffer());
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const tags = new Set([plain.headers.get('etag')]);
    for (const [accept, coding, decode] of [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
    ] as const) {
      const res = await app.request(`/items/${id}`, { headers: { 'Accept-Encoding': accept } });
      expect(res.headers.get('content-encoding')).toBe(coding);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      const body = new Uint8Array(await res.arrayBuffer());
      expect(body.byteLength).toBeLessThan(html.byteLength / 3);
      expect(new Uint8Array(decode(body))).toEqual(html);
      const tag = res.headers.get('etag') as string;
      tags.add(tag);
      const again = await app.request(`/items/${id}`, { headers: { 'Accept-Encoding': accept, 'If-None-Match': tag } });
      expect(again.status).toBe(304);
    }
    expect(tags.size).toBe(3);
    await store.close();
  });

  it('shows the new year in its footer when the year turns', async () => {
    const { store } = await storeWith([await importFile(samplePath('liangzhou'))]);
    let now = new Date('2025-12-31T12:00:00Z');
    const app = createApp({ store, now: () => now });
    const id = (await itemIds(store))[0]?.id as string;
    expect(await (await app.request(`/items/${id}`)).text()).toContain('© 2025 quanze');
    now = new Date('2026-01-02T12:00:00Z');
    expect(await (await app.request(`/items/${id}`)).text()).toContain('© 2026 quanze');
    await store.close();
  });

  it('offers the stored process definition once a case opened through the site saved one', async () => {
    const token = 'item-cache-token';
    const { app, store, cases } = await siteApp({ adminToken: token });
    const id = (await store.search({ q: '保密检查' })).items[0]?.id as string;
    expect(await (await app.request(`/items/${id}`)).text()).toContain(`href="/items/${id}/process.bpmn"`);
    const opened = await app.request('/api/cases', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ itemId: id }),
    });
    expect(opened.status).toBe(201);
    const stored = await cases.processForItem(id);
    expect(stored).not.toBeNull();
    expect(await (await app.request(`/items/${id}`)).text()).toContain(`href="/api/processes/${stored?.id}/bpmn?version=${stored?.version}"`);
    await cases.disconnect();
    await store.close();
  });
});
