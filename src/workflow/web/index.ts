import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type Context, Hono } from 'hono';
import { processSvg } from '../../export/svg/index.js';
import type { PowerItem } from '../../model/index.js';
import type { CaseStore, ItemRecord } from '../cases/index.js';
import { deriveFromItem, isProcessError, type ProcessDefinition } from '../process/index.js';
import { workflowApi } from './api.js';
import { html } from '../../html/index.js';
import { type Shell, shellOf } from './layout.js';
import { workflowForms } from './forms.js';
import { workflowPages } from './pages.js';
import type { FormUser } from './views/form-parts.js';
import { HttpProblem, problemResponse } from '../../problem/index.js';
import { toProblem } from './problem.js';

export { toBpmnXml } from '../../export/bpmn/index.js';
export { MAX_DOCUMENT_BASE64, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_JSON } from './params.js';
export { type ContentType, WORKFLOW_ENDPOINTS, type WorkflowEndpoint } from './endpoints.js';
export { WORKFLOW_SCHEMAS } from './responses.js';
export { processSvg, type SvgOptions } from '../../export/svg/index.js';
export type { Shell } from './layout.js';
export type { FormState, FormUser } from './views/form-parts.js';
export { type OpenCaseFormView, openCaseSection } from './views/open-case.js';

/**
 * The flowchart of an item's 责任事项 for its portal page, each box linking to the duty's
 * anchor (#step-N); null when the item has no numbered duty to draw.
 *
 * @example const svg = await itemProcessSvg(detail.item); // put it in the page as is: all text is escaped
 */
export async function itemProcessSvg(item: PowerItem): Promise<string | null> {
  let definition: ProcessDefinition;
  try {
    definition = deriveFromItem(item);
  } catch (error) {
    if (isProcessError(error)) return null;
    throw error;
  }
  const dutyOf = new Map(definition.steps.map((s) => [s.id, s.dutyNo]));
  return processSvg(definition, { stepHref: (id) => (dutyOf.get(id) !== undefined ? `#step-${dutyOf.get(id)}` : undefined) });
}

export interface WorkflowAppOptions {
  cases: CaseStore;
  /** The list store, to open cases by item id (its `getItem` returns an ItemDetail, which has this shape). */
  lists?: { getItem(id: string): Promise<ItemRecord | null> };
  /** What "today" is for lists and the dashboard; the case store's clock by default. Actions always use the store's. */
  clock?: CaseStore['clock'];
  /** Whether a request may change cases or definitions; all may by default. */
  authorize?: (c: Context) => boolean | Promise<boolean>;
  /** Where unexpected errors are reported (default: stderr). */
  log?: (message: string) => void;
  /** The host site's page shell, so the pages share its header and footer (default: the workflow's own). */
  shell?: Shell;
  /**
   * The signed-in user of a page request, when the host signs users in: they see the 立案
   * and case action forms and may post them. The host checks every form post's origin and
   * form token before it reaches this app (the JSON API is not concerned: `authorize`);
   * this app refuses a form post that has no user.
   */
  user?: (c: Context) => FormUser | null;
}

const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/');

/**
 * The workflow's Hono sub-app: the JSON API under /api/cases, /api/processes,
 * /api/supervision and /api/audit/verify, and the Chinese pages /cases, /cases/:id,
 * /supervision and /processes/:id. Mount it at the site's root:
 *
 * @example app.route('/', workflowApp({ cases: await openCaseStore(url), lists: store }))
 */
export function workflowApp(options: WorkflowAppOptions): Hono {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const app = new Hono();
  app.route('/api', workflowApi(options));
  app.route('/', workflowForms(options));
  app.route('/', workflowPages(options));
  app.onError((error, c) => {
    let problem = toProblem(error);
    if (!problem) {
      log(`内部错误：${c.req.method} ${c.req.path}：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      problem = new HttpProblem('internal', '处理请求时出错，请稍后再试');
    }
    if (isApi(c)) return problemResponse(c, problem);
    const body = html`<h1>${problem.title}</h1><p>${problem.detail ?? ''}</p><p><a href="/cases">返回案件列表</a></p>`;
    return c.html(shellOf(options)(problem.title, body, [], options.user?.(c) ?? null), problem.status as ContentfulStatusCode);
  });
  return app;
}
