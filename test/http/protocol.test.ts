import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import { POWER_TYPES } from '../../src/model/index.js';
import { openApiPath } from '../../src/server/api/openapi.js';
import { NAMED_SCHEMAS, Problem } from '../../src/server/api/responses.js';
import { API_ROUTES } from '../../src/server/api/routes.js';
import { createApp } from '../../src/server/index.js';
import { samplePath } from '../helpers/samples.js';
import { sampleApp, storeWith } from './helpers.js';

let app: Hono;
let itemId: string;
let listId: string;

beforeAll(async () => {
  const loaded = await sampleApp();
  app = loaded.app;
  const outcome = loaded.imported.get('liangzhou')?.outcome;
  listId = outcome?.listId ?? '';
  const items = (await (await app.request(`/api/lists/${listId}/items`)).json()) as { items: { id: string }[] };
  itemId = items.items[0]?.id ?? '';
});

/** Every GET endpoint, pages included, with a real id filled in. */
function endpoints(): string[] {
  return [
    '/api/lists',
    `/api/lists/${listId}`,
    `/api/lists/${listId}/items`,
    `/api/items/${itemId}`,
    '/api/search?q=%E5%A4%84%E7%BD%9A',
    '/api/openapi.json',
    '/',
    `/lists/${listId}`,
    `/items/${itemId}`,
    '/search?q=%E5%A4%84%E7%BD%9A',
  ];
}

describe('ETag and If-None-Match', () => {
  it('answers a repeated request with 304 and no body, and a stale tag with 200', async () => {
    for (const path of endpoints()) {
      const first = await app.request(path);
      const tag = first.headers.get('etag');
      expect(tag, path).toMatch(/^"[0-9a-f]+"$/);
      const again = await app.request(path, { headers: { 'If-None-Match': tag as string } });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(tag);
      const weak = await app.request(path, { headers: { 'If-None-Match': `"other", W/${tag}` } });
      expect(weak.status, path).toBe(304);
      const stale = await app.request(path, { headers: { 'If-None-Match': '"0000"' } });
      expect(stale.status, path).toBe(200);
    }
  });

  it('changes the tag when the data changes', async () => {
    const { store } = await storeWith([await importFile(samplePath('mima'))]);
    const own = createApp({ store });
    const before = (await own.request('/api/lists')).headers.get('etag') as string;
    await store.importList(await importFile(samplePath('baomi')));
    const after = await own.request('/api/lists', { headers: { 'If-None-Match': before } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    await store.close();
  });

  it('asks clients to revalidate JSON rather than cache it blindly', async () => {
    expect((await app.request('/api/lists')).headers.get('cache-control')).toBe('no-cache');
  });
});

describe('CORS', () => {
  it('lets any origin read the API and see the ETag', async () => {
    const res = await app.request('/api/lists', { headers: { Origin: 'https://example.org' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('keeps the CORS and resource policy headers on a 304, so another site can revalidate', async () => {
    const origin = { Origin: 'https://example.org' };
    for (const path of endpoints().filter((p) => p.startsWith('/api/'))) {
      const first = await app.request(path, { headers: origin });
      const tag = first.headers.get('etag') as string;
      for (const ifNoneMatch of [tag, `W/${tag}`, `"other", ${tag}`, '*']) {
        const again = await app.request(path, { headers: { ...origin, 'If-None-Match': ifNoneMatch } });
        expect(again.status, `${path} ${ifNoneMatch}`).toBe(304);
        for (const header of ['access-control-allow-origin', 'access-control-expose-headers', 'cross-origin-resource-policy', 'cache-control', 'etag']) {
          expect(again.headers.get(header), `${path} ${ifNoneMatch} ${header}`).toBe(first.headers.get(header));
        }
      }
    }
  });

  it('answers a preflight for GET and offers no writing method', async () => {
    const res = await app.request('/api/search?q=x', {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBe(204);
    const methods = res.headers.get('access-control-allow-methods') ?? '';
    expect(methods).toContain('GET');
    expect(methods).not.toMatch(/POST|PUT|PATCH|DELETE/);
  });

  it('is not offered for portal pages', async () => {
    const res = await app.request('/', { headers: { Origin: 'https://example.org' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});

describe('errors', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses %s with 405 problem+json and Allow', async (method) => {
    const res = await app.request('/api/lists', { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(Problem.parse(await res.json()).status).toBe(405);
  });

  it('answers an unknown API path with 404 problem+json and an unknown page with a Chinese HTML page', async () => {
    const api = await app.request('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(Problem.parse(await api.json())).toMatchObject({ status: 404, type: 'urn:quanze:problem:not-found', instance: '/api/nothing-here' });
    const page = await app.request('/nothing-here');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('找不到请求的资源');
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await app.request('/api/lists', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('hides the cause of an internal error from the client and logs it', async () => {
    const { store } = await storeWith([await importFile(samplePath('mima'))]);
    const logged: string[] = [];
    const broken = createApp({ store, log: (m) => logged.push(m) });
    await store.close();
    const res = await broken.request('/api/lists');
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(Problem.parse(JSON.parse(body))).toMatchObject({ status: 500, title: '服务器内部错误' });
    expect(body).not.toContain('数据库连接已关闭');
    expect(logged.join('\n')).toContain('数据库连接已关闭');
    const page = await broken.request('/');
    expect(page.status).toBe(500);
    expect(await page.text()).not.toContain('数据库连接已关闭');
  });
});

describe('security headers', () => {
  it('sends a CSP without inline scripts, nosniff and frame-ancestors on every response', async () => {
    for (const path of [...endpoints(), '/api/items/999999', '/assets/style.css']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'none'");
      expect(csp, path).toContain("style-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });
});

describe('OpenAPI document', () => {
  type Doc = {
    openapi: string;
    paths: Record<string, { get: { parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[]; responses: Record<string, unknown> } }>;
    components: { schemas: Record<string, unknown> };
  };
  let doc: Doc;

  beforeAll(async () => {
    doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
  });

  it('documents every API route the app serves', () => {
    expect(doc.openapi).toBe('3.1.0');
    const served = app.routes
      .filter((r) => r.method === 'GET' && r.path.startsWith('/api/') && r.path !== '/api/openapi.json')
      .map((r) => r.path.replace(/:(\w+)/g, '{$1}'));
    expect(served.length).toBe(API_ROUTES.length);
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(served)].sort());
    for (const route of API_ROUTES) expect(doc.paths[openApiPath(route.path)]).toBeDefined();
  });

  it('derives parameters from the validating schemas', () => {
    const search = doc.paths['/api/search']?.get.parameters ?? [];
    const byName = Object.fromEntries(search.map((p) => [p.name, p]));
    expect(byName.q).toMatchObject({ in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } });
    expect(byName.page).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } });
    expect(byName.pageSize?.schema).toMatchObject({ maximum: 100 });
    expect(byName.type?.schema.enum).toEqual([...POWER_TYPES]);
    const item = doc.paths['/api/items/{id}']?.get.parameters ?? [];
    expect(item).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
  });

  it('names every response schema and resolves every reference', () => {
    expect(Object.keys(doc.components.schemas).sort()).toEqual(Object.keys(NAMED_SCHEMAS).sort());
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
    for (const path of Object.values(doc.paths)) {
      expect(path.get.responses).toHaveProperty('200');
      expect(path.get.responses).toHaveProperty('400');
    }
  });
});
