import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { SafeHtml } from '../../html/index.js';
import { adminTokenOf, sameSecret } from '../http/auth.js';
import { clientAddress } from '../http/client-address.js';
import type { Sessions } from '../http/session.js';
import { FailureThrottle } from '../http/throttle.js';
import { LOGIN_PATH } from '../http/write-guard.js';
import { type LoginView, loginBody } from '../views/login.js';

export interface LoginRoutesOptions {
  adminToken: string | undefined;
  sessions: Sessions;
  /** The whole page around a body. */
  page: (c: Context, title: string, body: SafeHtml) => string;
  /** Where to go after signing in when the form names nowhere. */
  home: string;
  throttle?: FailureThrottle;
  /** Reverse proxies in front whose X-Forwarded-For names the client the throttle counts (clientAddress); 0 by default. */
  trustProxy?: number;
}

/**
 * Where a form may send the user after signing in: a path of this site only, so the page
 * cannot be used to send someone elsewhere ("//evil.example", "/\\evil.example" are hosts).
 */
export function localPath(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || next.length > 2000 || !next.startsWith('/')) return fallback;
  if (next.startsWith('//') || next.startsWith('/\\') || /[\u0000-\u001f\u007f]/.test(next)) return fallback;
  return next;
}

/**
 * GET /login (the token form), POST /login (checks the token, then starts a session) and
 * POST /logout. The token is compared in constant time, never logged or echoed back, and
 * a client gets five wrong tries a minute; the session cookie carries no token (session.ts).
 */
export function loginRoutes(options: LoginRoutesOptions): Hono {
  const token = adminTokenOf(options.adminToken);
  const throttle = options.throttle ?? new FailureThrottle();
  const routes = new Hono();
  const show = (c: Context, view: LoginView, status: ContentfulStatusCode = 200) => {
    c.header('Cache-Control', 'no-store');
    return c.html(options.page(c, '登录', loginBody(view)), status);
  };

  routes.get(LOGIN_PATH, (c) => {
    const next = localPath(c.req.query('next'), options.home);
    if (token === undefined) return show(c, { kind: 'disabled' });
    const session = options.sessions.read(c);
    return show(c, session ? { kind: 'signed-in', next, formToken: session.formToken } : { kind: 'form', next });
  });

  routes.post(LOGIN_PATH, async (c) => {
    if (token === undefined) return show(c, { kind: 'disabled' }, 403);
    const form = await c.req.parseBody();
    const next = localPath(form.next, options.home);
    const key = clientAddress(c, options.trustProxy ?? 0);
    const wait = throttle.retryAfter(key);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return show(c, { kind: 'form', next, error: `尝试次数过多，请 ${wait} 秒后再试` }, 429);
    }
    const given = typeof form.token === 'string' ? form.token.trim() : '';
    if (given === '') return show(c, { kind: 'form', next, error: '请输入管理令牌' }, 400);
    if (!sameSecret(given, token)) {
      throttle.fail(key);
      return show(c, { kind: 'form', next, error: '管理令牌不正确' }, 401);
    }
    throttle.clear(key);
    options.sessions.start(c);
    return c.redirect(next, 303);
  });

  // Reached only with a session and its form token (guardWrites).
  routes.post('/logout', async (c) => {
    await options.sessions.end(c);
    return c.redirect('/', 303);
  });

  return routes;
}
