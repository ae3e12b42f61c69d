import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { adminTokenOf, sameSecret } from './auth.js';

export const SESSION_COOKIE = 'quanze_session';
/** A working day and then some: a counter clerk signs in once a day. */
const DEFAULT_MAX_AGE_SECONDS = 12 * 60 * 60;

/** A checked session: its id and the token its forms carry. */
export interface Session {
  readonly id: string;
  /** Seconds since the epoch when it stops working. */
  readonly expires: number;
  /** HMAC of the session id: what every form of this session carries (FORM_TOKEN_FIELD, src/html). */
  readonly formToken: string;
}

export interface SessionOptions {
  /** $QUANZE_ADMIN_TOKEN; without one nobody can sign in. */
  adminToken: string | undefined;
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number;
  maxAgeSeconds?: number;
}

export interface Sessions {
  /** Whether signing in is possible at all (an administrator token is configured). */
  readonly enabled: boolean;
  /** The request's session, or null: none, forged, expired, signed out, or signed by an earlier token. */
  read(c: Context): Session | null;
  /** Starts a session and sets its cookie on the response; call only after the token was checked. */
  start(c: Context): Session;
  /** Signs the request's session out (it stops working even if the cookie is kept) and clears the cookie. */
  end(c: Context): void;
  /** Whether a submitted form token is the session's, compared in constant time. */
  formTokenMatches(session: Session, given: unknown): boolean;
}

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest('base64url');

/** The request came over TLS, here or at a proxy in front: the cookie is then sent over TLS only. */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}

const COOKIE = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * Sessions for the portal's forms, kept in a signed cookie rather than a table: the cookie
 * holds a random id, its expiry and an HMAC of both, keyed by a key derived from the
 * administrator token. It never contains the token, and changing the token ends every
 * session at once. Signing out adds the id to an in-memory list until it would have
 * expired anyway (a restart forgets that list, so a copied cookie of a signed-out session
 * works again until its expiry; the token change is the way to end sessions for sure).
 *
 * @example
 * const sessions = createSessions({ adminToken: process.env.QUANZE_ADMIN_TOKEN });
 * if (sessions.read(c)) …
 */
export function createSessions(options: SessionOptions): Sessions {
  const token = adminTokenOf(options.adminToken);
  const now = options.now ?? Date.now;
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  // A key of its own rather than the token itself, so no other HMAC here is one of the token.
  const key = token === undefined ? null : createHmac('sha256', token).update('quanze portal session key v1').digest();
  const signedOut = new Map<string, number>();
  const checked = new WeakMap<Request, Session | null>();
  const seconds = () => Math.floor(now() / 1000);

  const sessionOf = (k: Buffer, id: string, expires: number): Session => ({ id, expires, formToken: mac(k, `form\n${id}`) });

  function parse(c: Context): Session | null {
    if (key === null) return null;
    const value = getCookie(c, SESSION_COOKIE);
    const m = value === undefined ? null : COOKIE.exec(value);
    if (!m) return null;
    const [, id, expiresText, signature] = m as unknown as [string, string, string, string];
    const expires = Number(expiresText);
    if (!sameSecret(signature, mac(key, `session\n${id}\n${expires}`))) return null;
    if (expires <= seconds() || signedOut.has(id)) return null;
    return sessionOf(key, id, expires);
  }

  function forget(): void {
    const t = seconds();
    for (const [id, expires] of signedOut) if (expires <= t) signedOut.delete(id);
  }

  return {
    enabled: key !== null,
    read(c) {
      const raw = c.req.raw;
      if (checked.has(raw)) return checked.get(raw) ?? null;
      const session = parse(c);
      checked.set(raw, session);
      return session;
    },
    start(c) {
      if (key === null) throw new Error('sessions are disabled without an administrator token');
      const id = randomBytes(16).toString('base64url');
      const expires = seconds() + maxAge;
      setCookie(c, SESSION_COOKIE, `${id}.${expires}.${mac(key, `session\n${id}\n${expires}`)}`, {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c),
        maxAge,
      });
      const session = sessionOf(key, id, expires);
      checked.set(c.req.raw, session);
      return session;
    },
    end(c) {
      const session = parse(c);
      if (session) {
        forget();
        signedOut.set(session.id, session.expires);
      }
      checked.set(c.req.raw, null);
      deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
    },
    formTokenMatches(session, given) {
      return typeof given === 'string' && sameSecret(given, session.formToken);
    },
  };
}
