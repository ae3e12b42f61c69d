import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';

export function problemResponse(c: Context, problem: Problem): Response {
  return c.body(`${JSON.stringify(problem)}\n`, problem.status as ContentfulStatusCode, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}

/** JSON answers are revalidated with their ETag rather than cached blindly. */
export function jsonResponse(c: Context, data: unknown): Response {
  c.header('Cache-Control', 'no-cache');
  return c.json(data);
}
