import { type Context, Hono } from 'hono';
import { FORM_TOKEN_FIELD } from '../../html/index.js';
import { HttpProblem, parseRequest } from '../../problem/index.js';
import { isCaseError } from '../cases/index.js';
import { CASE_ACTIONS, type CaseActionName, contentFacts, isCaseActionName, MAX_DOCUMENT_BYTES, openCase } from './actions.js';
import { WORKFLOW_ENDPOINTS as E } from './endpoints.js';
import { href } from './href.js';
import type { WorkflowAppOptions } from './index.js';
import { todayFor } from './today.js';
import { type Crumb, shellOf } from './layout.js';
import { casePageRenderer } from './pages.js';
import * as P from './params.js';
import { toProblem } from './problem.js';
import type { FormState, FormUser } from './views/form-parts.js';
import { openCasePageBody } from './views/open-case.js';

const HOME: Crumb = { label: '首页', href: '/' };
const CASES: Crumb = { label: '案件', href: '/cases' };

/** Body fields the API's schemas want as numbers; a form sends all as text. */
const NUMERIC = new Set(['amount']);

/** The posted fields as text, without the form token (the host has checked it). */
async function postedValues(c: Context): Promise<Record<string, string>> {
  // parseBody gives {} for any body but urlencoded and multipart; the host has parsed it already.
  const form = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) if (name !== FORM_TOKEN_FIELD && typeof value === 'string') values[name] = value;
  return values;
}

/** Body keys a form does not post but takes from its file: their errors are the file field's. */
const FROM_FILE: ReadonlySet<string> = new Set(['fileName', 'sha256', 'bytes']);

/**
 * The file a multipart form posted in `field`, as the API's body keys: its name (AttachBody
 * drops any folder an old browser sends) and the facts the API computes from base64
 * content, so a form and a JSON request record the same. Nothing when no file was chosen
 * (a browser then sends an empty part with an empty file name).
 */
async function uploaded(c: Context, field: string): Promise<Record<string, unknown>> {
  const file = (await c.req.parseBody())[field];
  if (!(file instanceof File) || (file.name === '' && file.size === 0)) return {};
  if (file.size > MAX_DOCUMENT_BYTES) {
    const reason = `文件大小 ${(file.size / (1024 * 1024)).toFixed(1)} MB，超过 ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB 的上限`;
    throw new HttpProblem('payload-too-large', reason, [{ name: field, reason }]);
  }
  return { ...(file.name ? { fileName: file.name } : {}), ...contentFacts(new Uint8Array(await file.arrayBuffer())) };
}

/**
 * Nested body objects a form posts as dotted fields (party.name …), with the fields that
 * say it was filled in: a select always posts its choice, which alone gives nothing.
 */
const GROUPS: Readonly<Record<string, readonly string[]>> = { party: ['name', 'contact'] };

/** A form's fields as the action's JSON body: an empty field is one not given, as in the API. */
function bodyOf(values: Readonly<Record<string, string>>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const groups: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value.trim() === '') continue;
    const typed = NUMERIC.has(name) && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    const [outer, inner] = name.split('.', 2) as [string, string | undefined];
    if (inner !== undefined && Object.hasOwn(GROUPS, outer)) (groups[outer] ??= {})[inner] = typed;
    else body[name] = typed;
  }
  for (const [outer, group] of Object.entries(groups)) if (GROUPS[outer]?.some((key) => key in group)) body[outer] = group;
  return body;
}

/** The field a refusal by the case store is about, by its code and the action; '' for the whole form. */
function fieldOf(code: string, action: string): string {
  if (code === 'bad-date') return 'on';
  if (code === 'missing-documents') return 'force';
  if (code === 'choose-next-step') return 'to';
  if (code === 'invalid-input') return ({ advance: 'to', pause: 'kind', extend: 'amount', documents: 'name' } as Record<string, string>)[action] ?? '';
  return '';
}

/**
 * What the API would answer with 400 or 409 (and a form's file over the limit, 413), as
 * messages by field; null for anything else (a missing case is the 404 page, a failure
 * the 500 one).
 */
