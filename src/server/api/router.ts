import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { ServerEnv } from '../env.js';
import { methodNotAllowed, parseRequest } from '../../problem/index.js';
import { jsonResponse } from '../http/respond.js';
import type { WorkflowEndpoint } from '../../workflow/index.js';
import type { StorePort } from '../store-port.js';
import { type ApiWrites, openApiDocument } from './openapi.js';
import { API_ROUTES } from './routes.js';

/** The headers that open the API's reads to other sites, which its 304s must keep too. */
export const API_READ_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Expose-Headers', 'Cross-Origin-Resource-Policy'] as const;

/** Methods in the order an Allow header lists them. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** 'GET、HEAD 和 OPTIONS' */
const spoken = (methods: readonly string[]) => (methods.length > 1 ? `${methods.slice(0, -1).join('、')} 和 ${methods.at(-1)}` : methods.join(''));

/**
 * Each path under /api and the methods it takes: HEAD wherever GET is, OPTIONS (the CORS
 * preflight, answered before any route) everywhere.
 */
function methodsByPath(paths: readonly (readonly [path: string, method: string])[]): { pattern: RegExp; allow: string[] }[] {
  const byPath = new Map<string, Set<string>>();
  for (const [path, method] of paths) {
    const methods = byPath.get(path) ?? new Set(['OPTIONS']);
    methods.add(method);
    if (method === 'GET') methods.add('HEAD');
    byPath.set(path, methods);
  }
  return [...byPath].map(([path, methods]) => ({
    // Hono's ":id" is one segment.
    pattern: new RegExp(`^/api${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`),
    allow: METHODS.filter((m) => methods.has(m)),
  }));
}

/**
 * The JSON API, mounted at /api: read-only, open to every origin, validated by zod. Its
 * OpenAPI document also describes `workflow`, the workflow endpoints the site mounts beside it.
 */
export function apiRoutes(store: StorePort, env: ServerEnv = {}, workflow: readonly WorkflowEndpoint[] = [], writes: ApiWrites = {}): Hono {
  const api = new Hono();
  api.use(
    '*',
    cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'Content-Type'], maxAge: 86_400 }),
  );
  api.use('*', async (c, next) => {
    await next();
    // Reads are public data meant for other sites too.
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  });

  // A method a path does not take is a 405 naming those it does, before any question of tokens.
  const allowed = methodsByPath([
    ['/openapi.json', 'GET'],
    ...API_ROUTES.map((r) => [r.path, 'GET'] as const),
    ...workflow.map((e) => [e.path, e.method] as const),
    // POST /api/lists is the upload, served after the site's write guard when the site takes uploads.
    ...(writes.publishMaxBytes !== undefined ? [['/lists', 'POST'] as const] : []),
  ]);
  api.use('*', async (c, next) => {
    const allow = allowed.find((a) => a.pattern.test(c.req.path))?.allow;
    if (!allow || allow.includes(c.req.method)) return next();
    const readOnly = allow.every((m) => m === 'GET' || m === 'HEAD' || m === 'OPTIONS');
    throw methodNotAllowed(allow, `${readOnly ? '接口只读，只' : '该接口只'}接受 ${spoken(allow)} 请求`);
  });

  const document = openApiDocument(API_ROUTES, workflow, writes);
  api.get('/openapi.json', (c) => jsonResponse(c, document));

  for (const route of API_ROUTES) {
    api.get(route.path, async (c) => {
      const params = route.params ? parseRequest(route.params, c.req.param()) : {};
      const query = route.query ? parseRequest(route.query, c.req.query()) : {};
      return jsonResponse(c, await route.handler(store, { params, query }, env));
    });
  }
  return api;
}
