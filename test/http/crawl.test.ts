import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import type { CaseStore } from '../../src/workflow/index.js';
import { formPost, signIn, siteApp } from './helpers.js';

const TOKEN = 'test-crawl-token-0123456789';
/** Far more than the samples' pages (about 240 signed in), so a page that links without end still stops. */
const MAX_PAGES = 3000;

interface Crawled {
  /** Every page the crawl fetched, with the page that first printed its address. */
  visited: Map<string, string>;
  /** What is wrong: a status other than 200, a fragment with no target, an id used twice. */
  faults: string[];
}

const decode = (value: string) => value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');

/** The address a GET form goes to when sent as printed: its filled and hidden fields, checked boxes, the selected (or first) option. */
function formAddresses(page: string): string[] {
  const addresses: string[] = [];
  for (const form of page.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [attributes, body] = [form[1] ?? '', form[2] ?? ''];
    if (/method="post"/i.test(attributes)) continue;
    const action = decode(/action="([^"]*)"/.exec(attributes)?.[1] ?? '');
    const fields = new URLSearchParams();
    for (const input of body.matchAll(/<input\b([^>]*)>/g)) {
      const a = input[1] ?? '';
      const name = /name="([^"]*)"/.exec(a)?.[1];
      const type = /type="([^"]*)"/.exec(a)?.[1] ?? 'text';
      if (name === undefined || type === 'submit' || type === 'file' || ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(a))) continue;
      fields.append(decode(name), decode(/value="([^"]*)"/.exec(a)?.[1] ?? (type === 'checkbox' ? 'on' : '')));
    }
    for (const select of body.matchAll(/<select\b[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
      const options = [...(select[2] ?? '').matchAll(/<option\b([^>]*)>/g)].map((o) => o[1] ?? '');
      const chosen = options.find((o) => /\sselected\b/.test(o)) ?? options[0];
      if (chosen !== undefined) fields.append(decode(select[1] ?? ''), decode(/value="([^"]*)"/.exec(chosen)?.[1] ?? ''));
    }
    const query = fields.toString();
    addresses.push(query ? `${action}?${query}` : action);
  }
  return addresses;
}

/**
 * Breadth first from the home page over every same-site address a page prints (links,
 * stylesheets, images, GET forms sent as printed), up to MAX_PAGES. Each must answer 200, or
 * redirect within the site; on each HTML page every id is used once, and every fragment a
 * page links to names an id of its target.
 */
async function crawl(app: Hono, cookie?: string): Promise<Crawled> {
  const visited = new Map<string, string>([['/', '(首页)']]);
  const queue = ['/'];
  const idsOf = new Map<string, Set<string>>();
  const fragments: { path: string; id: string; from: string }[] = [];
  const faults: string[] = [];
  const enqueue = (target: string, from: string) => {
    const url = new URL(target, `http://site${from}`);
    if (url.host !== 'site') return;
    const path = `${url.pathname}${url.search}`;
    if (url.hash.length > 1) fragments.push({ path, id: decodeURIComponent(url.hash.slice(1)), from });
    if (visited.has(path) || visited.size >= MAX_PAGES) return;
    visited.set(path, from);
    queue.push(path);
  };
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const res = await app.request(path, { headers: cookie ? { Cookie: cookie } : {} });
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location') ?? '';
      if (!location.startsWith('/')) faults.push(`${path}（来自 ${visited.get(path)}）转到站外 ${location}`);
      else enqueue(location, path);
      continue;
    }
    if (res.status !== 200) {
      faults.push(`${path}（来自 ${visited.get(path)}）答 ${res.status}`);
      continue;
    }
    if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) {
      await res.arrayBuffer();
      continue;
    }
    const page = await res.text();
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1] ?? ''));
    const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    if (twice.length > 0) faults.push(`${path} 重复的 id：${twice.join('、')}`);
    idsOf.set(path, new Set(ids));
    for (const m of page.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const target = decode(m[1] ?? '');
      if (target !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(target)) enqueue(target, path);
    }
    for (const target of formAddresses(page)) enqueue(target, path);
  }
  for (const { path, id, from } of fragments) {
    const ids = idsOf.get(path);
    if (ids && !ids.has(id)) faults.push(`${from} 链接到 ${path}#${id}，目标页没有这个 id`);
  }
  return { visited, faults };
}

describe('every address the site prints', () => {
  let site: { app: Hono; store: Store; cases: CaseStore };
  let session: { cookie: string; formToken: string };

  beforeAll(async () => {
    site = await siteApp({ adminToken: TOKEN });
    session = await signIn(site.app, TOKEN);
    // Cases for the case list, the case pages and the supervision tables to link to: one overdue, one with a party.
    for (const [itemId, on, party] of [['1', '2025-05-06', '张三'], ['20', '2025-06-01', '北京某某科技有限公司']] as const) {
      const res = await formPost(site.app, '/cases', { _csrf: session.formToken, itemId, on, 'party.name': party, 'party.kind': 'person' }, { Cookie: session.cookie, Origin: 'http://localhost' });
      expect(res.status, await res.clone().text()).toBe(303);
    }
  });

  afterAll(async () => {
    await site?.cases.disconnect();
    await site?.store.close();
  });

  it('answers, for the public, every link, stylesheet and GET form reached from the home page', async () => {
    const { visited, faults } = await crawl(site.app);
    expect(faults).toEqual([]);
    // The crawl reached every kind of page, not just the home page.
    const paths = [...visited.keys()];
    for (const kind of [/^\/lists\/\d+$/, /^\/lists\/\d+\?type=/, /^\/lists\/\d+\/report$/, /^\/lists\/\d+\/versions$/, /^\/lists\/\d+\/processes\/\d+$/, /^\/items\/\d+$/, /^\/search\?/, /^\/compare$/, /^\/cases\/\d{4}-\d{5}$/, /^\/supervision$/, /^\/processes\/P\d+$/, /^\/login$/]) {
      expect(paths.some((p) => kind.test(p)), String(kind)).toBe(true);
    }
    expect(visited.size).toBeLessThan(MAX_PAGES);
  });

  it('answers, for a signed-in user, every link reached from the home page', async () => {
    const { visited, faults } = await crawl(site.app, session.cookie);
    expect(faults).toEqual([]);
    expect([...visited.keys()].some((p) => p.startsWith('/cases/new') || /^\/cases\/\d{4}-\d{5}$/.test(p))).toBe(true);
  });
});
