import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import { createApp } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { type CaseStore, openCaseStore } from '../../src/workflow/index.js';
import { samplePath } from '../helpers/samples.js';
import { movableClock, testCalendar } from '../workflow/helpers.js';
import { cookieOf, formPost, signIn as signInWith, storeWith } from './helpers.js';

const TOKEN = 'counter-token-0123456789abcdef';
const clock = movableClock('2025-05-06');
let store: Store;
let cases: CaseStore;
let app: Hono;
/** The first item of the 001 sample (自治区国家保密局, 行政许可): five numbered duties, 20 working days. */
let item: string;

beforeAll(async () => {
  ({ store } = await storeWith([await importFile(samplePath('baomi'))]));
  cases = await openCaseStore(':memory:', { calendar: await testCalendar(), clock });
  app = createApp({ store, cases, clock, adminToken: TOKEN });
  item = (await store.listItems({ pageSize: 1 })).items[0]?.id as string;
});
afterAll(async () => {
  await cases?.disconnect();
  await store?.close();
});

const post = formPost;
const signIn = (target: Hono = app, token = TOKEN) => signInWith(target, token);

async function html(path: string, cookie?: string): Promise<{ status: number; text: string; res: Response }> {
  const res = await app.request(path, cookie ? { headers: { Cookie: cookie } } : {});
  return { status: res.status, text: await res.text(), res };
}

const eventCount = async () => (await cases.verify()).events;

