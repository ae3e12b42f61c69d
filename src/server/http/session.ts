import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SignOutLog } from '../../workflow/index.js';
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
  /**
   * Where sign-outs are recorded (the case store's `signOuts`, in the workflow database);
   * without it, in this process's memory only, forgotten on restart.
   */
  signOuts?: SignOutLog;
}

export interface Sessions {
  /** Whether signing in is possible at all (an administrator token is configured). */
  readonly enabled: boolean;
  /**
   * Checks the request's session, asking the sign-out log when the cookie is otherwise
   * good; run once a request (a middleware) before anything calls `read`.
   */
  load(c: Context): Promise<Session | null>;
  /**
   * The request's session as `load` found it, or null: none, forged, expired, signed out, or
   * signed by an earlier token. Throws when `load` has not run for the request.
   */
  read(c: Context): Session | null;
  /** Starts a session and sets its cookie on the response; call only after the token was checked. */
  start(c: Context): Session;
  /** Signs the request's session out (it stops working even if the cookie is kept) and clears the cookie. */
  end(c: Context): Promise<void>;
  /** Whether a submitted form token is the session's, compared in constant time. */
  formTokenMatches(session: Session, given: unknown): boolean;
}

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest('base64url');

/** The request came over TLS, here or at a proxy in front: the cookie is then sent over TLS only. */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}

const COOKIE = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** A sign-out log in this process's memory, for sessions without a case store. */
function memorySignOuts(): SignOutLog {
  const signedOut = new Map<string, number>();
  return {
    has: async (idHash) => signedOut.has(idHash),
    async add(idHash, expires, now) {
      for (const [hash, until] of signedOut) if (until <= now) signedOut.delete(hash);
      signedOut.set(idHash, expires);
    },
  };
}

/**
 * What the sign-out log keeps of a session id. The id is 128 random bits, so its SHA-256
 * cannot be turned back into it, and someone who reads the log learns nothing that fits
 * in a cookie (which also needs the HMAC keyed by the token).
 */
const idHashOf = (id: string) => createHash('sha256').update(id, 'utf8').digest('base64url');

/**
 * Sessions for the portal's forms, kept in a signed cookie rather than a table: the cookie
 * holds a random id, its expiry and an HMAC of both, keyed by a key derived from the
 * administrator token. It never contains the token, and changing the token ends every
 * session at once. Signing out records a hash of the id in the sign-out log until the
 * session would have expired anyway; with the case store's log that is in the workflow
 * database, so a copied cookie of a signed-out session stays refused after a restart and
 * in every other process on the same database. Without a case store the log is in memory
 * and a restart forgets it; such a site has no forms to sign in for.
 *
 * The cost: each request with a well-signed, unexpired cookie asks the log once, a
 * primary-key lookup (about 30 µs on SQLite, 0.2 ms on a local PostgreSQL, beside 1–20 ms
 * to serve a page); a request without such a cookie asks nothing. A cache of "not signed
 * out" answers would save the lookup but let a sign-out in another process go unnoticed
 * for as long as it kept an answer, so there is none.
 *
 * @example
 * const sessions = createSessions({ adminToken: process.env.QUANZE_ADMIN_TOKEN, signOuts: cases.signOuts });
 * app.use(async (c, next) => { await sessions.load(c); return next(); });
 * if (sessions.read(c)) …
 */
export function createSessions(options: SessionOptions): Sessions {
  const token = adminTokenOf(options.adminToken);
  const now = options.now ?? Date.now;
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  const signOuts = options.signOuts ?? memorySignOuts();
  // A key of its own rather than the token itself, so no other HMAC here is one of the token.
  const key = token === undefined ? null : createHmac('sha256', token).update('quanze portal session key v1').digest();
  const checked = new WeakMap<Request, Session | null>();
  const seconds = () => Math.floor(now() / 1000);

  const sessionOf = (k: Buffer, id: string, expires: number): Session => ({ id, expires, formToken: mac(k, `form\n${id}`) });

  /** The cookie's session if it is well signed and unexpired, whether or not it was signed out. */
  function parse(c: Context): Session | null {
    if (key === null) return null;
    const value = getCookie(c, SESSION_COOKIE);
    const m = value === undefined ? null : COOKIE.exec(value);
    if (!m) return null;
    const [, id, expiresText, signature] = m as unknown as [string, string, string, string];
    const expires = Number(expiresText);
    if (!sameSecret(signature, mac(key, `session\n${id}\n${expires}`))) return null;
    if (expires <= seconds()) return null;
    return sessionOf(key, id, expires);
  }

  return {
    enabled: key !== null,
    async load(c) {
      const raw = c.req.raw;
      if (checked.has(raw)) return checked.get(raw) ?? null;
      const parsed = parse(c);
      let session: Session | null = null;
      try {
        session = parsed && !(await signOuts.has(idHashOf(parsed.id))) ? parsed : null;
      } finally {
        // A log that cannot be read signs nobody in, and the error page can still ask.
        checked.set(raw, session);
      }
      return session;
    },
    read(c) {
      const session = checked.get(c.req.raw);
      if (session === undefined) throw new Error('sessions.read before sessions.load for this request');
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
    async end(c) {
      const session = parse(c);
      if (session) await signOuts.add(idHashOf(session.id), session.expires, seconds());
      checked.set(c.req.raw, null);
      deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
    },
    formTokenMatches(session, given) {
      return typeof given === 'string' && sameSecret(given, session.formToken);
    },
  };
}
