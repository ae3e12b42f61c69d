import { type Context, Hono } from 'hono';
import { compareLists, itemIdsByPosition, versionDiff } from '../align-queries.js';
import { CompareParams, DIFF_DEFAULTS, DiffParams } from '../api/align-params.js';
import { IdParams } from '../api/params.js';
import type { ServerEnv } from '../env.js';
import { HttpProblem, parseRequest } from '../../problem/index.js';
import { allLists, listDetail } from '../queries.js';
import type { StorePort } from '../store-port.js';
import { compareBody } from '../views/compare.js';
import { diffBody } from '../views/diff.js';
import { listName } from '../views/format.js';
import type { SafeHtml } from '../../html/index.js';
import { type Crumb, type HeaderAccount, layout, type NavLink, siteNav } from '../views/layout.js';
import { versionsBody } from '../views/versions.js';

export interface AlignPortalOptions {
  store: StorePort;
  now: () => Date;
  env: ServerEnv;
  nav?: readonly NavLink[];
  /** The header's sign-in corner for a request. */
  account?: (c: Context) => HeaderAccount;
}

const HOME: Crumb = { label: '首页', href: '/' };
const COMPARE: Crumb = { label: '清单比对', href: '/compare' };

/**
 * The compare page and each list's version history and version diff: server-rendered views
 * of the same queries /api/compare and /api/lists/:id/diff answer.
 */
export function alignPortalRoutes({ store, now, env, nav = siteNav(false), account = () => undefined }: AlignPortalOptions): Hono {
  const portal = new Hono();
  const page = (c: Context, title: string, body: SafeHtml, crumbs: Crumb[]) => layout({ title, body, crumbs, nav, path: c.req.path, year: now().getFullYear(), account: account(c) }).value;

  portal.get('/compare', async (c) => {
    const lists = await allLists(store);
    // Checkboxes send one "lists" per box; the API's comma form is accepted too.
    const asked = (c.req.queries('lists') ?? []).join(',');
    if (asked.trim() === '') return c.html(page(c, '清单比对', compareBody({ lists, selected: [] }), [HOME, { label: '清单比对' }]));
    let ids: string[];
    try {
      ids = parseRequest(CompareParams, { lists: asked }).lists;
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      const selected = asked.split(',');
      return c.html(page(c, '清单比对', compareBody({ lists, selected, error: error.invalidParams?.map((p) => p.reason).join('；') ?? error.message }), [HOME, { label: '清单比对' }]), 400);
    }
    const result = await compareLists(store, ids, env);
    const itemIds = await Promise.all(result.lists.map((list) => itemIdsByPosition(store, list.latestVersionId)));
    const title = `比对：${result.alignment.lists.map((l) => l.label).join('、')}`;
    return c.html(page(c, title, compareBody({ lists, selected: ids, result: { ...result, itemIds } }), [HOME, COMPARE, { label: '比对结果' }]));
  });

  portal.get('/lists/:id/versions', async (c) => {
    const { id } = parseRequest(IdParams, c.req.param());
    const list = await listDetail(store, id);
    const name = listName(list);
    return c.html(page(c, `${name} · 版本历史`, versionsBody(list), [HOME, { label: name, href: `/lists/${encodeURIComponent(list.id)}` }, { label: '版本历史' }]));
  });

  portal.get('/lists/:id/diff', async (c) => {
    const { id } = parseRequest(IdParams, c.req.param());
    // An empty select means the default, as in the API.
    const query = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v.trim() !== ''));
    const { from, to } = parseRequest(DiffParams, query);
    const result = await versionDiff(store, id, from ?? DIFF_DEFAULTS.from, to ?? DIFF_DEFAULTS.to);
    const [oldIds, newIds] = await Promise.all([itemIdsByPosition(store, result.from.id), itemIdsByPosition(store, result.to.id)]);
    const name = listName(result.list);
    const listHref = `/lists/${encodeURIComponent(result.list.id)}`;
    const crumbs = [HOME, { label: name, href: listHref }, { label: '版本历史', href: `${listHref}/versions` }, { label: '版本比较' }];
    return c.html(page(c, `${name} · 第 ${result.from.versionNo} 版与第 ${result.to.versionNo} 版`, diffBody({ ...result, oldIds, newIds }), crumbs));
  });

  return portal;
}
