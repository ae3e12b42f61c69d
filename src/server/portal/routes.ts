import { readFileSync } from 'node:fs';
import { type Context, Hono } from 'hono';
import { IdParams, ListItemsParams, ProcessParams, SearchParams } from '../api/params.js';
import type { ServerEnv } from '../env.js';
import { listFindings } from '../findings-queries.js';
import { pickEncoding } from '../http/encoding.js';
import { parseRequest } from '../../problem/index.js';
import type { FlowchartCache, ProcessLookup } from '../item-flow.js';
import { allLists, listDetail, listItems, processSheet, search } from '../queries.js';
import type { StorePort } from '../store-port.js';
import { listName } from '../views/format.js';
import type { SafeHtml } from '../../html/index.js';
import { homeBody } from '../views/home.js';
import { type Crumb, headerAccount, layout, type NavLink, siteNav } from '../views/layout.js';
import { listBody } from '../views/list.js';
import { processBody } from '../views/process.js';
import { reportBody } from '../views/report.js';
import { searchBody } from '../views/search.js';
import { alignPortalRoutes } from './align-routes.js';
import { type ItemPagesOptions, itemPages } from './item-page.js';
import { processExportRoutes } from './process-routes.js';

const STYLESHEET = readFileSync(new URL('../assets/style.css', import.meta.url), 'utf8');
const FORMS_STYLESHEET = readFileSync(new URL('../assets/forms.css', import.meta.url), 'utf8');

export interface PortalOptions {
  store: StorePort;
  now: () => Date;
  /** Built once at start: the law registry's resolver for the compare page. */
  env?: ServerEnv;
  /** The header's sections. */
  nav?: readonly NavLink[];
  /** The case store's saved process definitions, so an item page offers the one its cases run on. */
  processes?: ProcessLookup | undefined;
  /** Memory for rendered item pages (0: render every request) and the flowcharts they draw. */
  pageCacheBytes?: number;
  flowcharts?: FlowchartCache | undefined;
  /** How many writes this app has served (see itemPages). */
  writes?: () => number;
  signIn?: PortalSignIn;
}

/** Signing in to the portal's forms, as the pages see it. */
export interface PortalSignIn {
  /** The form token of the request's session; null when it has none. */
  formTokenOf(c: Context): string | null;
  /** Whether the header offers 登录 to everyone else (the site takes writes and runs the workflow). */
  offered: boolean;
  /** The item page's 立案 section for a signed-in user. */
  openCase?: ItemPagesOptions['openCase'];
}

const HOME: Crumb = { label: '首页', href: '/' };

/**
 * The public portal: server-rendered Chinese pages over the same queries the API answers.
 * Pages work without JavaScript; filters and paging are plain links and GET forms.
 */
export function portalRoutes({ store, now, env = {}, nav = siteNav(false), processes, pageCacheBytes = 0, flowcharts, writes = () => 0, signIn }: PortalOptions): Hono {
  const portal = new Hono();
  const offered = signIn?.offered ?? false;
  const account = (c: Context) => headerAccount(signIn?.formTokenOf(c) ?? null, offered);
  const page = (c: Context, title: string, body: SafeHtml, crumbs: Crumb[] = [], query?: string) =>
    layout({ title, body, crumbs, nav, year: now().getFullYear(), account: account(c), ...(query !== undefined ? { query } : {}) }).value;
  const itemPage = itemPages({
    store,
    processes,
    shell: (title, body, crumbs, year, signedIn = headerAccount(null, offered)) => layout({ title, body, crumbs, nav, year, account: signedIn }).value,
    openCase: signIn?.openCase,
    year: () => now().getFullYear(),
    writes,
    maxBytes: pageCacheBytes,
    flowcharts,
  });

  for (const [path, css] of [
    ['/assets/style.css', STYLESHEET],
    ['/assets/forms.css', FORMS_STYLESHEET],
  ] as const) {
    portal.get(path, (c) => {
      c.header('Cache-Control', 'public, max-age=3600');
      return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
    });
  }

  portal.get('/', async (c) => {
    const lists = await allLists(store);
    return c.html(page(c, '首页', homeBody(lists)));
  });

  portal.get('/lists/:id', async (c) => {
    const { id } = parseRequest(IdParams, c.req.param());
    const params = parseRequest(ListItemsParams, c.req.query());
    const list = await listDetail(store, id);
    const items = await listItems(store, id, params);
    const title = listName(list);
    return c.html(page(c, title, listBody({ list, items, type: params.type }), [HOME, { label: title }]));
  });

  portal.get('/lists/:id/report', async (c) => {
    const { id } = parseRequest(IdParams, c.req.param());
    const list = await listDetail(store, id);
    const report = await listFindings(store, id);
    const title = listName(list);
    return c.html(page(c, `${title} · 核查报告`, reportBody(list, report), [HOME, { label: title, href: `/lists/${encodeURIComponent(list.id)}` }, { label: '核查报告' }]));
  });

  portal.get('/lists/:id/processes/:n', async (c) => {
    const { id, n } = parseRequest(ProcessParams, c.req.param());
    const { list, sheet } = await processSheet(store, id, n);
    const listTitle = listName(list);
    return c.html(page(c, sheet.title, processBody(list, sheet), [HOME, { label: listTitle, href: `/lists/${encodeURIComponent(list.id)}` }, { label: '流程图' }]));
  });

  portal.get('/items/:id', async (c) => {
    const { id } = parseRequest(IdParams, c.req.param());
    const formToken = signIn?.formTokenOf(c) ?? null;
    // Not cached here; the app marks every page with a form token no-store.
    if (formToken !== null) return c.html(await itemPage.signedIn(id, formToken));
    const { bodies, etags } = await itemPage.shared(id);
    const coding = pickEncoding(c.req.header('Accept-Encoding'));
    const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=UTF-8', 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding', ETag: etags[coding] };
    if (coding !== 'identity') headers['Content-Encoding'] = coding;
    // The etag middleware answers a matching If-None-Match with 304 from this ETag, unhashed.
    return c.body(bodies[coding], 200, headers);
  });

  portal.get('/search', async (c) => {
    const raw = c.req.query();
    // An empty box is the search page itself, not a bad request; empty filters mean "any".
    const asked = Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ''));
    if (asked.q === undefined) return c.html(page(c, '搜索', searchBody({ q: '' }), [HOME, { label: '搜索' }]));
    const params = parseRequest(SearchParams, asked);
    const results = await search(store, params);
    const view = { q: params.q, type: params.type, agency: params.agency, results };
    return c.html(page(c, `搜索：${params.q}`, searchBody(view), [HOME, { label: '搜索' }], params.q));
  });

  portal.route('/', alignPortalRoutes({ store, now, env, nav, account }));
  portal.route('/', processExportRoutes(store));

  return portal;
}
