import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type HttpProblem, PROBLEM_CONTENT_TYPE } from './problem.js';

/**
 * Writes a problem as application/problem+json, naming the request's path as its instance.
 * No cache keeps it: a 404 or 405 is cacheable by default (RFC 9111 §4.2.2), and a list
 * imported or a case opened a moment later must not stay missing.
 */
export function problemResponse(c: Context, problem: HttpProblem): Response {
  return c.body(`${JSON.stringify(problem.toProblem(c.req.path))}\n`, problem.status as ContentfulStatusCode, {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Cache-Control': 'no-store',
    ...problem.headers,
  });
}
