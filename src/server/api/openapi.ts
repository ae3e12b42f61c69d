import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from '../../problem/index.js';
import { WORKFLOW_SCHEMAS, type WorkflowEndpoint } from '../../workflow/index.js';
import { PublishQuery, PublishResult } from './publish.js';
import { NAMED_SCHEMAS } from './responses.js';
import type { ApiRoute } from './routes.js';

type JsonSchema = Record<string, unknown>;

/** The API's own writes the site serves (besides the workflow's). */
export interface ApiWrites {
  /** POST /api/lists takes files of up to this many bytes; absent: no uploads. */
  publishMaxBytes?: number;
}

const REF = (id: string) => `#/components/schemas/${id}`;

function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** "/lists/:id" → "/api/lists/{id}". */
export function openApiPath(path: string): string {
  return `/api${path.replace(/:(\w+)/g, '{$1}')}`;
}

/** Path and query parameters, from the zod objects that validate them. */
function parameters(route: Pick<ApiRoute, 'params' | 'query'>): JsonSchema[] {
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

/** The site's ETag middleware tags every successful GET and answers If-None-Match with 304. */
const ETAG_HEADER = { ETag: { description: '响应内容的校验值，可用于 If-None-Match', schema: { type: 'string' } } };
const NOT_MODIFIED = { description: '内容未变（If-None-Match 与 ETag 相同）' };

const WORKFLOW_TAGS = ['办件', '流程定义', '督办', '审计'] as const;

/** A workflow endpoint's operation: parameters, JSON body and answers from the zod schemas it validates and answers with. */
function workflowOperation(endpoint: WorkflowEndpoint, bodySchema: (schema: z.ZodType) => JsonSchema): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const ok of endpoint.ok) {
    const schema = ok.type === 'application/json' ? bodySchema(ok.schema) : { type: 'string' };
    responses[String(ok.status)] = { description: ok.description, ...(endpoint.write ? {} : { headers: ETAG_HEADER }), content: { [ok.type]: { schema } } };
  }
  if (!endpoint.write) responses['304'] = NOT_MODIFIED;
  // An endpoint that takes no input cannot be given bad input.
  if (endpoint.params || endpoint.query || endpoint.body) responses['400'] = problem('参数或请求体不正确');
  if (endpoint.write) {
    responses['401'] = problem('缺少管理令牌或令牌不正确');
    responses['403'] = problem('网站未设置管理令牌（只读），或无权办理');
  }
  if (endpoint.notFound) responses['404'] = problem('案件、流程定义或事项不存在');
  if (endpoint.conflict) responses['409'] = problem('案件当前状态不允许该操作');
  if (endpoint.write && endpoint.body) responses['413'] = problem('请求体过大，未读取即拒绝（所附文件的上限见 contentBase64）');
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    parameters: parameters(endpoint),
    ...(endpoint.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: bare(z.toJSONSchema(endpoint.body, { io: 'input', unrepresentable: 'any' }) as JsonSchema) } } } }
      : {}),
    ...(endpoint.write ? { security: [{ adminToken: [] }] } : {}),
    responses,
  };
}

/** POST /api/lists (上传清单): the file itself as the body, the token required. */
function publishOperation(maxMegabytes: number): JsonSchema {
  const result = { content: { 'application/json': { schema: bare(z.toJSONSchema(PublishResult, { unrepresentable: 'any' }) as JsonSchema) } } };
  return {
    operationId: 'publishList',
    summary: '上传清单：导入一个清单文件（一个事务）并核查新版本；同一部门内容有变化的文件成为新版本，内容相同的不重复导入',
    tags: ['清单'],
    parameters: parameters({ query: PublishQuery }),
    requestBody: {
      required: true,
      description: `清单文件本身（Excel、Word、PDF、CSV、网页或文本，不超过 ${maxMegabytes} MB），格式按内容识别`,
      content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
    },
    security: [{ adminToken: [] }],
    responses: {
      '201': { description: '已导入为新清单或新版本（Location 指向该清单）', ...result },
      '200': { description: '内容与已有版本相同，未导入', ...result },
      '400': problem('参数不正确或请求体为空'),
      '401': problem('缺少管理令牌或令牌不正确'),
      '403': problem('网站未设置管理令牌（只读）'),
      '413': problem('文件过大'),
      '422': problem('无法导入该文件：格式无法识别、编码错误或结构不对，未保存任何内容'),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the API, generated from the route table and the same zod
 * schemas that validate requests and describe responses; with `workflow`, also the
 * workflow's endpoints (cases, process definitions, supervision) the site mounts.
 */
export function openApiDocument(routes: readonly ApiRoute[], workflow: readonly WorkflowEndpoint[] = [], writes: ApiWrites = {}): JsonSchema {
  const registry = z.registry<{ id: string }>();
  const ids = new Map<z.ZodType, string>();
  for (const [id, schema] of Object.entries({ ...NAMED_SCHEMAS, ...(workflow.length > 0 ? WORKFLOW_SCHEMAS : {}) })) {
    registry.add(schema, { id });
    ids.set(schema, id);
  }
  const generated = z.toJSONSchema(registry, { uri: REF, unrepresentable: 'any' }) as { schemas: Record<string, JsonSchema> };
  const schemas = Object.fromEntries(Object.entries(generated.schemas).map(([id, s]) => [id, bare(s)]));
  const bodySchema = (schema: z.ZodType): JsonSchema => {
    const id = ids.get(schema);
    return id ? { $ref: REF(id) } : bare(z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema);
  };

  const paths: Record<string, JsonSchema> = {};
  for (const route of routes) {
    const body = bodySchema(route.response);
    paths[openApiPath(route.path)] = {
      get: {
        operationId: route.operationId,
        summary: route.summary,
        tags: [route.tag],
        parameters: parameters(route),
        responses: {
          '200': {
            description: '成功',
            headers: ETAG_HEADER,
            content: { 'application/json': { schema: body } },
          },
          '304': NOT_MODIFIED,
          '400': problem('参数不正确'),
          ...(route.notFound ? { '404': problem('编号不存在') } : {}),
        },
      },
    };
  }
  for (const endpoint of workflow) {
    const path = openApiPath(endpoint.path);
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: workflowOperation(endpoint, bodySchema) };
  }
  if (writes.publishMaxBytes !== undefined) {
    const path = openApiPath('/lists');
    paths[path] = { ...paths[path], post: publishOperation(writes.publishMaxBytes / (1024 * 1024)) };
  }
  const tags = ['清单', '事项', '核查', '搜索', '比对', ...(workflow.length > 0 ? WORKFLOW_TAGS : [])];
  return {
    openapi: '3.1.0',
    info: {
      title: 'quanze 权责清单开放接口',
      version: '0.1.0',
      description:
        '清单、权力事项、核查发现、全文搜索、清单比对与版本差异（只读）' +
        (workflow.length > 0 ? '；办件、流程定义与督办（写操作需管理令牌：Authorization: Bearer <令牌>）' : '') +
        '。错误以 application/problem+json（RFC 9457）返回。',
    },
    servers: [{ url: '/' }],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      schemas,
      ...(workflow.some((e) => e.write) || writes.publishMaxBytes !== undefined ? { securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: '管理令牌（$QUANZE_ADMIN_TOKEN）' } } } : {}),
    },
  };
}
