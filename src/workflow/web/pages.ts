import { type Context, Hono } from 'hono';
import { processSvg } from '../../export/svg/index.js';
import { isOverdue } from '../cases/index.js';
import { applicableSituations, onTimeChartSvg, supervise } from '../supervision/index.js';
import { decodedEvents } from './api.js';
import { WORKFLOW_CSS } from './assets.js';
import { disclosedPage, disclosedSupervision, disclosedView, seesPartiesOnPage } from './disclosure.js';
import type { WorkflowAppOptions } from './index.js';
import { todayFor } from './today.js';
import { type Crumb, shellOf } from './layout.js';
import * as P from './params.js';
import { HttpProblem, parseRequest } from '../../problem/index.js';
import type { CaseActionName } from './actions.js';
import { caseActions, doneNotice } from './views/actions.js';
import { caseBody } from './views/case.js';
import type { FormState } from './views/form-parts.js';
import { caseListBody } from './views/cases.js';
import { processBody } from './views/process.js';
import { supervisionBody } from './views/supervision.js';

const HOME: Crumb = { label: '首页', href: '/' };
const CASES: Crumb = { label: '案件', href: '/cases' };

export interface CasePageOptions {
  /** Show the case as of this day (?today=); the clock's today by default. */
  today?: string | undefined;
  /** The action just done, confirmed on top (after a form's redirect). */
  done?: CaseActionName | 'open' | undefined;
  /** A refused form post, shown again in its form, with the status it was refused with. */
  refused?: { state: FormState; status: 400 | 409 | 413 } | undefined;
}

/**
 * The case page: its deadlines, steps, flowchart and events, and for a signed-in user the
 * forms of the actions its state allows.
 */
export function casePageRenderer(options: WorkflowAppOptions): (c: Context, id: string, extras?: CasePageOptions) => Promise<Response> {
  const shell = shellOf(options);
  const { cases } = options;
  return async (c, id, extras = {}) => {
    const stored = await cases.getCase(id);
    if (!stored) throw new HttpProblem('not-found', `没有编号为 ${id} 的案件`);
    const full = await seesPartiesOnPage(options, c);
    const view = disclosedView(stored, full);
    const now = todayFor(options);
    const today = extras.today ?? now;
    const overdue = isOverdue(view.summary, today);
    const done = view.state.steps.filter((s) => s.status === 'done').map((s) => s.id);
    const svg = await processSvg(view.process.definition, { highlight: view.state.currentStep ? [view.state.currentStep] : [], done });
    const user = options.user?.(c) ?? null;
    const body = caseBody({
      view,
      events: await decodedEvents(options, id, full),
      svg,
      today,
      cutoff: cases.calendar.addWorkdays(today, cases.atRiskDays),
      situations: overdue ? applicableSituations(view.snapshot, view.summary.currentStepName) : null,
      notice: doneNotice(extras.done),
      // Actions take effect today, whatever day the page is shown as of.
      actions: user ? caseActions(view, user, now, extras.refused?.state) : '',
    });
    return c.html(shell(`案件 ${id}`, body, [HOME, CASES, { label: id }], user, c.req.path), extras.refused?.status ?? 200);
  };
}

/**
 * Server-rendered Chinese pages over the same store calls the API makes; no script. A page
 * reads its query with the API's schema but ignores keys it does not know, as the portal's
 * pages do, where the API refuses them: a shared link carries some (WeChat adds
 * ?from=singlemessage&isappinstalled=0).
 */
export function workflowPages(options: WorkflowAppOptions): Hono {
  const shell = shellOf(options);
  const { cases } = options;
  const pages = new Hono();

  pages.get('/assets/workflow.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(WORKFLOW_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  pages.get('/cases', async (c) => {
    const q = parseRequest(P.CaseListParams.strip(), c.req.query());
    const today = q.today ?? todayFor(options);
    const [list, stats] = await Promise.all([cases.listCases({ ...q, today }), cases.stats(today)]);
    const full = await seesPartiesOnPage(options, c);
    const body = caseListBody({ page: disclosedPage(list, full), departments: stats.departments.map((d) => d.department), status: q.status, department: q.department, filter: q.filter });
    return c.html(shell('案件', body, [HOME, { label: '案件' }], options.user?.(c) ?? null, c.req.path));
  });

  const casePage = casePageRenderer(options);
  pages.get('/cases/:id', async (c) => {
    const { id } = parseRequest(P.CaseId, c.req.param());
    const { today, done } = parseRequest(P.CasePageQuery.strip(), c.req.query());
    return casePage(c, id, { today, done });
  });

  pages.get('/supervision', async (c) => {
    const today = parseRequest(P.TodayQuery.strip(), c.req.query()).today ?? todayFor(options);
    // The page shows no party yet; it gets what /api/supervision gives this reader, so a column added later cannot show more.
    const full = await seesPartiesOnPage(options, c);
    const data = disclosedSupervision(await supervise(cases, { today }), full);
    return c.html(shell('案件监督', supervisionBody(data, onTimeChartSvg(data.stats.months)), [HOME, { label: '案件监督' }], options.user?.(c) ?? null, c.req.path));
  });

  pages.get('/processes/:id', async (c) => {
    const { id } = parseRequest(P.ProcessIdParam, c.req.param());
    const { version } = parseRequest(P.VersionQuery.strip(), c.req.query());
    const stored = await cases.getProcess(id, version);
    if (!stored) throw new HttpProblem('not-found', `没有编号为 ${id} 的流程定义`);
    return c.html(shell(stored.definition.name, processBody(stored, await processSvg(stored.definition)), [HOME, { label: '流程定义' }, { label: stored.id }], options.user?.(c) ?? null));
  });

  return pages;
}
