import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { localPath } from '../portal/login-routes.js';
import { createSessions } from './session.js';
import { FailureThrottle } from './throttle.js';
import { foreignOrigin } from './write-guard.js';

/** An app that starts a session on POST /in and says whose it is on GET /who. */
function sessionApp(adminToken: string, now: () => number) {
  const sessions = createSessions({ adminToken, now });
  const app = new Hono();
  app.post('/in', (c) => c.text(sessions.start(c).formToken));
  app.get('/who', (c) => c.text(sessions.read(c)?.formToken ?? 'nobody'));
  return app;
}

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
