import type { Context } from 'hono';

/** JSON answers are revalidated with their ETag rather than cached blindly. */
export function jsonResponse(c: Context, data: unknown): Response {
  c.header('Cache-Control', 'no-cache');
  return c.json(data);
}
