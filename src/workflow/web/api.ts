import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { toBpmnXml } from '../../export/bpmn/index.js';
import { processSvg } from '../../export/svg/index.js';
import { openCaseForItem } from '../cases/index.js';
import { supervise } from '../supervision/index.js';
import type { WorkflowAppOptions } from './index.js';
import * as P from './params.js';
import { HttpProblem, parseRequest } from '../../problem/index.js';
import { jsonBody } from './problem.js';

function json(c: Context, data: unknown, status: 200 | 201 = 200): Response {
  c.header('Cache-Control', 'no-store');
  return c.json(data, status);
}

/** A case's events with their data decoded, for the API and pages. */
export async function decodedEvents(options: WorkflowAppOptions, id: string) {
  const events = await options.cases.caseEvents(id);
  return events.map((e) => ({ seq: e.seq, at: e.at, kind: e.kind, data: JSON.parse(e.data) as Record<string, unknown>, prevHash: e.prevHash, hash: e.hash }));
}

/**
 * The workflow JSON API: cases and their actions, process definitions (JSON, BPMN, SVG),
 * supervision figures and the audit check. Bodies and queries are validated with zod;
 * errors are problem+json.
 */
export function workflowApi(options: WorkflowAppOptions): Hono {
  const { cases } = options;
  const todayNow = () => (options.clock ?? cases.clock)().slice(0, 10);
  const api = new Hono();
  const guard = async (c: Context) => {
    if (options.authorize && !(await options.authorize(c))) throw new HttpProblem('forbidden', '没有办理案件的权限');
  };
  const caseOr404 = async (id: string) => {
    const view = await cases.getCase(id);
    if (!view) throw new HttpProblem('not-found', `没有编号为 ${id} 的案件`);
    return view;
  };

  api.get('/cases', async (c) => {
    const q = parseRequest(P.CaseListParams, c.req.query());
    return json(c, await cases.listCases({ ...q, today: q.today ?? todayNow() }));
  });

  api.post('/cases', async (c) => {
    await guard(c);
    const body = parseRequest(P.OpenBody, await jsonBody(c), '(请求体)');
    const extra = { ...(body.on ? { on: body.on } : {}), ...(body.department ? { department: body.department } : {}) };
    if (body.itemId !== undefined) {
      if (!options.lists) throw new HttpProblem('invalid-parameters', '未接入清单库，只能按 processId 立案');
      const record = await options.lists.getItem(body.itemId);
      if (!record) throw new HttpProblem('not-found', `清单库中没有编号为 ${body.itemId} 的事项`);
      return json(c, await openCaseForItem(cases, record, extra), 201);
    }
    return json(c, await cases.openCase({ processId: body.processId as string, ...extra }), 201);
  });

  api.get('/cases/:id', async (c) => {
    const { id } = parseRequest(P.CaseId, c.req.param());
    const view = await caseOr404(id);
    return json(c, { ...view, events: await decodedEvents(options, id) });
  });

  api.get('/cases/:id/events', async (c) => {
    const { id } = parseRequest(P.CaseId, c.req.param());
    await caseOr404(id);
    return json(c, await decodedEvents(options, id));
  });

  const action = <S extends Parameters<typeof parseRequest>[0]>(name: string, schema: S, run: (id: string, body: ReturnType<typeof parseRequest<S>>) => Promise<unknown>) => {
    api.post(`/cases/:id/${name}`, async (c) => {
      await guard(c);
      const { id } = parseRequest(P.CaseId, c.req.param());
      const body = parseRequest(schema, await jsonBody(c), '(请求体)');
      return json(c, await run(id, body));
    });
  };
  action('advance', P.AdvanceBody, (id, b) => cases.advance(id, b));
  action('pause', P.PauseBody, (id, b) => cases.pause(id, b));
  action('resume', P.OnBody, (id, b) => cases.resume(id, b));
  action('extend', P.ExtendBody, (id, b) => cases.extend(id, b));
  action('close', P.CloseBody, (id, b) => cases.close(id, b));
  action('documents', P.AttachBody, (id, { contentBase64, ...b }) => {
    if (contentBase64 === undefined) return cases.attach(id, b);
    const bytes = Buffer.from(contentBase64, 'base64');
    return cases.attach(id, { ...b, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
  });

  api.get('/processes', async (c) => json(c, await cases.listProcesses()));

  const processOr404 = async (c: Context) => {
    const { id } = parseRequest(P.ProcessIdParam, c.req.param());
    const { version } = parseRequest(P.VersionQuery, c.req.query());
    const stored = await cases.getProcess(id, version);
    if (!stored) throw new HttpProblem('not-found', `没有编号为 ${id} 的流程定义${version ? `第${version}版` : ''}`);
    return stored;
  };
  api.get('/processes/:id', async (c) => json(c, await processOr404(c)));
  api.post('/processes', async (c) => {
    await guard(c);
    const outcome = await cases.saveProcess(await jsonBody(c));
    return json(c, outcome, outcome.status === 'unchanged' ? 200 : 201);
  });
  api.put('/processes/:id', async (c) => {
    await guard(c);
    const { id } = parseRequest(P.ProcessIdParam, c.req.param());
    return json(c, await cases.saveProcess(await jsonBody(c), { id }));
  });
  api.get('/processes/:id/bpmn', async (c) => {
    const stored = await processOr404(c);
    return c.body(await toBpmnXml(stored.definition, { processId: `Process_${stored.id}` }), 200, {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${stored.id}-v${stored.version}.bpmn"`,
    });
  });
  api.get('/processes/:id/svg', async (c) => {
    const stored = await processOr404(c);
    return c.body(await processSvg(stored.definition), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  });

  api.get('/supervision', async (c) => {
    const { today } = parseRequest(P.TodayQuery, c.req.query());
    return json(c, await supervise(cases, { today: today ?? todayNow() }));
  });

  api.get('/audit/verify', async (c) => json(c, await cases.verify()));

  return api;
}