describe('signing in', () => {
  it('asks for the token in Chinese; a wrong one is a 401 page and sets no cookie', async () => {
    const form = await html('/login');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<input id="login-token" name="token" type="password"');
    expect(form.text).toContain('QUANZE_ADMIN_TOKEN');
    for (const wrong of ['wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const res = await post(app, '/login', { token: wrong });
      expect(res.status, wrong).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      const text = await res.text();
      expect(text).toContain('管理令牌不正确');
      expect(text).not.toContain(wrong);
    }
    expect((await post(app, '/login', { token: '' })).status).toBe(400);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie that is not the token, and the header says 已登录', async () => {
    const res = await post(app, '/login', { token: TOKEN, next: `/items/${item}` });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/items/${item}`);
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^quanze_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    const value = set.slice('quanze_session='.length).split(';')[0] as string;
    for (const form of [TOKEN, Buffer.from(TOKEN).toString('base64'), Buffer.from(TOKEN).toString('base64url'), Buffer.from(TOKEN).toString('hex')]) {
      expect(value).not.toContain(form);
    }
    expect(value).not.toContain(createHash('sha256').update(TOKEN).digest('hex'));
    expect(value).not.toContain(createHash('sha256').update(TOKEN).digest('base64url'));

    const page = await html('/cases', cookieOf(res));
    expect(page.text).toContain('<span>已登录</span>');
    expect(page.text).toContain('<button type="submit">退出</button>');
    expect(page.res.headers.get('cache-control')).toBe('no-store');
    const anonymous = await html('/cases');
    expect(anonymous.text).toContain('<a class="account" href="/login">登录</a>');
    expect(anonymous.text).not.toContain('已登录');
  });

  it('marks the cookie Secure over https, and sends a foreign or odd `next` home', async () => {
    const res = await post(app, '/login', { token: TOKEN, next: '//evil.example/x' }, { 'X-Forwarded-Proto': 'https' });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    expect(res.headers.get('location')).toBe('/cases');
    const direct = await app.request('https://quanze.example/login', {
      method: 'POST',
      body: new URLSearchParams({ token: TOKEN, next: '/\\evil.example' }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(direct.headers.get('set-cookie')).toMatch(/; Secure/);
    expect(direct.headers.get('location')).toBe('/cases');
  });

  it('with no token configured, says writes are off and how to turn them on; nobody can sign in', async () => {
    const closed = createApp({ store, cases, clock });
    const page = await closed.request('/login');
    const text = await page.text();
    expect(text).toContain('写操作未开启');
    expect(text).toContain('QUANZE_ADMIN_TOKEN=');
    expect(text).not.toContain('name="token"');
    const res = await post(closed, '/login', { token: TOKEN });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    // Nor does the header offer a sign-in that cannot work.
    expect(await (await closed.request('/cases')).text()).not.toContain('href="/login"');
  });

  it('stops working when the token changes, after 12 hours, and after signing out', async () => {
    const { cookie, formToken } = await signIn();
    const rotated = createApp({ store, cases, clock, adminToken: `${TOKEN}-new` });
    expect(await (await rotated.request('/cases', { headers: { Cookie: cookie } })).text()).not.toContain('已登录');
    expect((await post(rotated, `/cases/2025-00001/resume`, { _csrf: formToken }, { Cookie: cookie })).status).toBe(401);

    let now = Date.now();
    const later = createApp({ store, cases, clock, adminToken: TOKEN, authClock: () => now });
    const session = await signIn(later);
    now += 12 * 3600 * 1000 + 1000;
    expect(await (await later.request('/cases', { headers: { Cookie: session.cookie } })).text()).not.toContain('已登录');

    const out = await post(app, '/logout', { _csrf: formToken }, { Cookie: cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/^quanze_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);
    // The old cookie, kept by hand, no longer signs anyone in.
    expect(await (await app.request('/cases', { headers: { Cookie: cookie } })).text()).not.toContain('已登录');
  });

  it('allows five wrong tries a minute; the sixth is refused even with the right token', async () => {
    let now = Date.now();
    const guarded = createApp({ store, cases, clock, adminToken: TOKEN, authClock: () => now });
    for (let i = 0; i < 5; i++) expect((await post(guarded, '/login', { token: `guess-${i}` })).status).toBe(401);
    const blocked = await post(guarded, '/login', { token: TOKEN });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain('尝试次数过多');
    expect(blocked.headers.get('set-cookie')).toBeNull();
    now += 61_000;
    expect((await post(guarded, '/login', { token: TOKEN })).status).toBe(303);
  });

  it('counts tries by connection, not by a spoofed X-Forwarded-For; behind trusted proxies, by the client they name', async () => {
    const login = (target: Hono, token: string, connection: string, forwarded?: string) =>
      target.request(
        '/login',
        {
          method: 'POST',
          body: new URLSearchParams({ token }).toString(),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(forwarded ? { 'X-Forwarded-For': forwarded } : {}) },
        },
        { incoming: { socket: { remoteAddress: connection } } },
      );
    const direct = createApp({ store, cases, clock, adminToken: TOKEN });
    for (let i = 0; i < 5; i++) expect((await login(direct, `guess-${i}`, '198.51.100.7', `203.0.113.${i}`)).status).toBe(401);
    // Another made-up address in the header buys no more tries; another connection is another client.
    expect((await login(direct, TOKEN, '198.51.100.7', '203.0.113.99')).status).toBe(429);
    expect((await login(direct, TOKEN, '198.51.100.8')).status).toBe(303);

    // Every request comes from the one proxy at 10.0.0.1, which appends the client's address.
    const proxied = createApp({ store, cases, clock, adminToken: TOKEN, trustProxy: 1 });
    for (let i = 0; i < 5; i++) expect((await login(proxied, `guess-${i}`, '10.0.0.1', `192.0.2.${i}, 203.0.113.5`)).status).toBe(401);
    expect((await login(proxied, TOKEN, '10.0.0.1', '192.0.2.99, 203.0.113.5')).status).toBe(429);
    expect((await login(proxied, TOKEN, '10.0.0.1', '203.0.113.6')).status).toBe(303);
  });
});

describe('the JSON API', () => {
  it('takes the bearer token as before and never the session cookie', async () => {
    const { cookie, formToken } = await signIn();
    const before = await eventCount();
    const withCookie = await app.request('/api/cases', {
      method: 'POST',
      body: JSON.stringify({ itemId: item }),
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': formToken },
    });
    expect(withCookie.status).toBe(401);
    expect(withCookie.headers.get('content-type')).toBe('application/problem+json');
    // A cross-site form can send text/plain that parses as JSON: still nothing without the bearer token.
    const plain = await app.request('/api/cases', { method: 'POST', body: JSON.stringify({ itemId: item }), headers: { 'Content-Type': 'text/plain', Cookie: cookie } });
    expect(plain.status).toBe(401);
    expect(await eventCount()).toBe(before);
    // Reads keep their own caching, signed in or not.
    const read = await app.request('/api/cases', { headers: { Cookie: cookie } });
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/api/lists', { headers: { Cookie: cookie } })).headers.get('cache-control')).toBe('no-cache');
  });
});

describe('a form post', () => {
  let caseId = '';
  let session: { cookie: string; formToken: string };
  beforeAll(async () => {
    session = await signIn();
    const res = await post(app, '/cases', { _csrf: session.formToken, itemId: item }, { Cookie: session.cookie });
    expect(res.status).toBe(303);
    caseId = /\/cases\/([\d-]+)\?done=open$/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
  });

  const refusals: readonly [string, (s: { other: string }) => Record<string, string> | null, Record<string, string>][] = [
    ['no form token', () => ({}), {}],
    ['a wrong form token', () => ({ _csrf: 'x'.repeat(43) }), {}],
    ['another session’s form token', (s) => ({ _csrf: s.other }), {}],
    ['a foreign Origin', () => null, { Origin: 'https://evil.example' }],
    ['Origin null', () => null, { Origin: 'null' }],
    ['a foreign Referer and no Origin', () => null, { Referer: 'https://evil.example/page' }],
  ];
  it.each(refusals)('with %s is refused with 403 and writes nothing', async (_, fields, headers) => {
    const other = (await signIn()).formToken;
    expect(other).not.toBe(session.formToken);
    const token = fields({ other }) ?? { _csrf: session.formToken };
    const before = await eventCount();
    const res = await post(app, `/cases/${caseId}/pause`, { ...token, kind: '检验' }, { Cookie: session.cookie, ...headers });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/表单校验失败|拒绝来自其他网站的提交/);
    const opened = await post(app, '/cases', { ...token, itemId: item }, { Cookie: session.cookie, ...headers });
    expect(opened.status).toBe(403);
    expect(await eventCount()).toBe(before);
    expect((await cases.getCase(caseId))?.summary.status).toBe('open');
  });

  it('from this site’s own origin passes, and without a session is a 401', async () => {
    const none = await post(app, `/cases/${caseId}/pause`, { _csrf: session.formToken, kind: '检验' });
    expect(none.status).toBe(401);
    expect(await none.text()).toContain('尚未登录');
    const own = await post(app, `/cases/${caseId}/documents`, { _csrf: session.formToken, name: '受理通知书' }, { Cookie: session.cookie, Origin: 'http://localhost' });
    expect(own.status).toBe(303);
    expect(own.headers.get('location')).toBe(`/cases/${caseId}?done=documents`);
  });

  it('is allowed by the CSP (form-action \'self\'), which sends forms nowhere else', async () => {
    const res = await app.request(`/cases/${caseId}`, { headers: { Cookie: session.cookie } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("script-src 'none'");
    const text = await res.text();
    const actions = [...text.matchAll(/<form[^>]* action="([^"]+)"/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThan(3);
    for (const action of actions) expect(action).toMatch(/^\//);
  });
});

/** The value of a form field as a page shows it. */
function fieldValue(page: string, id: string): string | undefined {
  return new RegExp(`id="${id}" name="[^"]+"[^>]* value="([^"]*)"`).exec(page)?.[1];
}

describe('handling a case through the forms', () => {
  let session: { cookie: string; formToken: string };
  let id = '';
  /** The same actions through the JSON API, to compare the events with. */
  let twin = '';
  const form = (path: string, fields: Record<string, string>) => post(app, path, { _csrf: session.formToken, ...fields }, { Cookie: session.cookie });
  const api = async (path: string, body: unknown) => {
    const res = await app.request(`/api${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` } });
    expect(res.status, path).toBeLessThan(300);
    return res;
  };
  /** Does one step through a form and the same through the API; the form's redirect must confirm it. */
  async function both(action: string, fields: Record<string, string>, body: Record<string, unknown>, confirmation: string) {
    const res = await form(`/cases/${id}/${action}`, fields);
    expect(res.status, action).toBe(303);
    expect(res.headers.get('location')).toBe(`/cases/${id}?done=${action}`);
    const page = await html(res.headers.get('location') as string, session.cookie);
    expect(page.text).toContain(`<p class="notice" role="status">${confirmation}</p>`);
    await api(`/cases/${twin}/${action}`, body);
    return page.text;
  }

  beforeAll(async () => {
    clock.set('2025-05-06');
    session = await signIn();
  });

  it('shows the 立案 form on the item page to a signed-in user only, with today as the received date', async () => {
    const anonymous = await html(`/items/${item}`);
    expect(anonymous.text).not.toContain('action="/cases"');
    const page = await html(`/items/${item}`, session.cookie);
    expect(page.status).toBe(200);
    expect(page.res.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('<form class="case-action" id="open-form" method="post" action="/cases">');
    expect(page.text).toContain(`<input type="hidden" name="itemId" value="${item}">`);
    expect(fieldValue(page.text, 'open-on')).toBe('2025-05-06');
    expect(fieldValue(page.text, 'open-department')).toBe('自治区国家保密局');
    // The shared page of everyone else is still served from its cache, unchanged.
    expect((await html(`/items/${item}`)).text).toBe(anonymous.text);
  });

  it('opens, advances, pauses, resumes, extends and closes, with the deadlines of the API', async () => {
    const opened = await form('/cases', { itemId: item, department: '自治区国家保密局', on: '2025-05-06' });
    expect(opened.status).toBe(303);
    id = /^\/cases\/([\d-]+)\?done=open$/.exec(opened.headers.get('location') ?? '')?.[1] ?? '';
    expect(id).not.toBe('');
    const first = await html(opened.headers.get('location') as string, session.cookie);
    expect(first.text).toContain('<p class="notice" role="status">已立案。</p>');
    twin = ((await (await api('/cases', { itemId: item, department: '自治区国家保密局', on: '2025-05-06' })).json()) as { summary: { id: string } }).summary.id;
    // 20 working days after 05-06, 端午 (05-31..06-02) not counted.
    expect((await cases.getCase(id))?.summary).toMatchObject({ status: 'open', currentStepName: '受理', statutoryDue: '2025-06-04', openedOn: '2025-05-06' });
    expect(first.text).toContain('id="advance-form"');
    expect(first.text).not.toContain('id="resume-form"');

    clock.set('2025-05-08');
    const advanced = await both('advance', { on: '2025-05-08' }, { on: '2025-05-08' }, '已办结当前环节。');
    expect((await cases.getCase(id))?.summary.currentStepName).toBe('审查');
    expect(advanced).toContain('办结当前环节“审查”');

    clock.set('2025-05-12');
    const paused = await both('pause', { kind: '检验', note: '送检', on: '2025-05-12' }, { kind: '检验', note: '送检', on: '2025-05-12' }, '已暂停计时。');
    expect((await cases.getCase(id))?.summary.status).toBe('paused');
    expect(paused).toContain('id="resume-form"');
    expect(paused).not.toContain('id="advance-form"');
    expect(paused).not.toContain('id="pause-form"');

    clock.set('2025-05-19');
    await both('resume', { on: '2025-05-19' }, { on: '2025-05-19' }, '已恢复计时。');
    // The five working days of the inspection (05-13..05-19) are not counted.
    expect((await cases.getCase(id))?.summary).toMatchObject({ status: 'open', statutoryDue: '2025-06-11' });

    clock.set('2025-05-20');
    await both('extend', { amount: '10', unit: 'workday', approvedBy: '局长', note: '情况复杂', on: '2025-05-20' }, { amount: 10, unit: 'workday', approvedBy: '局长', note: '情况复杂', on: '2025-05-20' }, '已延长期限。');
    expect((await cases.getCase(id))?.summary.statutoryDue).toBe('2025-06-25');

    clock.set('2025-05-22');
    const closed = await both('close', { outcome: '准予许可', on: '2025-05-22' }, { outcome: '准予许可', on: '2025-05-22' }, '案件已办结。');
    expect((await cases.getCase(id))?.state).toMatchObject({ status: 'closed', closedOn: '2025-05-22', outcome: '准予许可', onTime: true });
    expect(closed).toContain('案件已办结，不能再办理。');
    expect(closed).not.toContain('class="case-action"');

    // The forms wrote what the API wrote: the same events with the same data.
    const events = async (caseId: string) => (await cases.caseEvents(caseId)).map((e) => [e.kind, JSON.parse(e.data)]);
    expect(await events(id)).toEqual(await events(twin));
    expect((await events(id)).map(([kind]) => kind)).toEqual(['opened', 'advanced', 'paused', 'resumed', 'extended', 'closed']);
    const report = await cases.verify();
    expect(report.ok).toBe(true);
    expect((await (await app.request('/api/audit/verify')).json()) as { ok: boolean }).toMatchObject({ ok: true });
  });
});

describe('a refused form', () => {
  let session: { cookie: string; formToken: string };
  let id = '';
  const form = (path: string, fields: Record<string, string>) => post(app, path, { _csrf: session.formToken, ...fields }, { Cookie: session.cookie });

  beforeAll(async () => {
    clock.set('2025-06-03');
    session = await signIn();
    const res = await form('/cases', { itemId: item });
    id = /^\/cases\/([\d-]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
  });

  it('with a bad field comes back with 400, the reason beside the field and the input kept', async () => {
    const before = await eventCount();
    const res = await form(`/cases/${id}/extend`, { amount: '0', unit: 'day', approvedBy: '副局长<b>', on: '2025-06-03' });
    expect(res.status).toBe(400);
    const text = await res.text();
    // zod's own Chinese message, as the API's problem+json gives it.
    expect(text).toContain('<p class="field-error" id="extend-amount-error">数值过小：期望 number &gt;0</p>');
    expect(text).toContain('id="extend-amount" name="amount" aria-invalid="true" aria-describedby="extend-amount-error"');
    expect(fieldValue(text, 'extend-amount')).toBe('0');
    expect(fieldValue(text, 'extend-approvedBy')).toBe('副局长&lt;b&gt;');
    expect(text).toContain('<option value="day" selected>日</option>');
    // The other forms are offered as usual, with their defaults.
    expect(fieldValue(text, 'pause-on')).toBe('2025-06-03');

    const future = await form(`/cases/${id}/pause`, { kind: '听证', note: '申请人要求听证', on: '2025-07-01' });
    expect(future.status).toBe(400);
    const page = await future.text();
    expect(page).toMatch(/<p class="field-error" id="pause-on-error">日期 2025-07-01 晚于今天（2025-06-03），不能预先登记<\/p>/);
    expect(fieldValue(page, 'pause-note')).toBe('申请人要求听证');
    expect(page).toContain('<option value="听证" selected>');
    expect(await eventCount()).toBe(before);
  });

  it('that the case’s state forbids comes back with 409 and the API’s reason', async () => {
    expect((await form(`/cases/${id}/pause`, { kind: '检验' })).status).toBe(303);
    const before = await eventCount();
    const res = await form(`/cases/${id}/advance`, { force: '急办' });
    expect(res.status).toBe(409);
    const text = await res.text();
    expect(text).toContain(`<p class="form-error" role="alert">未能办结当前环节：案件 ${id} 正在暂停计时，请先恢复</p>`);
    expect(text).toContain('id="resume-form"');
    const again = await form(`/cases/${id}/pause`, { kind: '检验' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(`已在暂停计时`);
    expect(await eventCount()).toBe(before);
    // The API says the same with the same status.
    const viaApi = await app.request(`/api/cases/${id}/advance`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` } });
    expect(viaApi.status).toBe(409);
  });

  it('to open a case comes back on the 立案 page with the department kept', async () => {
    const before = await eventCount();
    const res = await form('/cases', { itemId: item, department: '保密局办公室', on: '2025-02-30' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('<h1>立案：国家秘密载体制作、复制、维修、销毁资质认定</h1>');
    expect(text).toMatch(/<p class="field-error" id="open-on-error">[^<]+<\/p>/);
    expect(fieldValue(text, 'open-department')).toBe('保密局办公室');
    expect(fieldValue(text, 'open-on')).toBe('2025-02-30');
    expect(await eventCount()).toBe(before);
    expect((await form('/cases', { itemId: '999999' })).status).toBe(404);
  });
});
