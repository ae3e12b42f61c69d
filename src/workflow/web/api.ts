import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { toBpmnXml } from '../../export/bpmn/index.js';
import { processSvg } from '../../export/svg/index.js';
import { HttpProblem, parseRequest } from '../../problem/index.js';
import { supervise } from '../supervision/index.js';
import type { CaseEventKind, CaseEventMap, CaseView } from '../cases/index.js';
import { CASE_ACTIONS as A, openCase } from './actions.js';
import { disclosedData, disclosedPage, disclosedSupervision, disclosedView, seesParties } from './disclosure.js';
import { type OkAnswer, WORKFLOW_ENDPOINTS as E, type WorkflowEndpoint } from './endpoints.js';
import type { WorkflowAppOptions } from './index.js';
import { todayFor } from './today.js';
import { jsonBody } from './problem.js';
import type { Sendable } from './responses.js';

/** A definition's BPMN and SVG carry no party, but without a version asked for they change with the next one saved: revalidated. */
const DRAWING_CACHE = 'no-cache';

/**
 * A case's event as the API and the case page give it: its data decoded, of the shape its
 * kind records (a case's log holds only case events); for the public, the party masked and
 * its salt left out.
 */
export type CaseEventRecord = {
  [K in CaseEventKind]: { seq: number; at: string; kind: K; data: CaseEventMap[K]; prevHash: string; hash: string };
}[CaseEventKind];

/**
 * A case's events with their data decoded, for the API and pages; the party masked and its
 * salt left out unless `full`. The hashes stay those of the full data: only staff, who see
 * the salt, can check a 立案 with a party against its hash, and nobody can test guesses at it.
 */
