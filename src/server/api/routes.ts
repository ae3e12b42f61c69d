import type { z } from 'zod';
import { compareLists, versionDiff } from '../align-queries.js';
import type { ServerEnv } from '../env.js';
import { listFindings } from '../findings-queries.js';
import { itemDetail, listDetail, listItems, pagedLists, search } from '../queries.js';
import type { StorePort } from '../store-port.js';
import { CompareParams, DIFF_DEFAULTS, DiffParams } from './align-params.js';
import { Alignment, ListDiff } from './align-responses.js';
import { FindingsParams, IdParams, ListItemsParams, PageParams, SearchParams } from './params.js';
import { ItemWithFindings, ItemsPage, ListDetail, ListFindings, ListsPage, SearchPage } from './responses.js';

/**
 * One API endpoint as data: its path, parameter schemas, response schema and handler.
 * The router and the OpenAPI document are both built from this table, so they cannot
 * disagree.
 */
export interface ApiRoute<P extends z.ZodObject = z.ZodObject, Q extends z.ZodObject = z.ZodObject> {
  /** Hono-style path under /api, e.g. "/lists/:id". */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  response: z.ZodType;
  /** Whether an unknown id answers 404. */
  notFound?: boolean;
  handler(store: StorePort, input: { params: z.output<P>; query: z.output<Q> }, env: ServerEnv): Promise<unknown>;
}

function route<P extends z.ZodObject, Q extends z.ZodObject>(r: ApiRoute<P, Q>): ApiRoute {
  return r as unknown as ApiRoute;
}

export const API_ROUTES: readonly ApiRoute[] = [
  route({
    path: '/lists',
    operationId: 'listLists',
    summary: '所有清单（每份清单的最新版本），含按权力类型的事项数',
    tag: '清单',
    query: PageParams,
    response: ListsPage,
    handler: (store, { query }) => pagedLists(store, query),
  }),
  route({
    path: '/lists/:id',
    operationId: 'getList',
    summary: '一份清单：摘要、全部版本、列映射、未归类文字、流程图和导入提示',
    tag: '清单',
    params: IdParams,
    response: ListDetail,
    notFound: true,
    handler: (store, { params }) => listDetail(store, params.id),
  }),
  route({
    path: '/lists/:id/items',
    operationId: 'listItems',
    summary: '一份清单的事项，可按权力类型筛选、按版本查看，分页',
    tag: '清单',
    params: IdParams,
    query: ListItemsParams,
    response: ItemsPage,
    notFound: true,
    handler: (store, { params, query }) => listItems(store, params.id, query),
  }),
  route({
    path: '/lists/:id/findings',
    operationId: 'listFindings',
    summary: '一份清单最新版本的核查发现：按严重程度和规则计数，按事项分组，附规则的中文说明',
    tag: '核查',
    params: IdParams,
    query: FindingsParams,
    response: ListFindings,
    notFound: true,
    handler: (store, { params, query }) => listFindings(store, params.id, query),
  }),
  route({
    path: '/items/:id',
    operationId: 'getItem',
    summary: '一个权力事项的全部字段、来源和核查发现',
    tag: '事项',
    params: IdParams,
    response: ItemWithFindings,
    notFound: true,
    handler: (store, { params }) => itemDetail(store, params.id),
  }),
  route({
    path: '/search',
    operationId: 'search',
    summary: '全文搜索权力事项，返回带高亮片段的结果',
    tag: '搜索',
    query: SearchParams,
    response: SearchPage,
    handler: (store, { query }) => search(store, query),
  }),
  route({
    path: '/compare',
    operationId: 'compareLists',
    summary: '比对 2–6 份清单（各取最新版本）：逐对配对同一权力的事项，给出理由、不一致之处和未配对的事项',
    tag: '比对',
    query: CompareParams,
    response: Alignment,
    notFound: true,
    handler: async (store, { query }, env) => (await compareLists(store, query.lists, env)).alignment,
  }),
  route({
    path: '/lists/:id/diff',
    operationId: 'diffListVersions',
    summary: '一份清单两个版本之间的变化：新增、删除、改名、移动和逐字段的文字差异',
    tag: '比对',
    params: IdParams,
    query: DiffParams,
    response: ListDiff,
    notFound: true,
    handler: async (store, { params, query }) =>
      (await versionDiff(store, params.id, query.from ?? DIFF_DEFAULTS.from, query.to ?? DIFF_DEFAULTS.to)).diff,
  }),
];
