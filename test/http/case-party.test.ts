import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import { createApp } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { canonicalJson, eventHash } from '../../src/workflow/audit-log/index.js';
import { type CaseStore, openCaseStore } from '../../src/workflow/index.js';
import type { Supervision } from '../../src/workflow/supervision/index.js';
import { samplePath } from '../helpers/samples.js';
import { movableClock, testCalendar } from '../workflow/helpers.js';
import { formPost, signIn, storeWith } from './helpers.js';

// The supervision page prints no party today; recording what its view is handed shows
// that a column added later would get what the reader may see, not the full record.
const supervisionViews = vi.hoisted(() => [] as Supervision[]);
vi.mock('../../src/workflow/web/views/supervision.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/workflow/web/views/supervision.js')>();
  return {
    ...actual,
    supervisionBody: (s: Supervision, chartSvg: string) => {
      supervisionViews.push(s);
      return actual.supervisionBody(s, chartSvg);
    },
  };
});

const TOKEN = 'party-token-0123456789abcdef';
const BEARER = { Authorization: `Bearer ${TOKEN}` };
const APPLICANT = { name: '北京字节跳动科技有限公司', kind: 'organisation', contact: '010-58341234' } as const;
const clock = movableClock('2025-05-06');
let store: Store;
let cases: CaseStore;
let app: Hono;
/** The first item of the 001 sample: a 行政许可, so its party is the 申请人. */
let licence: string;
/** A 行政处罚 of the 000 sample: its party is the 当事人. */
let penalty: string;
let session: { cookie: string; formToken: string };

beforeAll(async () => {
  ({ store } = await storeWith([await importFile(samplePath('baomi')), await importFile(samplePath('mima'))]));
  cases = await openCaseStore(':memory:', { calendar: await testCalendar(), clock });
  app = createApp({ store, cases, clock, adminToken: TOKEN });
  licence = (await store.listItems({ type: '行政许可', pageSize: 1 })).items[0]?.id as string;
  penalty = (await store.listItems({ type: '行政处罚', pageSize: 1 })).items[0]?.id as string;
  session = await signIn(app, TOKEN);
});
afterAll(async () => {
  await cases?.disconnect();
  await store?.close();
});

const apiOpen = (body: unknown) => app.request('/api/cases', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...BEARER } });
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await app.request(path, { headers });
  expect(res.status, path).toBe(200);
  return res;
};