export async function decodedEvents(options: WorkflowAppOptions, id: string, full: boolean): Promise<CaseEventRecord[]> {
  const events = await options.cases.caseEvents(id);
  return events.map(
    (e) => ({ seq: e.seq, at: e.at, kind: e.kind, data: disclosedData(JSON.parse(e.data) as Record<string, unknown>, full), prevHash: e.prevHash, hash: e.hash }) as CaseEventRecord,
  );
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

type JsonAnswer<T extends WorkflowEndpoint> = Extract<T['ok'][number], { type: 'application/json' }>;

/**
 * Sends an endpoint's JSON answer, typed by the schema its entry documents, with the first
 * status the entry lists unless told: a handler cannot send what the document does not say.
 */
type Reply<T extends WorkflowEndpoint> = (body: Sendable<JsonAnswer<T>['schema']>, status?: JsonAnswer<T>['status']) => Response;

/** A request's input, validated with its endpoint's schemas. */
interface Input<T extends WorkflowEndpoint> {
  params: Parsed<T['params']>;
  query: Parsed<T['query']>;
  body: Parsed<T['body']>;
}

/**
 * The workflow JSON API: cases and their actions, process definitions (JSON, BPMN, SVG),
 * supervision figures and the audit check. Every route is registered from its entry in
 * WORKFLOW_ENDPOINTS and validated with that entry's zod schemas; errors are problem+json.
 */
export function workflowApi(options: WorkflowAppOptions): Hono {
  const { cases } = options;
  const api = new Hono();

  function route<T extends WorkflowEndpoint>(endpoint: T, handler: (input: Input<T>, c: Context, reply: Reply<T>) => Promise<Response>): void {
    const first = endpoint.ok.find((ok): ok is Extract<OkAnswer, { type: 'application/json' }> => ok.type === 'application/json');
    api.on(endpoint.method, endpoint.path, async (c) => {
      if (endpoint.write && options.authorize && !(await options.authorize(c))) throw new HttpProblem('forbidden', '没有办理案件的权限');
      const input = {
        params: endpoint.params ? parseRequest(endpoint.params, c.req.param()) : undefined,
        query: endpoint.query ? parseRequest(endpoint.query, c.req.query()) : undefined,
        body: endpoint.body ? parseRequest(endpoint.body, await jsonBody(c), '(请求体)') : undefined,
      } as Input<T>;
      return handler(input, c, (body, status = first?.status ?? 200) => {
        c.header('Cache-Control', 'no-store');
        return c.json(body, status);
      });
    });
  }

  /** A case as this request may see it: its party in full or masked. */
  const shown = async (c: Context, view: CaseView) => disclosedView(view, await seesParties(options, c));

  const caseOr404 = async (id: string) => {
    const view = await cases.getCase(id);
    if (!view) throw new HttpProblem('not-found', `没有编号为 ${id} 的案件`);
    return view;
  };

  route(E.listCases, async ({ query }, c, reply) => {
    const page = await cases.listCases({ ...query, today: query.today ?? todayFor(options) });
    return reply(disclosedPage(page, await seesParties(options, c)));
  });

  route(E.openCase, async ({ body }, c, reply) => reply(await shown(c, await openCase(options, body))));

  route(E.getCase, async ({ params }, c, reply) => {
    const full = await seesParties(options, c);
    const view = disclosedView(await caseOr404(params.id), full);
    return reply({ ...view, events: await decodedEvents(options, params.id, full) });
  });

  route(E.caseEvents, async ({ params }, c, reply) => {
    await caseOr404(params.id);
    return reply(await decodedEvents(options, params.id, await seesParties(options, c)));
  });

  route(E.advance, async ({ params, body }, c, reply) => reply(await shown(c, await A.advance.run(cases, params.id, body))));
  route(E.pause, async ({ params, body }, c, reply) => reply(await shown(c, await A.pause.run(cases, params.id, body))));
  route(E.resume, async ({ params, body }, c, reply) => reply(await shown(c, await A.resume.run(cases, params.id, body))));
  route(E.extend, async ({ params, body }, c, reply) => reply(await shown(c, await A.extend.run(cases, params.id, body))));
  route(E.close, async ({ params, body }, c, reply) => reply(await shown(c, await A.close.run(cases, params.id, body))));
  route(E.attach, async ({ params, body }, c, reply) => reply(await shown(c, await A.documents.run(cases, params.id, body))));

  route(E.listProcesses, async (_, _c, reply) => reply(await cases.listProcesses()));

  const processOr404 = async (id: string, version: number | undefined) => {
    const stored = await cases.getProcess(id, version);
    if (!stored) throw new HttpProblem('not-found', `没有编号为 ${id} 的流程定义${version ? `第${version}版` : ''}`);
    return stored;
  };
  route(E.getProcess, async ({ params, query }, _c, reply) => reply(await processOr404(params.id, query.version)));
  route(E.saveProcess, async ({ body }, _c, reply) => {
    const outcome = await cases.saveProcess(body);
    return reply(outcome, outcome.status === 'unchanged' ? 200 : 201);
  });
  route(E.replaceProcess, async ({ params, body }, _c, reply) => reply(await cases.saveProcess(body, { id: params.id })));
  route(E.processBpmn, async ({ params, query }, c) => {
    const stored = await processOr404(params.id, query.version);
    return c.body(await toBpmnXml(stored.definition, { processId: `Process_${stored.id}` }), 200, {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': DRAWING_CACHE,
      'Content-Disposition': `attachment; filename="${stored.id}-v${stored.version}.bpmn"`,
    });
  });
  route(E.processSvg, async ({ params, query }, c) => {
    const stored = await processOr404(params.id, query.version);
    return c.body(await processSvg(stored.definition), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': DRAWING_CACHE });
  });

  route(E.supervision, async ({ query }, c, reply) => {
    const figures = await supervise(cases, { today: query.today ?? todayFor(options) });
    return reply(disclosedSupervision(figures, await seesParties(options, c)));
  });

  route(E.verifyAudit, async (_, _c, reply) => reply(await cases.verify()));

  return api;
}
