import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from '../../problem/index.js';
import { NAMED_SCHEMAS } from './responses.js';
import type { ApiRoute } from './routes.js';

type JsonSchema = Record<string, unknown>;

const REF = (id: string) => `#/components/schemas/${id}`;

function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** "/lists/:id" → "/api/lists/{id}". */
export function openApiPath(path: string): string {
  return `/api${path.replace(/:(\w+)/g, '{$1}')}`;
}

function parameters(route: ApiRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, object] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!object) continue;
    for (const [name, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
      const schema = bare(z.toJSONSchema(field, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
      const description = field.description;
      out.push({
        name,
        in: where,
        required: where === 'path' || !field.safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema,
      });
    }
  }
  return out;
}

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: REF('Problem') } } },
});

/**
 * The OpenAPI 3.1 document of the API, generated from the route table and the same zod
 * schemas that validate requests and describe responses.
 */
export function openApiDocument(routes: readonly ApiRoute[]): JsonSchema {
  const registry = z.registry<{ id: string }>();
  const ids = new Map<z.ZodType, string>();
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) {
    registry.add(schema, { id });
    ids.set(schema, id);
  }
  const generated = z.toJSONSchema(registry, { uri: REF, unrepresentable: 'any' }) as { schemas: Record<string, JsonSchema> };
  const schemas = Object.fromEntries(Object.entries(generated.schemas).map(([id, s]) => [id, bare(s)]));

  const paths: Record<string, JsonSchema> = {};
  for (const route of routes) {
    const id = ids.get(route.response);
    const body = id ? { $ref: REF(id) } : bare(z.toJSONSchema(route.response, { unrepresentable: 'any' }) as JsonSchema);
    paths[openApiPath(route.path)] = {
      get: {
        operationId: route.operationId,
        summary: route.summary,
        tags: [route.tag],
        parameters: parameters(route),
        responses: {
          '200': {
            description: '成功',
            headers: { ETag: { description: '响应内容的校验值，可用于 If-None-Match', schema: { type: 'string' } } },
            content: { 'application/json': { schema: body } },
          },
          '304': { description: '内容未变（If-None-Match 与 ETag 相同）' },
          '400': problem('参数不正确'),
          ...(route.notFound ? { '404': problem('编号不存在') } : {}),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'quanze 权责清单开放接口',
      version: '0.1.0',
      description: '只读接口：清单、权力事项、核查发现、全文搜索、清单比对与版本差异。错误以 application/problem+json（RFC 9457）返回。',
    },
    servers: [{ url: '/' }],
    tags: [{ name: '清单' }, { name: '事项' }, { name: '核查' }, { name: '搜索' }, { name: '比对' }],
    paths,
    components: { schemas },
  };
}
