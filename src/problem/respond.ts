import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type HttpProblem, PROBLEM_CONTENT_TYPE } from './problem.js';

/** Writes a problem as application/problem+json, naming the request's path as its instance. */
export function problemResponse(c: Context, problem: HttpProblem): Response {
  return c.body(`${JSON.stringify(problem.toProblem(c.req.path))}\n`, problem.status as ContentfulStatusCode, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}
