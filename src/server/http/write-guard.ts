import type { Context, MiddlewareHandler } from 'hono';
import { HttpProblem } from '../../problem/index.js';
import { requireTokenForWrites, SAFE_METHODS, WRITES_DISABLED } from './auth.js';
import { FORM_TOKEN_FIELD } from '../../html/index.js';
import type { Sessions } from './session.js';

/** The path that signs in: posted to without a session, so it is checked for its origin only. */
export const LOGIN_PATH = '/login';

/**
 * The room a post has for its fields besides the file it carries (the form token, names,
 * dates, multipart headers; a JSON body's other keys and punctuation).
 */
export const FORM_FIELDS_BYTES = 64 * 1024;

/** The largest file a form may upload, and the longest content a JSON write may carry, unless the site says otherwise. */
export const DEFAULT_UPLOAD_BYTES = 1024 * 1024;

export interface WriteLimits {
  /** The largest file a form may upload (bytes). */
  maxUploadBytes?: number;
  /** The longest content a JSON write of the API may carry besides its fields (bytes): a file, which comes as base64. */
  maxJsonBytes?: number;
}

const megabytes = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

/** Whether a path is the JSON API's (which takes the bearer token only). */
export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

function ownOrigins(c: Context): string[] {
  const url = new URL(c.req.url);
  // Behind a TLS terminator the request reaches us as http, the browser's Origin says https.
  const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim();
  return proto === 'http' || proto === 'https' ? [url.origin, `${proto}://${url.host}`] : [url.origin];
}

/**
 * The other origin a browser says a request comes from (Origin, or Referer when a browser
 * sent no Origin), or null when it names this site or names nothing. "null" (a sandboxed
 * frame, a redirect across sites) is another origin.
 */
export function foreignOrigin(c: Context): string | null {
  const origin = c.req.header('Origin');
  const referer = origin === undefined ? c.req.header('Referer') : undefined;
  if (origin === undefined && referer === undefined) return null;
  let named: string;
  try {
    named = origin ?? new URL(referer as string).origin;
  } catch {
    return referer as string;
  }
  return ownOrigins(c).includes(named) ? null : named;
}

/**
 * Every write (any method but GET, HEAD and OPTIONS) passes here.
 *
 * The JSON API under /api takes the bearer token only, exactly as before, and never the
 * session cookie: a cookie rides along on any request the browser makes, and the API reads
 * bodies of any content type, so accepting it there would let another site's form or
 * fetch act for whoever is signed in. The portal's forms (everything else) take the
 * session cookie only, and each post must come from this site (Origin, else Referer) and
 * carry the session's form token in FORM_TOKEN_FIELD; the cookie's SameSite=Strict is a
 * second lock on the same door, not the only one. POST /login needs no session but is
 * checked for its origin, so no other site can sign a browser in.
 *
 * A body is read only once the request has passed those checks (a form post its origin
 * and session, an API write its token), and only up to `maxUploadBytes` (a form) or
 * `maxJsonBytes` (an API write) plus FORM_FIELDS_BYTES: a larger one is refused with 413
 * by its Content-Length, or as soon as a chunked body grows past it, before anything
 * parses it.
 *
 * @example app.use(guardWrites(process.env.QUANZE_ADMIN_TOKEN, sessions, { maxUploadBytes: 10 * 1024 * 1024, maxJsonBytes: 14 * 1024 * 1024 }))
 */
export function guardWrites(adminToken: string | undefined, sessions: Sessions, options: WriteLimits = {}): MiddlewareHandler {
  const bearer = requireTokenForWrites(adminToken);
  const upload = options.maxUploadBytes ?? DEFAULT_UPLOAD_BYTES;
  const json = (options.maxJsonBytes ?? DEFAULT_UPLOAD_BYTES) + FORM_FIELDS_BYTES;
  const bounded =
    (max: number, message: string): MiddlewareHandler =>
    async (c, next) => {
      if (!(await readBounded(c, max))) throw new HttpProblem('payload-too-large', message);
      return next();
    };
  const limit = bounded(upload + FORM_FIELDS_BYTES, `上传的文件不能超过 ${megabytes(upload)}：请压缩或拆分后重新提交`);
  const jsonLimit = bounded(json, `请求体超过 ${megabytes(json)}：所附文件不能超过 ${megabytes(upload)}，请压缩或拆分后重新提交`);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (isApiPath(c.req.path)) {
      return bearer(c, async () => {
        await jsonLimit(c, next);
      });
    }
    const foreign = foreignOrigin(c);
    if (foreign !== null) throw new HttpProblem('forbidden', '拒绝来自其他网站的提交：请在本站页面上操作');
    if (c.req.path === LOGIN_PATH) return limit(c, next);
    if (!sessions.enabled) throw new HttpProblem('forbidden', WRITES_DISABLED);
    const session = sessions.read(c);
    if (!session) throw new HttpProblem('unauthorized', '尚未登录或登录已过期：请先在“登录”页输入管理令牌，再提交');
    return limit(c, async () => {
      const form = await formFields(c);
      if (!sessions.formTokenMatches(session, form[FORM_TOKEN_FIELD])) {
        throw new HttpProblem('forbidden', '表单校验失败（缺少或不匹配的表单令牌）：请刷新页面后重新提交');
      }
      await next();
    });
  };
}

/**
 * Reads a post's body, up to `max` bytes, into Hono's body cache, where parseBody and the
 * handlers find it; false, having read no more than that, when it is larger: by its
 * Content-Length, or as soon as a chunked body grows past it. The request object stays the
 * one that came in (hono's bodyLimit replaces it), since the sessions know it by identity.
 */
async function readBounded(c: Context, max: number): Promise<boolean> {
  const raw = c.req.raw;
  if (!raw.body) return true;
  const declared = raw.headers.get('content-length');
  if (declared !== null && !raw.headers.has('transfer-encoding') && Number(declared) > max) return false;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = raw.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      return false;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  // Hono types its cache by the bodies but keeps their promises (its readers call .then on them).
  c.req.bodyCache.arrayBuffer = Promise.resolve(body.buffer) as unknown as ArrayBuffer;
  return true;
}

/**
 * A form post's fields (parsed once; handlers read Hono's cached parse); {} for any other
 * body, which parseBody itself returns for types other than urlencoded and multipart.
 */
async function formFields(c: Context): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    return {};
  }
}
