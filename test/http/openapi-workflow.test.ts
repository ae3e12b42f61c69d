import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../../src/server/api/responses.js';
import type { Store } from '../../src/store/index.js';
import { type CaseStore, MAX_DOCUMENT_BYTES } from '../../src/workflow/index.js';
import { sampleApp, siteApp } from './helpers.js';

/**
 * The workflow's endpoints in /api/openapi.json: every one the site serves is documented
 * with its method, and the document's parameter and body schemas are the ones requests are
 * held to: input they rule out is refused.
 */

const TOKEN = 'openapi-test-token';

type Operation = {
  operationId: string;
  parameters: { name: string; in: 'path' | 'query'; required: boolean; schema: { pattern?: string; enum?: string[] } }[];
  requestBody?: {
    content: { 'application/json': { schema: { type: string; additionalProperties?: boolean; required?: string[]; properties: Record<string, { type?: string; maxLength?: number; description?: string }> } } };
  };
  security?: unknown[];
  responses: Record<string, unknown>;
};
type Doc = { paths: Record<string, Record<string, Operation>>; tags: { name: string }[]; components: { securitySchemes?: Record<string, unknown> } };

let site: { app: Hono; store: Store; cases: CaseStore };
let doc: Doc;

beforeAll(async () => {
  site = await siteApp({ adminToken: TOKEN });
  doc = (await (await site.app.request('/api/openapi.json')).json()) as Doc;
});

afterAll(async () => {
  await site.cases.disconnect();
  await site.store.close();
});

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** Method and path of every handler the app serves under /api. */
function served(app: Hono): string[] {
  const routes = app.routes
    .filter((r) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.path.startsWith('/api/') && r.path !== '/api/openapi.json')
    .map((r) => `${r.method} ${openApiPath(r.path)}`);
  return [...new Set(routes)].sort();
}

function documented(d: Doc): string[] {
  return Object.entries(d.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

/** A path with its parameters filled in, one of them replaced by `bad` when given. */
function fill(path: string, op: Operation, bad?: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === bad) return 'not-valid';
    return name === 'id' && path.startsWith('/api/cases') ? '2025-00001' : name === 'id' ? 'P1' : op.operationId;
  });
}

