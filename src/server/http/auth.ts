import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { HttpProblem } from '../../problem/index.js';

/** Methods that only read; everything else is a write. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

// Any visible ASCII, not only RFC 6750's token68 characters: an administrator may choose "pass!word".
const BEARER = /^Bearer[ \t]+([\x21-\x7E]+)[ \t]*$/i;

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const m = header === undefined ? null : BEARER.exec(header);
  return m ? (m[1] as string) : null;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Compares two secrets in time that does not depend on where they differ; hashing first
 * makes the lengths equal, so the length of the expected token does not leak either.
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected)) && given.length === expected.length;
}

/** A configured token, trimmed; blank means none. */
export function adminTokenOf(value: string | undefined): string | undefined {
  const token = value?.trim();
  return token ? token : undefined;
}

type Verdict = 'ok' | 'writes-disabled' | 'missing' | 'wrong';

function verdict(c: Context, token: string | undefined): Verdict {
  if (token === undefined) return 'writes-disabled';
  const given = bearerToken(c.req.header('Authorization'));
  if (given === null) return 'missing';
  return sameSecret(given, token) ? 'ok' : 'wrong';
}

/** Whether a request carries the administrator's token; with none configured, nobody may write. */
export function hasAdminToken(c: Context, adminToken: string | undefined): boolean {
  return verdict(c, adminTokenOf(adminToken)) === 'ok';
}

export const WRITES_DISABLED = '写操作未开启：请设置 QUANZE_ADMIN_TOKEN';

/**
 * Refuses every write (any method but GET, HEAD and OPTIONS) without the administrator's
 * bearer token: 403 when no token is configured, 401 with a Bearer challenge when the
 * request has none or a wrong one. Reads pass untouched.
 *
 * @example app.use(requireTokenForWrites(process.env.QUANZE_ADMIN_TOKEN))
 */
export function requireTokenForWrites(adminToken: string | undefined): MiddlewareHandler {
  const token = adminTokenOf(adminToken);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    switch (verdict(c, token)) {
      case 'ok':
        return next();
      case 'writes-disabled':
        throw new HttpProblem('forbidden', WRITES_DISABLED);
      case 'missing':
        c.header('WWW-Authenticate', 'Bearer realm="quanze"');
        throw new HttpProblem('unauthorized', '写操作需要管理令牌：请在请求头中加入 Authorization: Bearer <令牌>');
      case 'wrong':
        c.header('WWW-Authenticate', 'Bearer realm="quanze", error="invalid_token"');
        throw new HttpProblem('unauthorized', '管理令牌不正确');
    }
  };
}