describe('the applicant through the JSON API', () => {
  let id = '';
  beforeAll(async () => {
    const res = await apiOpen({ itemId: licence, party: APPLICANT });
    expect(res.status).toBe(201);
    // The writer holds the token: the answer is the full record it wrote.
    const view = (await res.json()) as { summary: { id: string }; state: { party: unknown } };
    expect(view.state.party).toEqual(APPLICANT);
    id = view.summary.id;
  });

  it("gives the public no way to test a guess at the masked name against the opening event's hash", async () => {
    type Shown = { seq: number; at: string; kind: string; data: Record<string, unknown>; prevHash: string; hash: string };
    const eventsOf = async (headers: Record<string, string> = {}) => (await (await get(`/api/cases/${id}/events`, headers)).json()) as Shown[];
    const hashOf = (e: Shown, data: Record<string, unknown>) => eventHash(e.prevHash, { seq: e.seq, caseId: id, at: e.at, kind: e.kind, data: canonicalJson(data) });
    const [staff] = await eventsOf(BEARER);
    const [shown] = await eventsOf();
    if (!staff || !shown) throw new Error('no 立案 event');
    // Staff can check the hash: the data they see is what was hashed.
    expect(hashOf(staff, staff.data)).toBe(staff.hash);
    expect(staff.data.partySalt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // The public sees no salt, so even the right guess at the name and contact does not give the hash.
    expect(shown.data).not.toHaveProperty('partySalt');
    expect(shown.hash).toBe(staff.hash);
    expect(hashOf(shown, { ...shown.data, party: APPLICANT })).not.toBe(shown.hash);
    expect(hashOf(shown, { ...shown.data, party: { name: APPLICANT.name, kind: APPLICANT.kind } })).not.toBe(shown.hash);
  });

  it('is masked for the public, in the case, its events and the events endpoint, with no contact anywhere', async () => {
    for (const path of [`/api/cases/${id}`, `/api/cases/${id}/events`]) {
      const text = await (await get(path)).text();
      expect(text, path).toContain('"name":"北京**有限公司"');
      expect(text, path).not.toContain('字节跳动');
      expect(text, path).not.toContain('58341234');
    }
    const body = (await (await get(`/api/cases/${id}`)).json()) as { state: { party: unknown }; events: { kind: string; data: { party?: unknown } }[] };
    expect(body.state.party).toEqual({ name: '北京**有限公司', kind: 'organisation', masked: true });
    expect(body.events[0]?.data.party).toEqual({ name: '北京**有限公司', kind: 'organisation', masked: true });
  });

  it('is in full for the administrator’s token and a signed-in session', async () => {
    for (const headers of [BEARER, { Cookie: session.cookie }]) {
      const body = (await (await get(`/api/cases/${id}`, headers)).json()) as { state: { party: unknown }; events: { data: { party?: unknown } }[] };
      expect(body.state.party).toEqual(APPLICANT);
      expect(body.events[0]?.data.party).toEqual(APPLICANT);
      const events = (await (await get(`/api/cases/${id}/events`, headers)).json()) as { data: { party?: unknown } }[];
      expect(events[0]?.data.party).toEqual(APPLICANT);
    }
    // A wrong token is the public.
    expect(await (await get(`/api/cases/${id}`, { Authorization: 'Bearer wrong' })).text()).not.toContain('字节跳动');
  });

  it('is masked on the public case page and in full, with the contact, on a signed-in one that no cache keeps', async () => {
    const anonymous = await (await get(`/cases/${id}`)).text();
    expect(anonymous).toContain('<dt>申请人</dt><dd>北京**有限公司 <span class="muted">（法人或其他组织）</span></dd>');
    expect(anonymous).not.toContain('字节跳动');
    expect(anonymous).not.toContain('58341234');
    const signed = await get(`/cases/${id}`, { Cookie: session.cookie });
    expect(signed.headers.get('cache-control')).toBe('no-store');
    const text = await signed.text();
    expect(text).toContain('<dt>申请人</dt><dd>北京字节跳动科技有限公司 <span class="muted">（法人或其他组织）</span><br><span class="muted">联系方式：</span>010-58341234</dd>');
  });

  it('refuses a bad party with 400 naming the field, and writes nothing', async () => {
    const before = (await cases.verify()).events;
    const HIDDEN = '不能包含控制字符或不可见的格式字符';
    const OBJECT = '应为对象，含 name、kind 和可选的 contact';
    const cases_: [unknown, string, string][] = [
      [{ name: '张三\u0007', kind: 'person' }, 'party.name', HIDDEN],
      [{ name: '张三\u202e', kind: 'person' }, 'party.name', HIDDEN],
      [{ name: '张'.repeat(101), kind: 'person' }, 'party.name', '不能超过 100 个字符'],
      [{ name: '', kind: 'person' }, 'party.name', '不能为空'],
      [{ name: 42, kind: 'person' }, 'party.name', '应为文本'],
      [{ name: '张三', kind: 'company' }, 'party.kind', '应为 person（自然人）或 organisation（法人或其他组织）'],
      [{ name: '张三' }, 'party.kind', '缺少必填参数'],
      [{ name: '张三', kind: 'person', contact: '1'.repeat(101) }, 'party.contact', '不能超过 100 个字符'],
      [{ name: '张三', kind: 'person', contact: 13800138000 }, 'party.contact', '应为文本'],
      [{ kind: 'person' }, 'party.name', '缺少必填参数'],
      [{ name: '张三', kind: 'person', idNumber: '110101199003070011' }, 'party', '未知的字段 idNumber（只能有 name、kind 和 contact）'],
      ['张三', 'party', OBJECT],
      [null, 'party', OBJECT],
    ];
    for (const [party, name, reason] of cases_) {
      const res = await apiOpen({ itemId: licence, party });
      expect(res.status, JSON.stringify(party)).toBe(400);
      const problem = (await res.json()) as { 'invalid-params': { name: string; reason: string }[] };
      expect(problem['invalid-params'], JSON.stringify(party)).toEqual([expect.objectContaining({ name, reason })]);
    }
    expect((await cases.verify()).events).toBe(before);
  });

  it('leaves a case opened without one as it was, and the chain whole', async () => {
    const res = await apiOpen({ itemId: licence });
    const view = (await res.json()) as { summary: { id: string }; state: Record<string, unknown> };
    expect(view.state).not.toHaveProperty('party');
    expect(await (await get(`/cases/${view.summary.id}`)).text()).not.toContain('<dt>申请人</dt>');
    expect((await cases.verify()).ok).toBe(true);
  });
});

describe('the applicant in the case list and supervision', () => {
  let id = '';
  const MASKED = { name: '北京**有限公司', kind: 'organisation', masked: true };
  beforeAll(async () => {
    id = ((await (await apiOpen({ itemId: licence, party: APPLICANT })).json()) as { summary: { id: string } }).summary.id;
  });
  type Listed = { id: string; party?: unknown };
  const listed = async (path: string, headers: Record<string, string> = {}) => ((await (await get(path, headers)).json()) as { items: Listed[] }).items.find((c) => c.id === id);
  const watched = async (headers: Record<string, string> = {}) =>
    ((await (await get('/api/supervision?today=2026-12-31', headers)).json()) as { overdue: Listed[] }).overdue.find((c) => c.id === id);

  it('is masked in every public list and figure, the full name and contact nowhere', async () => {
    expect(await listed('/api/cases')).toMatchObject({ party: MASKED });
    expect(await listed('/api/cases?filter=overdue&today=2026-12-31')).toMatchObject({ party: MASKED });
    expect(await watched()).toMatchObject({ party: MASKED });
    for (const path of ['/api/cases', '/api/cases?filter=overdue&today=2026-12-31', '/api/supervision?today=2026-12-31', '/cases', '/supervision?today=2026-12-31', `/api/cases/${id}`]) {
      const text = await (await get(path)).text();
      expect(text, path).not.toContain('字节跳动');
      expect(text, path).not.toContain('58341234');
    }
    expect(await listed('/api/cases', { Authorization: 'Bearer wrong' })).toMatchObject({ party: MASKED });
  });

  it('is in full for the administrator’s token and a signed-in session', async () => {
    for (const headers of [BEARER, { Cookie: session.cookie }]) {
      expect(await listed('/api/cases', headers)).toMatchObject({ party: APPLICANT });
      expect(await watched(headers)).toMatchObject({ party: APPLICANT });
    }
  });

  it('reaches the /supervision page’s view masked for the public and in full, kept by no cache, for the token and a session', async () => {
    const handed = async (headers: Record<string, string> = {}) => {
      supervisionViews.length = 0;
      const res = await get('/supervision?today=2026-12-31', headers);
      const [view] = supervisionViews;
      return { res, watched: view?.overdue.find((c) => c.id === id) };
    };
    const anonymous = await handed();
    expect(anonymous.watched).toMatchObject({ party: MASKED });
    expect(JSON.stringify(supervisionViews)).not.toContain('字节跳动');
    expect(JSON.stringify(supervisionViews)).not.toContain('58341234');
    expect(anonymous.res.headers.get('cache-control')).not.toBe('no-store');
    for (const headers of [BEARER, { Cookie: session.cookie }]) {
      const staff = await handed(headers);
      expect(staff.watched).toMatchObject({ party: APPLICANT });
      expect(staff.res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('is a column of the /cases page: masked for the public, in full (and kept by no cache) when signed in; a case without one shows a dash', async () => {
    const plain = ((await (await apiOpen({ itemId: licence })).json()) as { summary: { id: string } }).summary.id;
    const row = (page: string, caseId: string) => new RegExp(`<a href="/cases/${caseId}">${caseId}</a></td>.*?<td data-label="申请人/当事人">(.*?)</td>`).exec(page)?.[1];
    const anonymous = await get('/cases');
    const publicPage = await anonymous.text();
    expect(publicPage).toContain('<th scope="col">申请人/当事人</th>');
    expect(row(publicPage, id)).toBe('北京**有限公司');
    expect(row(publicPage, plain)).toBe('<span class="muted">—</span>');
    expect(anonymous.headers.get('cache-control')).not.toBe('no-store');
    const signed = await get('/cases', { Cookie: session.cookie });
    expect(signed.headers.get('cache-control')).toBe('no-store');
    const staffPage = await signed.text();
    expect(row(staffPage, id)).toBe('北京字节跳动科技有限公司');
    expect(staffPage).not.toContain('58341234');
  });
});

describe('the applicant in the portal’s 立案 form', () => {
  const form = (fields: Record<string, string>) => formPost(app, '/cases', { _csrf: session.formToken, itemId: licence, ...fields }, { Cookie: session.cookie });
  const idOf = (res: Response) => /^\/cases\/([\d-]+)\?done=open$/.exec(res.headers.get('location') ?? '')?.[1] ?? '';

  it('offers the fields as plain form controls, called 申请人 or 当事人 by the item’s power type', async () => {
    const page = await (await get(`/items/${licence}`, { Cookie: session.cookie })).text();
    expect(page).toContain('<legend>申请人（选填）</legend>');
    expect(page).toContain('<label for="open-party-name">申请人姓名或名称</label><input type="text" id="open-party-name" name="party.name" value="" maxlength="100">');
    expect(page).toContain('<select id="open-party-kind" name="party.kind"><option value="person" selected>自然人</option><option value="organisation">法人或其他组织</option></select>');
    expect(page).toContain('id="open-party-contact" name="party.contact"');
    const other = await (await get(`/cases/new?itemId=${penalty}`, { Cookie: session.cookie })).text();
    expect(other).toContain('<legend>当事人（选填）</legend>');
  });

  it('records what the API records for the same input', async () => {
    const fields = { on: '2025-05-06', 'party.name': ' 张三丰 ', 'party.kind': 'person', 'party.contact': '13800138000' };
    const res = await form(fields);
    expect(res.status).toBe(303);
    const id = idOf(res);
    const twin = ((await (await apiOpen({ itemId: licence, on: '2025-05-06', party: { name: '张三丰', kind: 'person', contact: '13800138000' } })).json()) as { summary: { id: string } }).summary.id;
    const data = async (caseId: string) => JSON.parse((await cases.caseEvents(caseId))[0]?.data ?? '{}') as Record<string, unknown>;
    // Each 立案 with a party draws its own salt; the rest is the same.
    const { partySalt: formSalt, ...fromForm } = await data(id);
    const { partySalt: apiSalt, ...fromApi } = await data(twin);
    expect(fromForm).toEqual(fromApi);
    expect(formSalt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(apiSalt).not.toBe(formSalt);
    expect((await data(id)).party).toEqual({ name: '张三丰', kind: 'person', contact: '13800138000' });
    expect(await (await get(`/cases/${id}`)).text()).toContain('<dt>申请人</dt><dd>张** <span class="muted">（自然人）</span></dd>');
  });

  it('records no party when its name and contact are left empty, whatever the kind says', async () => {
    const res = await form({ 'party.name': '', 'party.kind': 'organisation', 'party.contact': ' ' });
    expect(res.status).toBe(303);
    expect((await cases.getCase(idOf(res)))?.state).not.toHaveProperty('party');
  });

  it('comes back with the reason beside the field and the input kept', async () => {
    const before = (await cases.verify()).events;
    const res = await form({ department: '保密局办公室', 'party.kind': 'organisation', 'party.contact': '0991-1234567' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('<p class="field-error" id="open-party-name-error">缺少必填参数</p>');
    expect(text).toContain('id="open-party-name" name="party.name" aria-invalid="true" aria-describedby="open-party-name-error"');
    expect(text).toContain('<option value="organisation" selected>法人或其他组织</option>');
    expect(text).toContain('id="open-party-contact" name="party.contact" value="0991-1234567"');
    expect(await (await form({ 'party.name': '张\u0001三', 'party.kind': 'person' })).text()).toContain('不能包含控制字符或不可见的格式字符');
    expect((await cases.verify()).events).toBe(before);
  });
});