describe('the OpenAPI document with the workflow mounted', () => {
  it('documents every endpoint the site serves, with its method, and nothing it does not serve', () => {
    expect(documented(doc)).toEqual(served(site.app));
    expect(documented(doc).filter((d) => d.includes('/api/cases') || d.includes('/api/processes')).length).toBeGreaterThan(10);
    expect(doc.tags.map((t) => t.name)).toEqual(expect.arrayContaining(['办件', '流程定义', '督办', '审计']));
  });

  it('marks every write as needing the admin token, and the site refuses it without one', async () => {
    expect(doc.components.securitySchemes?.adminToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const write = method !== 'get';
        expect(op.security !== undefined, `${method} ${path}`).toBe(write);
        if (!write) continue;
        const res = await site.app.request(fill(path, op), { method: method.toUpperCase(), body: '{}', headers: { 'Content-Type': 'application/json' } });
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    }
  });

  it('holds requests to the documented schemas: a path parameter off its pattern, an unknown body field, a missing required one are 400', async () => {
    const refused = async (method: string, url: string, body?: unknown) => {
      const res = await site.app.request(url, {
        method,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(Problem.safeParse(await res.json()).success).toBe(true);
    };
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/cases') && !path.startsWith('/api/processes') && !path.startsWith('/api/supervision')) continue;
      for (const [method, op] of Object.entries(ops)) {
        for (const p of op.parameters) {
          if (p.in === 'path' && p.schema.pattern) {
            expect(new RegExp(p.schema.pattern).test('not-valid')).toBe(false);
            await refused(method.toUpperCase(), fill(path, op, p.name), op.requestBody ? {} : undefined);
            checked++;
          }
          if (p.in === 'query' && (p.schema.pattern || p.schema.enum)) {
            await refused(method.toUpperCase(), `${fill(path, op)}?${p.name}=not-valid`, op.requestBody ? {} : undefined);
            checked++;
          }
        }
        const body = op.requestBody?.content['application/json'].schema;
        if (body?.additionalProperties === false) {
          await refused(method.toUpperCase(), fill(path, op), { notDocumented: 1 });
          checked++;
        }
        if (body?.required?.length) {
          await refused(method.toUpperCase(), fill(path, op), {});
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('documents the 413 of every write with a body and the longest contentBase64, and the site holds to them', async () => {
    const attach = doc.paths['/api/cases/{id}/documents']?.post;
    const content = attach?.requestBody?.content['application/json'].schema.properties.contentBase64;
    // Exactly a 10 MB file's base64, padding included.
    expect(content?.maxLength).toBe(Buffer.alloc(MAX_DOCUMENT_BYTES).toString('base64').length);
    expect(content?.description).toContain('不超过 10 MB');
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op.requestBody) continue;
        expect(op.responses['413'], `${method} ${path}`).toBeDefined();
        let pulled = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled++;
            controller.enqueue(new Uint8Array(64 * 1024));
          },
        });
        const res = await site.app.request(fill(path, op), {
          method: method.toUpperCase(),
          body,
          duplex: 'half',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, 'Content-Length': String(40 * 1024 * 1024) },
        } as RequestInit);
        expect(res.status, `${method} ${path}`).toBe(413);
        expect(Problem.safeParse(await res.json()).success).toBe(true);
        expect(pulled, `${method} ${path}`).toBeLessThanOrEqual(1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('answers a method a documented path does not take with 405 and an Allow naming those it does, before asking for the token', async () => {
    const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
    const refusals: string[] = [];
    let refused = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const taken = new Set(Object.keys(ops).map((m) => m.toUpperCase()));
      if (taken.has('GET')) taken.add('HEAD');
      const allow = [...METHODS.filter((m) => taken.has(m)), 'OPTIONS'].join(', ');
      const url = fill(path, Object.values(ops)[0] as Operation);
      for (const method of METHODS) {
        for (const headers of [{}, { Authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
          const res = await site.app.request(url, { method, headers });
          const what = `${method} ${url} ${JSON.stringify(headers)}`;
          if (taken.has(method)) {
            if (res.status === 405) refusals.push(`${what}：文档中有此方法，却答 405`);
            continue;
          }
          refused++;
          if (res.status !== 405 || res.headers.get('allow') !== allow) refusals.push(`${what}：${res.status}，Allow ${res.headers.get('allow')}（应为 405，Allow ${allow}）`);
          else if (method !== 'HEAD' && !Problem.safeParse(await res.json()).success) refusals.push(`${what}：405 不是 problem+json`);
        }
      }
    }
    expect(refusals).toEqual([]);
    expect(refused).toBeGreaterThan(100);
    // The paths that take POST or PUT besides GET say so, and an action's path takes no GET.
    for (const [url, allow] of [
      ['/api/cases', 'GET, HEAD, POST, OPTIONS'],
      ['/api/processes/P1', 'GET, HEAD, PUT, OPTIONS'],
      ['/api/lists', 'GET, HEAD, POST, OPTIONS'],
      ['/api/cases/2025-00001/advance', 'POST, OPTIONS'],
    ] as const) {
      const res = await site.app.request(url, { method: url.endsWith('advance') ? 'GET' : 'DELETE' });
      expect([res.status, res.headers.get('allow')], url).toEqual([405, allow]);
    }
  });

  it('leaves the workflow out when the site does not mount it', async () => {
    const { app, store } = await sampleApp();
    const bare = (await (await app.request('/api/openapi.json')).json()) as Doc;
    expect(Object.keys(bare.paths).filter((p) => p.startsWith('/api/cases') || p.startsWith('/api/processes'))).toEqual([]);
    expect(bare.components.securitySchemes).toBeUndefined();
    await store.close();
  });
});