function refusalOf(error: unknown, action: string): { status: 400 | 409 | 413; errors: Record<string, string> } | null {
  const problem = toProblem(error);
  if (!problem || (problem.status !== 400 && problem.status !== 409 && problem.status !== 413)) return null;
  const errors: Record<string, string> = {};
  if (problem.invalidParams && problem.invalidParams.length > 0) {
    for (const p of problem.invalidParams) {
      const name = p.name.startsWith('(') ? '' : FROM_FILE.has(p.name) ? 'file' : p.name;
      errors[name] = errors[name] ? `${errors[name]}；${p.reason}` : p.reason;
    }
  } else {
    errors[isCaseError(error) ? fieldOf(error.code, action) : ''] = problem.detail ?? problem.title;
  }
  return { status: problem.status, errors };
}

/**
 * The portal's forms for cases, posted as application/x-www-form-urlencoded (登记文书 as
 * multipart/form-data, for its file): 立案 (POST
 * /cases) and each action of the API (POST /cases/:id/advance …). A form's fields are the
 * API's body keys, validated with the same zod schemas and run by the same functions, so
 * both write the same events. Done, they redirect (303) to the case page, which confirms;
 * refused (400, 409), they show the form again with the reason beside the field.
 */
export function workflowForms(options: WorkflowAppOptions): Hono {
  const shell = shellOf(options);
  const casePage = casePageRenderer(options);
  const forms = new Hono();

  const userOf = (c: Context): FormUser => {
    const user = options.user?.(c) ?? null;
    if (!user) throw new HttpProblem('unauthorized', '请先登录，再办理案件');
    return user;
  };

  async function openPage(c: Context, itemId: string, refused?: { state: FormState; status: 400 | 409 | 413 }): Promise<Response> {
    const user = userOf(c);
    const record = options.lists ? await options.lists.getItem(itemId) : null;
    if (!record) throw new HttpProblem('not-found', `清单库中没有编号为 ${itemId} 的事项`);
    const itemName = record.item.name.text || '（无名称）';
    const powerType = record.item.powerType.type ?? record.item.powerType.raw;
    const body = openCasePageBody({ itemId, itemName, department: record.department, powerType, today: todayFor(options), user, state: refused?.state });
    return c.html(shell(`立案：${itemName}`, body, [HOME, CASES, { label: '立案' }], user, c.req.path), refused?.status ?? 200);
  }

  forms.get('/cases/new', async (c) => openPage(c, parseRequest(P.NewCaseQuery, c.req.query()).itemId));

  forms.post('/cases', async (c) => {
    userOf(c);
    const values = await postedValues(c);
    try {
      const view = await openCase(options, parseRequest(E.openCase.body, bodyOf(values), '(请求体)'));
      return c.redirect(`${href(['cases', view.summary.id])}?done=open`, 303);
    } catch (error) {
      const refusal = refusalOf(error, 'open');
      const itemId = values.itemId ?? '';
      if (!refusal || !P.ItemId.safeParse(itemId).success) throw error;
      return openPage(c, itemId, { state: { action: 'open', values, errors: refusal.errors }, status: refusal.status });
    }
  });

  forms.post('/cases/:id/:action', async (c) => {
    userOf(c);
    const { id } = parseRequest(P.CaseId, { id: c.req.param('id') });
    const name = c.req.param('action');
    if (!isCaseActionName(name)) throw new HttpProblem('not-found', '没有这个办理操作');
    const values = await postedValues(c);
    try {
      const action = CASE_ACTIONS[name as CaseActionName];
      const body = { ...bodyOf(values), ...(name === 'documents' ? await uploaded(c, 'file') : {}) };
      // Each entry's run takes its own schema's output; the union of entries cannot say so.
      await action.run(options.cases, id, parseRequest(action.endpoint.body, body, '(请求体)') as never);
      return c.redirect(`${href(['cases', id])}?done=${name}`, 303);
    } catch (error) {
      const refusal = refusalOf(error, name);
      if (!refusal) throw error;
      return casePage(c, id, { refused: { state: { action: name, values, errors: refusal.errors }, status: refusal.status } });
    }
  });

  return forms;
}
