import type { MiddlewareHandler } from 'hono';

/**
 * The portal runs no script at all, so scripts are refused outright; styles come only from
 * the app's own stylesheet, and no other site may frame its pages.
 */
export const CONTENT_SECURITY_POLICY: Record<'defaultSrc' | 'scriptSrc' | 'styleSrc' | 'imgSrc' | 'fontSrc' | 'connectSrc' | 'formAction' | 'baseUri' | 'frameAncestors', string[]> = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`);

/**
 * Every response's security headers (those of Hono's secureHeaders, which this replaced):
 * HSTS is left out because plain HTTP on localhost is the default deployment and HSTS
 * belongs to the TLS terminator.
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  [
    'Content-Security-Policy',
    Object.entries(CONTENT_SECURITY_POLICY)
      .map(([directive, sources]) => `${kebab(directive)} ${sources.join(' ')}`)
      .join('; '),
  ],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  // Reads are open to other origins (CORS): the API sets its own resource policy over this one.
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'DENY'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * Adds SECURITY_HEADERS to every response; a header a handler sets itself wins. They are
 * set before the handler runs, so a response made with `c.body()`, `c.html()`… is built
 * with them at once, instead of being looked up and set one by one afterwards (a cached
 * item page is served in tens of microseconds, and that was a noticeable part). A response
 * a handler made by itself, or one replaced afterwards (the ETag middleware's 304), gets
 * them after.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
    await next();
    const headers = c.res.headers;
    if (headers.has('Content-Security-Policy')) return;
    for (const [name, value] of SECURITY_HEADERS) if (!headers.has(name)) headers.set(name, value);
  };
}
