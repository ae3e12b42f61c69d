import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { expect } from 'vitest';
import { auditStore } from '../../src/audit/index.js';
import { importBytes, importFile } from '../../src/ingest/index.js';
import { openLawLibrary } from '../../src/law/index.js';
import type { PowerList } from '../../src/model/index.js';
import { createApp } from '../../src/server/index.js';
import { type ImportOutcome, openStore, type Store } from '../../src/store/index.js';
import { fixedClock, loadCalendar, openCaseStore } from '../../src/workflow/index.js';
import { SAMPLES, type SampleName, samplePath, sampleText } from '../helpers/samples.js';

export interface Imported {
  list: PowerList;
  outcome: ImportOutcome;
}

/** A migrated in-memory store holding the given lists, in order. */
export async function storeWith(lists: readonly PowerList[]): Promise<{ store: Store; outcomes: ImportOutcome[] }> {
  const store = await openStore(':memory:');
  await store.migrate();
  const outcomes: ImportOutcome[] = [];
  for (const list of lists) outcomes.push(await store.importList(list));
  return { store, outcomes };
}

/** Every bundled sample imported into a fresh store, with the app over it. */
export async function sampleApp(now = () => new Date('2025-03-01T08:00:00Z')) {
  const names = Object.keys(SAMPLES) as SampleName[];
  const lists = await Promise.all(names.map((name) => importFile(samplePath(name))));
  const { store, outcomes } = await storeWith(lists);
  const imported = new Map<SampleName, Imported>(names.map((name, i) => [name, { list: lists[i] as PowerList, outcome: outcomes[i] as ImportOutcome }]));
  return { app: createApp({ store, now }), store, imported };
}

export interface SiteOptions {
  /** $QUANZE_ADMIN_TOKEN; writes are refused without one. */
  adminToken?: string;
  /** The audit's date and the workflow's "today". */
  today?: string;
}

/**
 * What `quanze start` serves, in memory: every sample imported and audited, the case store
 * beside it, and the app over both.
 */
export async function siteApp(options: SiteOptions = {}) {
  const today = options.today ?? '2025-06-03';
  const { store, imported } = await sampleApp();
  const library = await openLawLibrary();
  const checks = await auditStore(store, { library, today });
  const calendar = await loadCalendar(fileURLToPath(new URL('../../data/calendar/', import.meta.url)));
  const clock = fixedClock(today);
  const cases = await openCaseStore(':memory:', { calendar, clock });
  const app = createApp({
    store,
    cases,
    clock,
    laws: library.registry,
    publish: { lists: store, library },
    now: () => new Date(`${today}T08:00:00Z`),
    adminToken: options.adminToken,
  });
  return { app, store, cases, imported, checks };
}

/**
 * The 凉州区 sample with markup and script planted in its cells and title, the way a
 * careless or hostile publisher could write them.
 */
export const PAYLOADS = {
  title: `<script>alert('xss-title')</script>`,
  name: `<script>alert('xss-name')</script>`,
  unclosed: `<img src=x onerror=alert('xss-unclosed')`,
  office: `<img src=x onerror=alert('xss-office')>`,
  entity: '&lt;script&gt;alert(&#39;xss-entity&#39;)&lt;/script&gt;',
} as const;

export function hostileVariant(): { file: string; text: string } {
  const text = sampleText('liangzhou')
    .replace('权责清单\n', `权责清单${PAYLOADS.title}\n`)
    .replace('| 对不履行法定网络安全保护义务的处罚 |', `| ${PAYLOADS.name}对不履行法定网络安全保护义务的处罚${PAYLOADS.unclosed} |`)
    .replace('| 网络监管组 |', `| 网络监管组${PAYLOADS.office}${PAYLOADS.entity} |`);
  return { file: 'hostile-004.txt', text };
}

export function hostileApp() {
  return appOver(hostileVariant());
}

/** The 凉州区 sample with a column no mapping knows (监督方式), to be kept under its header. */
export function withExtraColumn(): { file: string; text: string } {
  const text = sampleText('liangzhou')
    .split('\n')
    .map((line) => {
      if (!line.startsWith('|')) return line;
      if (line.includes('| 序号 |')) return `${line} 监督方式 |`;
      if (/^\|[-| ]+\|\s*$/.test(line)) return `${line}----|`;
      return `${line} 书面<b>监督</b> |`;
    })
    .join('\n');
  return { file: 'extra-column-004.txt', text };
}

export async function appOver(variant: { file: string; text: string }) {
  const list = await importBytes(variant.file, new TextEncoder().encode(variant.text));
  const { store, outcomes } = await storeWith([list]);
  return { app: createApp({ store }), store, list, outcome: outcomes[0] as ImportOutcome };
}

/** A form post as a browser sends it (urlencoded); `headers` adds or overrides (Origin, Cookie …). */
export function formPost(target: Hono, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return target.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });
}

/** The cookie a response sets, as the browser sends it back ("name=value"). */
export function cookieOf(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0] ?? '';
}

/** Signs in with the administrator's token as the login form does: the session cookie and the form token its pages carry. */
export async function signIn(target: Hono, token: string): Promise<{ cookie: string; formToken: string }> {
  const res = await formPost(target, '/login', { token, next: '/cases' });
  expect(res.status).toBe(303);
  const cookie = cookieOf(res);
  const page = await (await target.request('/cases', { headers: { Cookie: cookie } })).text();
  const formToken = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  expect(formToken).not.toBe('');
  return { cookie, formToken };
}
