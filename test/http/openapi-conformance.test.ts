import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpProblem, parseRequest } from '../../src/problem/index.js';
import { SearchParams } from '../../src/server/api/params.js';
import { ProcessError } from '../../src/workflow/process/index.js';
import { toProblem } from '../../src/workflow/web/problem.js';
import { openApiPath } from '../../src/server/api/openapi.js';
import { WORKFLOW_ENDPOINTS } from '../../src/workflow/index.js';
import { siteApp } from './helpers.js';

/**
 * Every operation of /api/openapi.json against the answers the site really gives: the five
 * samples imported and audited, the workflow mounted with cases opened and one taken through
 * every action to its close, process definitions saved and replaced. Each documented GET path
 * is requested with ids that exist, ids that do not and malformed ones, with each value of its
 * enumerated query parameters and with bad ones, and again with the ETag it answered; every
 * POST and PUT made on the way is kept. Every answer must be one the document lists for that
 * operation: its status, its media type, and a body the document's schema accepts.
 *
 * The schemas are checked by Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1), not by the
 * zod schemas the document is generated from: a client generated from the document sees the
 * JSON Schema, so a difference between it and what zod checks must fail here. Ajv's strict
 * mode also refuses a keyword or format it does not know rather than ignoring it.
 */

const TOKEN = 'conformance-test-token';
/** The workflow's answers differ with the reader (a party in full for the token, masked otherwise): both are checked. */
const WORKFLOW_PATHS = new Set(Object.values(WORKFLOW_ENDPOINTS).map((e) => openApiPath(e.path)));
const BASE = 'https://quanze.invalid/openapi.json';

