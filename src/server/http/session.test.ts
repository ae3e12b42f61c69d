import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { localPath } from '../portal/login-routes.js';
import type { SignOutLog } from '../../workflow/index.js';
import { createSessions } from './session.js';
import { FailureThrottle } from './throttle.js';
import { foreignOrigin } from './write-guard.js';

/** An app that starts a session on POST /in, ends it on POST /out and says whose it is on GET /who. */
function sessionApp(adminToken: string, now: () => number, signOuts?: SignOutLog) {
  const sessions = createSessions({ adminToken, now, ...(signOuts ? { signOuts } : {}) });
  const app = new Hono();
  app.use(async (c, next) => {
    await sessions.load(c);
    return next();
  });
  app.post('/in', (c) => c.text(sessions.start(c).formToken));
  app.post('/out', async (c) => {
    await sessions.end(c);
    return c.text('out');
  });
  app.get('/who', (c) => c.text(sessions.read(c)?.formToken ?? 'nobody'));
  return app;
}

/** A sign-out log in a Map, as a database would keep it, shared by the apps given it. */
function mapLog(rows = new Map<string, number>()): SignOutLog & { rows: Map<string, number> } {
  return {
    rows,
    has: async (idHash) => rows.has(idHash),
    async add(idHash, expires, now) {
      for (const [hash, until] of rows) if (until <= now) rows.delete(hash);
      rows.set(idHash, expires);
    },
  };
}

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] as string;

describe('sessions', () => {
  it('accept their own cookie and refuse it altered, from another token, or expired', async () => {
    let now = 1_750_000_000_000;
    const app = sessionApp('token-a', () => now);
    const res = await app.request('/in', { method: 'POST' });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const formToken = await res.text();
    const who = async (target: Hono, value: string) => (await target.request('/who', { headers: { Cookie: value } })).text();
    expect(await who(app, cookie)).toBe(formToken);

    const [name, value] = cookie.split('=') as [string, string];
    const [id, expires, mac] = value.split('.') as [string, string, string];
    const flipped = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [`${flipped}.${expires}.${mac}`, `${id}.${Number(expires) + 3600}.${mac}`, `${id}.${expires}.${mac.slice(1)}`, `${id}.${expires}`, 'token-a']) {
      expect(await who(app, `${name}=${forged}`), forged).toBe('nobody');
    }
    expect(await who(sessionApp('token-b', () => now), cookie)).toBe('nobody');
    now += 12 * 3600 * 1000;
    expect(await who(app, cookie)).toBe('nobody');
  });

  it('refuse a signed-out cookie in every app on the same sign-out log, which keeps only a hash of the id', async () => {
    let now = 1_750_000_000_000;
    const log = mapLog();
    const first = sessionApp('token-a', () => now, log);
    const cookie = cookieOf(await first.request('/in', { method: 'POST' }));
    const kept = cookieOf(await first.request('/in', { method: 'POST' }));
    const id = cookie.split('=')[1]?.split('.')[0] as string;
    const who = async (target: Hono, value: string) => (await target.request('/who', { headers: { Cookie: value } })).text();
    const out = await first.request('/out', { method: 'POST', headers: { Cookie: cookie } });
    expect(out.headers.get('set-cookie')).toMatch(/^quanze_session=; Max-Age=0/);
    expect(await who(first, cookie)).toBe('nobody');
    // Another process, or this one restarted: a new app over the same log.
    const restarted = sessionApp('token-a', () => now, log);
    expect(await who(restarted, cookie)).toBe('nobody');
    expect(await who(restarted, kept)).not.toBe('nobody');
    // The log holds the id's SHA-256, never the id or anything that fits in a cookie.
    expect([...log.rows.keys()]).toEqual([createHash('sha256').update(id).digest('base64url')]);
    expect(JSON.stringify([...log.rows])).not.toContain(id);
    // Without a shared log, a restart forgets the sign-out (the in-memory fallback).
    const alone = sessionApp('token-a', () => now);
    const other = cookieOf(await alone.request('/in', { method: 'POST' }));
    await alone.request('/out', { method: 'POST', headers: { Cookie: other } });
    expect(await who(alone, other)).toBe('nobody');
    expect(await who(sessionApp('token-a', () => now), other)).not.toBe('nobody');
    // A sign-out after the first one's session expired drops its row.
    now += 12 * 3600 * 1000;
    const later = cookieOf(await first.request('/in', { method: 'POST' }));
    await first.request('/out', { method: 'POST', headers: { Cookie: later } });
    expect(log.rows.size).toBe(1);
    expect(log.rows.has(createHash('sha256').update(id).digest('base64url'))).toBe(false);
  });

  it('are read only after being loaded for the request, and a log that fails signs nobody in', async () => {
    const sessions = createSessions({ adminToken: 'token-a', signOuts: { has: async () => Promise.reject(new Error('down')), add: async () => {} } });
    const app = new Hono();
    app.post('/in', (c) => c.text(sessions.start(c).formToken));
    app.get('/unloaded', (c) => c.text(String(sessions.read(c))));
    app.get('/failing', async (c) => {
      const error = await sessions.load(c).catch((e: Error) => e.message);
      return c.text(`${error} ${sessions.read(c)}`);
    });
    app.onError((error, c) => c.text(error.message, 500));
    const cookie = cookieOf(await app.request('/in', { method: 'POST' }));
    const unloaded = await app.request('/unloaded', { headers: { Cookie: cookie } });
    expect(unloaded.status).toBe(500);
    expect(await unloaded.text()).toBe('sessions.read before sessions.load for this request');
    expect(await (await app.request('/failing', { headers: { Cookie: cookie } })).text()).toBe('down null');
  });

  it('give each session its own form token', async () => {
    const app = sessionApp('token-a', Date.now);
    const a = await (await app.request('/in', { method: 'POST' })).text();
    const b = await (await app.request('/in', { method: 'POST' })).text();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });
});

