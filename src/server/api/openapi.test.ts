import { describe, expect, it } from 'vitest';
import { openApiDocument, openApiPath } from './openapi.js';
import { API_ROUTES } from './routes.js';

describe('openApiPath', () => {
  it.each([
    ['/lists', '/api/lists'],
    ['/lists/:id', '/api/lists/{id}'],
    ['/lists/:id/items', '/api/lists/{id}/items'],
  ])('%s → %s', (route, path) => {
    expect(openApiPath(route)).toBe(path);
  });
});

describe('openApiDocument', () => {
  const doc = openApiDocument(API_ROUTES) as {
    paths: Record<string, { get: { operationId: string; parameters: { name: string; in: string }[]; responses: Record<string, unknown> } }>;
  };

  it('has one operation per route, with its path and query parameters', () => {
    for (const route of API_ROUTES) {
      const op = doc.paths[openApiPath(route.path)]?.get;
      expect(op?.operationId).toBe(route.operationId);
      const expected = [
        ...Object.keys(route.params?.shape ?? {}).map((name) => `path:${name}`),
        ...Object.keys(route.query?.shape ?? {}).map((name) => `query:${name}`),
      ];
      expect(op?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(expected);
      expect(Object.hasOwn(op?.responses ?? {}, '404')).toBe(route.notFound === true);
    }
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