type Media = { schema: Record<string, unknown> };
type Operation = {
  operationId: string;
  parameters: { name: string; in: 'path' | 'query'; required: boolean; schema: { enum?: string[] } }[];
  responses: Record<string, { content?: Record<string, Media> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

let site: Awaited<ReturnType<typeof siteApp>>;
let doc: Doc;
let ajv: Ajv2020;
/** Real path parameter values by OpenAPI path, filled in beforeAll. */
const ids = new Map<string, string[]>();
/** Every POST and PUT made in beforeAll, with the documented path it went to and its answer. */
const writes: { method: 'post' | 'put'; path: string; url: string; res: Response }[] = [];

/** A write with the token, kept in `writes` for the document to judge. */
async function write(method: 'post' | 'put', path: string, body: unknown, id?: string): Promise<Response> {
  const url = id === undefined ? path : path.replace('{id}', id);
  const res = await site.app.request(url, {
    method: method.toUpperCase(),
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
  });
  writes.push({ method, path, url, res: res.clone() });
  return res;
}

/** Each action once on a new case of an item with a statutory limit (so it can be extended), then refused ones: its answers and its events cover every kind. */
async function lifecycle(itemId: string): Promise<string> {
  const opened = await write('post', '/api/cases', { itemId, party: { name: '北京字节跳动科技有限公司', kind: 'organisation' } });
  expect(opened.status, await opened.clone().text()).toBe(201);
  const view = (await opened.json()) as { summary: { id: string }; process: { definition: { statutoryLimit?: { amount?: number } } } };
  expect(view.process.definition.statutoryLimit?.amount).toBeGreaterThan(0);
  const id = view.summary.id;
  const steps: [string, unknown, number][] = [
    ['/api/cases/{id}/documents', { name: '申请书', fileName: '申请书.pdf', contentBase64: Buffer.from('%PDF-1.4 申请书').toString('base64') }, 200],
    ['/api/cases/{id}/pause', { kind: '补正', note: '材料不全，通知补正' }, 200],
    ['/api/cases/{id}/pause', {}, 409],
    ['/api/cases/{id}/resume', {}, 200],
    ['/api/cases/{id}/extend', { amount: 10, unit: 'workday', approvedBy: '局长', note: '情况复杂' }, 200],
    ['/api/cases/{id}/advance', { to: 'no-such-step' }, 400],
    ['/api/cases/{id}/advance', { force: '材料已当面核验' }, 200],
    ['/api/cases/{id}/close', { outcome: '准予许可' }, 200],
    ['/api/cases/{id}/close', {}, 409],
  ];
  for (const [path, body, status] of steps) {
    const res = await write('post', path, body, id);
    expect(res.status, `${path} ${await res.text()}`).toBe(status);
  }
  expect((await write('post', '/api/cases/{id}/resume', {}, '2025-99999')).status).toBe(404);
  return id;
}

/** A stored definition saved again unchanged, changed, as a new one and under its id: each of saveProcess's and replaceProcess's answers. */
async function saveDefinitions(processId: string): Promise<void> {
  const stored = await getJson<{ definition: Record<string, unknown> }>(`/api/processes/${processId}`);
  const changed = { ...stored.definition, name: `${String(stored.definition.name)}（修订）` };
  const manual = { ...stored.definition, source: { kind: 'manual', note: '手工编写' } };
  const outcomes: [string, 'post' | 'put', unknown, number, string?][] = [
    ['/api/processes', 'post', stored.definition, 200],
    ['/api/processes', 'post', changed, 201],
    ['/api/processes', 'post', manual, 201],
    ['/api/processes', 'post', { ...stored.definition, start: 'no-such-step' }, 400],
    ['/api/processes/{id}', 'put', stored.definition, 200, processId],
    ['/api/processes/{id}', 'put', stored.definition, 200, processId],
    ['/api/processes/{id}', 'put', stored.definition, 404, 'P999'],
  ];
  for (const [path, method, body, status, id] of outcomes) {
    const res = await write(method, path, body, id);
    expect(res.status, `${method} ${path} ${await res.text()}`).toBe(status);
  }
}

async function getJson<T>(path: string): Promise<T> {
  const res = await site.app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  site = await siteApp({ adminToken: TOKEN });
  doc = await getJson<Doc>('/api/openapi.json');
  // The document's component schemas as one schema's $defs, so their references resolve.
  const rebased = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${BASE}#/$defs/`)) as Record<string, unknown>;
  ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  ajv.addSchema({ $id: BASE, $defs: rebased(doc.components.schemas) });
  for (const ops of Object.values(doc.paths)) {
    for (const op of Object.values(ops)) for (const response of Object.values(op.responses)) for (const media of Object.values(response.content ?? {})) media.schema = rebased(media.schema);
  }

  const lists = (await getJson<{ items: { id: string; latestVersionId: string }[] }>('/api/lists?pageSize=100')).items;
  const items: string[] = [];
  for (const list of lists) items.push(...(await getJson<{ items: { id: string }[] }>(`/api/lists/${list.id}/items?pageSize=100`)).items.map((i) => i.id));
  const cases: string[] = [];
  for (const [itemId, party] of [
    [items[19], { name: '张三丰', kind: 'person', contact: '13800000000' }],
    [items[0], undefined],
  ] as const) {
    const res = await write('post', '/api/cases', { itemId, ...(party ? { party } : {}) });
    expect(res.status, await res.clone().text()).toBe(201);
    cases.push(((await res.json()) as { summary: { id: string } }).summary.id);
  }
  // The first item of 001 (自治区国家保密局): a licence, so its limit is 20 working days.
  const baomi = site.imported.get('baomi')?.outcome.listId as string;
  cases.push(await lifecycle((await getJson<{ items: { id: string }[] }>(`/api/lists/${baomi}/items?pageSize=1`)).items[0]?.id as string));
  const first = (await getJson<{ id: string }[]>('/api/processes'))[0]?.id as string;
  await saveDefinitions(first);
  const processes = (await getJson<{ id: string }[]>('/api/processes')).map((p) => p.id);
  expect(processes.length).toBeGreaterThan(2);

  const listIds = [...lists.map((l) => l.id), '999999', 'abc'];
  for (const path of ['/api/lists/{id}', '/api/lists/{id}/items', '/api/lists/{id}/findings', '/api/lists/{id}/diff']) ids.set(path, listIds);
  ids.set('/api/items/{id}', [...items, '999999', '0']);
  for (const path of ['/api/cases/{id}', '/api/cases/{id}/events']) ids.set(path, [...cases, '2025-99999', 'x']);
  for (const path of ['/api/processes/{id}', '/api/processes/{id}/bpmn', '/api/processes/{id}/svg']) ids.set(path, [...processes, 'P999', '1']);
});

afterAll(async () => {
  await site.cases.disconnect();
  await site.store.close();
});

/** Queries beyond the defaults and each value of an enumerated parameter: pages, filters, bad values. */
const QUERIES: Record<string, string[]> = {
  '/api/lists': ['page=2&pageSize=2', 'page=100000&pageSize=100', 'page=0', 'pageSize=101', 'page=x'],
  '/api/lists/{id}/items': ['pageSize=1&page=3', 'page=100000', 'version=1', 'version=999999', 'version=v1'],
  '/api/lists/{id}/diff': ['from=latest&to=1', 'from=99', 'from=x'],
  '/api/search': ['q=%E5%A4%84%E7%BD%9A', 'q=%E5%AF%86%E7%A0%81&pageSize=3&page=2', 'q=%E6%A3%80%E6%9F%A5&agency=%E4%BF%9D%E5%AF%86&listId=2', 'q=x&page=100000', 'q=', 'q=a&listId=abc'],
  '/api/compare': ['lists=1,2', 'lists=2,4,5', 'lists=1,999999', 'lists=1', 'lists=1,1'],
  '/api/cases': ['limit=1&offset=1', 'department=%E8%87%AA%E6%B2%BB%E5%8C%BA%E5%9B%BD%E5%AE%B6%E4%BF%9D%E5%AF%86%E5%B1%80', 'today=2025-09-01', 'limit=0', 'today=2025-02-30', 'unknown=1'],
  '/api/processes/{id}': ['version=1', 'version=99', 'version=0'],
  '/api/processes/{id}/bpmn': ['version=1', 'version=0'],
  '/api/processes/{id}/svg': ['version=1', 'version=0'],
  '/api/supervision': ['today=2025-09-01', 'today=tomorrow'],
};

/** Every URL to request for a documented GET path. */
function urls(path: string, op: Operation): string[] {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const filled = pathParams.length === 0 ? [path] : (ids.get(path) ?? []).map((id) => path.replace(`{${pathParams[0]?.name}}`, encodeURIComponent(id)));
  const queries = ['', ...(QUERIES[path] ?? [])];
  for (const p of op.parameters) if (p.in === 'query') for (const value of p.schema.enum ?? []) queries.push(`${p.name}=${encodeURIComponent(value)}`);
  if (path === '/api/search') for (const q of [...queries]) if (q !== '' && !q.startsWith('q=')) queries.push(`q=%E5%AF%86%E7%A0%81&${q}`);
  return filled.flatMap((url) => queries.map((q) => (q === '' ? url : `${url}?${q}`)));
}

/** Whether a script on any other site may read the answer, errors and 304s included. */
const openToAll = (res: Response) => res.headers.get('access-control-allow-origin') === '*' && res.headers.get('cross-origin-resource-policy') === 'cross-origin';

const validators = new Map<object, ValidateFunction>();

/** Why an answer is not one the operation documents, or null when it is. */
async function nonConformance(op: Operation, res: Response): Promise<string | null> {
  const documented = op.responses[String(res.status)];
  if (!documented) return `状态 ${res.status} 未在文档中（有 ${Object.keys(op.responses).join('、')}）`;
  const body = await res.text();
  if (!documented.content) return body === '' ? null : `状态 ${res.status} 不应有内容`;
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const media = documented.content[type];
  if (!media) return `内容类型 ${type} 未在文档中（有 ${Object.keys(documented.content).join('、')}）`;
  let value: unknown = body;
  if (type.endsWith('json')) {
    try {
      value = JSON.parse(body);
    } catch {
      return '内容不是 JSON';
    }
  }
  let validate = validators.get(media.schema);
  if (!validate) {
    validate = ajv.compile(media.schema);
    validators.set(media.schema, validate);
  }
  return validate(value) ? null : ajv.errorsText(validate.errors, { dataVar: 'body' });
}

describe('every GET answer conforms to /api/openapi.json', () => {
  it('has real ids for every documented GET path with path parameters', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (ops.get?.parameters.some((p) => p.in === 'path')) expect(ids.get(path)?.length, path).toBeGreaterThan(3);
    }
  });

  it('gives only documented statuses, media types and bodies, each with Cache-Control and open to other sites, and every documented status of a GET comes', async () => {
    const failures: string[] = [];
    const seen = new Set<string>();
    let requests = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get;
      if (!op) continue;
      for (const url of urls(path, op)) {
        const readers: Record<string, string>[] = WORKFLOW_PATHS.has(path) ? [{}, { Authorization: `Bearer ${TOKEN}` }] : [{}];
        for (const headers of readers) {
          const res = await site.app.request(url, { headers });
          const tag = res.headers.get('etag');
          const why = await nonConformance(op, res);
          requests++;
          seen.add(`${path} ${res.status}`);
          if (why) failures.push(`GET ${url}：${why}`);
          // Not in the document, but a client and any cache between need it as much: every answer says how it may be kept.
          if (!res.headers.get('cache-control')) failures.push(`GET ${url}：状态 ${res.status} 没有 Cache-Control`);
          if (!openToAll(res)) failures.push(`GET ${url}：状态 ${res.status} 不对其他网站开放`);
          if (!tag) continue;
          const again = await site.app.request(url, { headers: { ...headers, 'If-None-Match': tag } });
          expect(again.status, url).toBe(304);
          const whyAgain = await nonConformance(op, again);
          seen.add(`${path} ${again.status}`);
          if (whyAgain) failures.push(`GET ${url}（If-None-Match）：${whyAgain}`);
          if (!openToAll(again)) failures.push(`GET ${url}（If-None-Match）：304 不对其他网站开放`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(400);
    const unseen = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops.get?.responses ?? {}).map((status) => `${path} ${status}`)).filter((s) => !seen.has(s));
    expect(unseen).toEqual([]);
  });
});

