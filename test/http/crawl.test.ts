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
  /** The addresses that answered 200 with something other than HTML (a flowchart, JSON, a stylesheet): the same for every reader. */
  files: Set<string>;
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
async function crawl(app: Hono, options: { cookie?: string; filesAnswered?: ReadonlySet<string> } = {}): Promise<Crawled> {
  const { cookie, filesAnswered = new Set() } = options;
  const visited = new Map<string, string>([['/', '(首页)']]);
  const files = new Set<string>();
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
    if (filesAnswered.has(path)) continue;
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
      files.add(path);
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
  return { visited, faults, files };
}

describe('every address the site prints', () => {
  let site: { app: Hono; store: Store; cases: CaseStore };
  let session: { cookie: string; formToken: string };
  /** The public's crawl, made once: its flowcharts and JSON are not fetched again signed in. */
  let publicCrawl: Crawled;

  beforeAll(async () => {
    site = await siteApp({ adminToken: TOKEN });
    session = await signIn(site.app, TOKEN);
    // Cases for the case list, the case pages and the supervision tables to link to: one overdue, one with a party.
    for (const [itemId, on, party] of [['1', '2025-05-06', '张三'], ['20', '2025-06-01', '北京某某科技有限公司']] as const) {
      const res = await formPost(site.app, '/cases', { _csrf: session.formToken, itemId, on, 'party.name': party, 'party.kind': 'person' }, { Cookie: session.cookie, Origin: 'http://localhost' });
      expect(res.status, await res.clone().text()).toBe(303);
    }
    publicCrawl = await crawl(site.app);
  });

  afterAll(async () => {
    await site?.cases.disconnect();
    await site?.store.close();
  });

  it('answers, for the public, every link, stylesheet and GET form reached from the home page', async () => {
    const { visited, faults } = publicCrawl;
    expect(faults).toEqual([]);
    // The crawl reached every kind of page, not just the home page.
    const paths = [...visited.keys()];
    for (const kind of [/^\/lists\/\d+$/, /^\/lists\/\d+\?type=/, /^\/lists\/\d+\/report$/, /^\/lists\/\d+\/versions$/, /^\/lists\/\d+\/processes\/\d+$/, /^\/items\/\d+$/, /^\/search\?/, /^\/compare$/, /^\/cases\/\d{4}-\d{5}$/, /^\/supervision$/, /^\/processes\/P\d+$/, /^\/login$/]) {
      expect(paths.some((p) => kind.test(p)), String(kind)).toBe(true);
    }
    expect(visited.size).toBeLessThan(MAX_PAGES);
  });

  it('answers a page shared with the sharing app’s query added (WeChat’s ?from=singlemessage&isappinstalled=0) as without it', async () => {
    const shared = 'from=singlemessage&isappinstalled=0';
    const { visited } = publicCrawl;
    // One address of each kind: the same path with other ids or query values is the same page.
    const kinds = new Map<string, string>();
    for (const path of visited.keys()) {
      const kind = path.replace(/\d+/g, 'N').replace(/=[^&]*/g, '=');
      if (!kinds.has(kind) && !path.startsWith('/api/') && !path.startsWith('/assets/') && !/\.(?:svg|bpmn)$/.test(path.split('?')[0] ?? '')) kinds.set(kind, path);
    }
    expect(kinds.size).toBeGreaterThan(10);
    const heading = (page: string) => /<h1>([\s\S]*?)<\/h1>/.exec(page)?.[1];
    for (const path of kinds.values()) {
      const plain = await site.app.request(path);
      const withQuery = await site.app.request(`${path}${path.includes('?') ? '&' : '?'}${shared}`);
      expect(withQuery.status, path).toBe(plain.status);
      expect(heading(await withQuery.text()), path).toBe(heading(await plain.text()));
    }
    // The API keeps refusing a key it does not know.
    expect((await site.app.request(`/api/cases?${shared}`)).status).toBe(400);
  });

  it('answers, for a signed-in user, every link reached from the home page', async () => {
    const { visited, faults } = await crawl(site.app, { cookie: session.cookie, filesAnswered: publicCrawl.files });
    expect(faults).toEqual([]);
    expect([...visited.keys()].some((p) => /^\/cases\/\d{4}-\d{5}$/.test(p))).toBe(true);
  });
});
