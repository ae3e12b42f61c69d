import type { z } from 'zod';
import { ProcessDefinition } from '../process/index.js';
import * as P from './params.js';
import * as R from './responses.js';

/** What a success answer carries. */
export type ContentType = 'application/json' | 'application/xml' | 'image/svg+xml';

/** A success answer: JSON described by its zod schema, or a drawing (BPMN XML, SVG) as text. */
export type OkAnswer = { status: 200 | 201; description: string } & (
  | { type: 'application/json'; schema: z.ZodType }
  | { type: Exclude<ContentType, 'application/json'> }
);

/**
 * One endpoint of the workflow API as data: method, path, the zod schemas its path
 * parameters, query and JSON body are validated with, and its answers. The router
 * (api.ts) validates with these schemas and types each answer by its schema, and the site's
 * OpenAPI document is generated from them, so the three cannot disagree.
 */
export interface WorkflowEndpoint {
  method: 'GET' | 'POST' | 'PUT';
  /** Hono-style path under /api, e.g. "/cases/:id". */
  path: string;
  operationId: string;
  summary: string;
  tag: '办件' | '流程定义' | '督办' | '审计';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Changes cases or definitions: needs the administrator's token (the host site checks it). */
  write: boolean;
  /** The success answers, by status. */
  ok: readonly OkAnswer[];
  /** An unknown case or definition answers 404. */
  notFound?: boolean;
  /** The case's state can forbid the action: 409. */
  conflict?: boolean;
}

function json<S extends z.ZodType, N extends 200 | 201 = 200>(description: string, schema: S, status: N = 200 as N) {
  return { status, description, type: 'application/json' as const, schema };
}

function action<B extends z.ZodType>(name: string, operationId: string, summary: string, body: B) {
  return {
    method: 'POST',
    path: `/cases/:id/${name}`,
    operationId,
    summary,
    tag: '办件',
    params: P.CaseId,
    body,
    write: true,
    ok: [json('办理后的案件', R.CaseView)],
    notFound: true,
    conflict: true,
  } as const satisfies WorkflowEndpoint;
}

export const WORKFLOW_ENDPOINTS = {
  listCases: {
    method: 'GET',
    path: '/cases',
    operationId: 'listCases',
    summary: '案件列表，可按状态、部门、逾期与临期筛选，分页',
    tag: '办件',
    query: P.CaseListParams,
    write: false,
    ok: [json('案件摘要及总数', R.CasePage)],
  },
  openCase: {
    method: 'POST',
    path: '/cases',
    operationId: 'openCase',
    summary: '立案：按清单事项（itemId，用其责任事项生成流程定义）或已保存的流程定义（processId）',
    tag: '办件',
    body: P.OpenBody,
    write: true,
    ok: [json('新立的案件', R.CaseView, 201)],
    notFound: true,
  },
  getCase: {
    method: 'GET',
    path: '/cases/:id',
    operationId: 'getCase',
    summary: '一个案件：状态、各环节期限、事项快照、流程定义和事件记录',
    tag: '办件',
    params: P.CaseId,
    write: false,
    ok: [json('案件', R.CaseDetail)],
    notFound: true,
  },
  caseEvents: {
    method: 'GET',
    path: '/cases/:id/events',
    operationId: 'caseEvents',
    summary: '一个案件的事件记录（哈希链），从早到晚',
    tag: '办件',
    params: P.CaseId,
    write: false,
    ok: [json('事件列表', R.CaseEvents)],
    notFound: true,
  },
  advance: action('advance', 'advanceCase', '办结当前环节，进入下一环节（或指定环节）', P.AdvanceBody),
  pause: action('pause', 'pauseCase', '中止计时（如补正、听证、检验检测）', P.PauseBody),
  resume: action('resume', 'resumeCase', '恢复计时', P.OnBody),
  extend: action('extend', 'extendCase', '经批准延长期限', P.ExtendBody),
  close: action('close', 'closeCase', '办结案件', P.CloseBody),
  attach: action('documents', 'attachDocument', '登记一份文书（可附文件内容，服务器计算其 SHA-256）', P.AttachBody),
  listProcesses: {
    method: 'GET',
    path: '/processes',
    operationId: 'listProcesses',
    summary: '已保存的流程定义',
    tag: '流程定义',
    write: false,
    ok: [json('流程定义摘要', R.ProcessSummaries)],
  },
  saveProcess: {
    method: 'POST',
    path: '/processes',
    operationId: 'saveProcess',
    summary: '保存一个流程定义；与同一事项的最新版本相同则不变，否则为新版本',
    tag: '流程定义',
    body: ProcessDefinition,
    write: true,
    ok: [json('与已保存的相同，未改动', R.SaveOutcome), json('已保存（新定义或新版本）', R.SaveOutcome, 201)],
  },
  getProcess: {
    method: 'GET',
    path: '/processes/:id',
    operationId: 'getProcess',
    summary: '一个流程定义（默认最新版本）',
    tag: '流程定义',
    params: P.ProcessIdParam,
    query: P.VersionQuery,
    write: false,
    ok: [json('流程定义', R.StoredProcess)],
    notFound: true,
  },
  replaceProcess: {
    method: 'PUT',
    path: '/processes/:id',
    operationId: 'replaceProcess',
    summary: '为已有的流程定义保存新版本',
    tag: '流程定义',
    params: P.ProcessIdParam,
    body: ProcessDefinition,
    write: true,
    ok: [json('保存结果', R.SaveOutcome)],
    notFound: true,
  },
  processBpmn: {
    method: 'GET',
    path: '/processes/:id/bpmn',
    operationId: 'processBpmn',
    summary: '流程定义导出为 BPMN 2.0',
    tag: '流程定义',
    params: P.ProcessIdParam,
    query: P.VersionQuery,
    write: false,
    ok: [{ status: 200, description: 'BPMN 2.0 XML（作为附件下载）', type: 'application/xml' }],
    notFound: true,
  },
  processSvg: {
    method: 'GET',
    path: '/processes/:id/svg',
    operationId: 'processSvg',
    summary: '流程定义画成 SVG 流程图',
    tag: '流程定义',
    params: P.ProcessIdParam,
    query: P.VersionQuery,
    write: false,
    ok: [{ status: 200, description: 'SVG 流程图', type: 'image/svg+xml' }],
    notFound: true,
  },
  supervision: {
    method: 'GET',
    path: '/supervision',
    operationId: 'supervision',
    summary: '督办：各部门按期办结率、逾期与临期案件、各月趋势',
    tag: '督办',
    query: P.TodayQuery,
    write: false,
    ok: [json('督办数据', R.Supervision)],
  },
  verifyAudit: {
    method: 'GET',
    path: '/audit/verify',
    operationId: 'verifyAudit',
    summary: '校验全部事件记录的哈希链，以及每个案件、流程定义与记录是否一致',
    tag: '审计',
    write: false,
    ok: [json('校验报告', R.VerifyReport)],
  },
} as const satisfies Record<string, WorkflowEndpoint>;

export type WorkflowEndpointName = keyof typeof WORKFLOW_ENDPOINTS;
