import type { z } from 'zod';

/** Problem types quanze answers with; each has a stable URI and a Chinese title. */
export const PROBLEMS = {
  'invalid-parameters': { status: 400, title: '请求参数不正确' },
  unauthorized: { status: 401, title: '需要身份验证' },
  forbidden: { status: 403, title: '无权执行该操作' },
  'not-found': { status: 404, title: '找不到请求的资源' },
  'method-not-allowed': { status: 405, title: '不支持该请求方法' },
  conflict: { status: 409, title: '案件当前状态不允许该操作' },
  'payload-too-large': { status: 413, title: '提交的内容过大' },
  'unreadable-file': { status: 422, title: '无法导入该清单文件' },
  internal: { status: 500, title: '服务器内部错误' },
} as const;

export type ProblemType = keyof typeof PROBLEMS;

/** One invalid parameter, as RFC 9457's "invalid-params" extension lists them. */
export interface InvalidParam {
  name: string;
  reason: string;
  /** zod's issue code, when zod found it. */
  code?: string;
}

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  'invalid-params'?: InvalidParam[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemUri(type: ProblemType): string {
  return `urn:quanze:problem:${type}`;
}

/**
 * The one HTTP error type routes throw, in the portal and API as in the workflow; their
 * error handlers turn it into problem+json for the API and an HTML page for the rest.
 */
export class HttpProblem extends Error {
  readonly status: number;
  constructor(
    readonly type: ProblemType,
    readonly detail?: string,
    readonly invalidParams?: InvalidParam[],
    /** Headers the answer must carry besides the problem (a 405's Allow). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail ?? PROBLEMS[type].title);
    this.name = 'HttpProblem';
    this.status = PROBLEMS[type].status;
  }

  get title(): string {
    return PROBLEMS[this.type].title;
  }

  toProblem(instance?: string): Problem {
    return {
      type: problemUri(this.type),
      title: this.title,
      status: this.status,
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
      ...(instance !== undefined ? { instance } : {}),
      ...(this.invalidParams ? { 'invalid-params': this.invalidParams } : {}),
    };
  }
}

/** Turns zod issues into the parameters they name; `root` names an issue about the whole input. */
export function invalidParams(issues: readonly z.core.$ZodIssue[], root = '(参数)'): InvalidParam[] {
  return issues.map((issue) => ({
    name: issue.path.length > 0 ? issue.path.map(String).join('.') : root,
    reason: issue.message,
    code: issue.code,
  }));
}

/** A 405 with the Allow header RFC 9110 §15.5.6 requires: the methods the resource does take. */
export function methodNotAllowed(allow: readonly string[], detail: string): HttpProblem {
  return new HttpProblem('method-not-allowed', detail, undefined, { Allow: allow.join(', ') });
}

export function notFound(what: string): HttpProblem {
  return new HttpProblem('not-found', what);
}
