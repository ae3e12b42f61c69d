import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { isCaseError } from '../cases/index.js';
import { isPeriodError } from '../periods/index.js';
import { isProcessError } from '../process/index.js';

export const PROBLEMS = {
  'invalid-parameters': { status: 400, title: '请求参数不正确' },
  forbidden: { status: 403, title: '无权执行该操作' },
  'not-found': { status: 404, title: '找不到请求的资源' },
  conflict: { status: 409, title: '案件当前状态不允许该操作' },
  internal: { status: 500, title: '服务器内部错误' },
} as const;

export type ProblemType = keyof typeof PROBLEMS;

export interface InvalidParam {
  name: string;
  reason: string;
}

/** The one error routes throw; onError writes it as problem+json (API) or an HTML page. */
export class WorkflowProblem extends Error {
  readonly status: number;
  constructor(
    readonly type: ProblemType,
    readonly detail?: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(detail ?? PROBLEMS[type].title);
    this.status = PROBLEMS[type].status;
  }
}

/** Domain errors as HTTP problems: bad input 400, missing 404, a state that forbids the action 409. */
export function toProblem(error: unknown): WorkflowProblem | null {
  if (error instanceof WorkflowProblem) return error;
  if (isCaseError(error)) {
    if (error.code === 'not-found') return new WorkflowProblem('not-found', error.message);
    if (error.code === 'invalid-input' || error.code === 'bad-date') return new WorkflowProblem('invalid-parameters', error.message);
    if (error.code === 'connect-failed' || error.code === 'migration-failed') return null;
    return new WorkflowProblem('conflict', error.message);
  }
  if (isProcessError(error)) {
    if (error.code === 'not-found') return new WorkflowProblem('not-found', error.message);
    return new WorkflowProblem('invalid-parameters', error.message, error.issues.map((i) => ({ name: i.split('：')[0] ?? '', reason: i })));
  }
  if (isPeriodError(error)) return new WorkflowProblem('invalid-parameters', error.message);
  return null;
}

export function problemJson(c: Context, problem: WorkflowProblem): Response {
  const body = {
    type: `urn:quanze:problem:${problem.type}`,
    title: PROBLEMS[problem.type].title,
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    instance: c.req.path,
    ...(problem.invalidParams ? { 'invalid-params': problem.invalidParams } : {}),
  };
  return c.body(`${JSON.stringify(body)}\n`, problem.status as ContentfulStatusCode, { 'Content-Type': 'application/problem+json' });
}

const zhCN = z.locales.zhCN().localeError;

/** Validates input with Chinese messages; a failure is a 400 naming each bad parameter. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: zhCN });
  if (result.success) return result.data;
  const params = result.error.issues.map((i) => ({ name: i.path.length > 0 ? i.path.map(String).join('.') : '(请求体)', reason: i.message }));
  throw new WorkflowProblem('invalid-parameters', params.map((p) => `${p.name}：${p.reason}`).join('；'), params);
}

/** The JSON body, or a 400 when it is not JSON. */
export async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new WorkflowProblem('invalid-parameters', '请求体不是有效的 JSON');
  }
}