describe('every POST and PUT answer of the workflow conforms to /api/openapi.json', () => {
  it('gives only documented statuses, media types and bodies, and every documented success of every write comes', async () => {
    const failures: string[] = [];
    const seen = new Set<string>();
    for (const { method, path, url, res } of writes) {
      const op = doc.paths[path]?.[method];
      if (!op) {
        failures.push(`${method.toUpperCase()} ${url}：文档中没有 ${method.toUpperCase()} ${path}`);
        continue;
      }
      seen.add(`${method} ${path} ${res.status}`);
      const why = await nonConformance(op, res);
      if (why) failures.push(`${method.toUpperCase()} ${url}：${why}`);
    }
    expect(failures).toEqual([]);
    const successes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => method === 'post' || method === 'put')
        .flatMap(([method, op]) => Object.keys(op.responses).filter((status) => status.startsWith('2')).map((status) => `${method} ${path} ${status}`)),
    );
    // Publishing a list (POST /api/lists) is the upload tests' to check.
    const workflow = successes.filter((s) => WORKFLOW_PATHS.has(s.split(' ')[1] as string));
    expect(workflow.length).toBeGreaterThanOrEqual(10);
    expect(workflow.filter((s) => !seen.has(s))).toEqual([]);
  });
});

describe('the documented Problem schema', () => {
  it('admits every kind of problem the site builds, invalid parameters named by zod or by a process check alike', () => {
    const validate = ajv.compile({ $ref: `${BASE}#/$defs/Problem` });
    let fromZod: HttpProblem | undefined;
    try {
      parseRequest(SearchParams, { q: '', page: '0' });
    } catch (error) {
      fromZod = error as HttpProblem;
    }
    const problems = [
      fromZod,
      toProblem(new ProcessError('invalid-definition', '流程定义有误：起始步骤“s9”不存在', ['start：起始步骤“s9”不存在'])),
      toProblem(new ProcessError('no-steps', '事项“甲”的责任事项中没有可作为办理步骤的编号环节')),
      new HttpProblem('not-found', '没有编号为“9”的事项'),
      new HttpProblem('internal'),
    ];
    for (const problem of problems) {
      expect(problem).toBeInstanceOf(HttpProblem);
      const body = (problem as HttpProblem).toProblem('/api/x');
      expect(validate(body), `${JSON.stringify(body)} ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });
});