describe('FailureThrottle', () => {
  it('blocks after the limit until the window ends, per key', () => {
    let now = 0;
    const throttle = new FailureThrottle(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter('a')).toBe(0);
      throttle.fail('a');
    }
    expect(throttle.retryAfter('a')).toBe(60);
    expect(throttle.retryAfter('b')).toBe(0);
    now = 59_001;
    expect(throttle.retryAfter('a')).toBe(1);
    now = 60_000;
    expect(throttle.retryAfter('a')).toBe(0);
  });

  it('stays bounded in keys', () => {
    const throttle = new FailureThrottle(1, 60_000, () => 0, 100);
    for (let i = 0; i < 1000; i++) throttle.fail(`k${i}`);
    expect(throttle.retryAfter('k999')).toBe(60);
    expect(throttle.retryAfter('k0')).toBe(0);
  });
});

describe('localPath', () => {
  it.each([
    ['/items/12', '/items/12'],
    ['/cases?status=open', '/cases?status=open'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['cases', '/'],
    ['/a\nb', '/'],
    [undefined, '/'],
  ])('%j → %j', (next, expected) => {
    expect(localPath(next, '/')).toBe(expected);
  });
});

describe('foreignOrigin', () => {
  const app = new Hono();
  app.post('/', (c) => c.text(foreignOrigin(c) ?? 'own'));
  const from = async (headers: Record<string, string>, url = 'http://quanze.example/') => (await app.request(url, { method: 'POST', headers })).text();

  it('names another site, and accepts this one, also behind a TLS proxy', async () => {
    expect(await from({})).toBe('own');
    expect(await from({ Origin: 'http://quanze.example' })).toBe('own');
    expect(await from({ Origin: 'https://quanze.example', 'X-Forwarded-Proto': 'https' })).toBe('own');
    expect(await from({ Origin: 'https://quanze.example' })).toBe('https://quanze.example');
    expect(await from({ Origin: 'http://quanze.example.evil' })).toBe('http://quanze.example.evil');
    expect(await from({ Referer: 'http://quanze.example/items/1' })).toBe('own');
    expect(await from({ Referer: 'http://evil.example/x' })).toBe('http://evil.example');
    expect(await from({ Referer: 'not a url' })).toBe('not a url');
  });
});
