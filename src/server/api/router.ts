import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { ServerEnv } from '../env.js';
import { HttpProblem, parseRequest } from '../../problem/index.js';
import { jsonResponse } from '../http/respond.js';
import type { WorkflowEndpoint } from '../../workflow/index.js';
import type { StorePort } from '../store-port.js';
import { type ApiWrites, openApiDocument } from './openapi.js';
import { API_ROUTES } from './routes.js';

/** The headers that open the API's reads to other sites, which its 304s must keep too. */
export const API_READ_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Expose-Headers', 'Cross-Origin-Resource-Policy'] as const;

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

  const document = openApiDocument(API_ROUTES, workflow, writes);
  api.get('/openapi.json', (c) => jsonResponse(c, document));

  for (const route of API_ROUTES) {
    api.get(route.path, async (c) => {
      const params = route.params ? parseRequest(route.params, c.req.param()) : {};
      const query = route.query ? parseRequest(route.query, c.req.query()) : {};
      return jsonResponse(c, await route.handler(store, { params, query }, env));
    });
  }
  api.on(['POST', 'PUT', 'PATCH', 'DELETE'], ['/openapi.json', ...API_ROUTES.map((r) => r.path)], async (c, next) => {
    // POST /api/lists is the upload, served after the site's write guard when the site takes uploads.
    if (writes.publishMaxBytes !== undefined && c.req.method === 'POST' && c.req.path === '/api/lists') return next();
    throw new HttpProblem('method-not-allowed', '接口只读，只接受 GET、HEAD 和 OPTIONS 请求');
  });
  return api;
}
