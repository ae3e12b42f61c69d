import { createHash } from 'node:crypto';
import { ByteLru } from '../cache/lru.js';
import { type ContentCoding, precompress } from '../http/encoding.js';
import { notFound } from '../../problem/index.js';
import { type FlowchartCache, itemFlow, type ProcessLookup, type StoredRef } from '../item-flow.js';
import type { ItemDetail, StorePort } from '../store-port.js';
import { listName } from '../views/format.js';
import type { SafeHtml } from '../../html/index.js';
import { type ItemFlow, itemBody } from '../views/item.js';
import type { Crumb, HeaderAccount } from '../views/layout.js';

/** A rendered item page in each content coding, each with its own strong ETag. */
export interface RenderedPage {
  bodies: Record<ContentCoding, Uint8Array<ArrayBuffer>>;
  etags: Record<ContentCoding, string>;
}

interface CachedPage extends RenderedPage {
  /** What the page shows that can change while the item's id stays: findings, stored process, year. */
  inputs: string;
  /** The change token it was last known current at; null: check the inputs on every request. */
  token: string | null;
}

export interface ItemPagesOptions {
  store: StorePort;
  processes?: ProcessLookup | undefined;
  /** The page shell around a body (title, breadcrumbs, header, footer with the year); the header's corner for a signed-in user. */
  shell: (title: string, body: SafeHtml, crumbs: Crumb[], year: number, account?: HeaderAccount) => string;
  /** The 立案 section a signed-in user sees, given their form token; null when the item cannot be opened as a case. */
  openCase?: ((detail: ItemDetail, flow: ItemFlow, formToken: string) => SafeHtml | null) | undefined;
  year: () => number;
  /** Counts writes served by this app, which may touch a case store the list store's token does not see. */
  writes: () => number;
  /** Memory for rendered pages; 0 renders every request. */
  maxBytes: number;
  flowcharts?: FlowchartCache | undefined;
}

/** The item page for everyone (cached bytes), and for a signed-in user (rendered each time). */
export interface ItemPages {
  shared(id: string): Promise<RenderedPage>;
  signedIn(id: string, formToken: string): Promise<string>;
}

const HOME: Crumb = { label: '首页', href: '/' };
const encoder = new TextEncoder();

/**
 * The item page, rendered once and then served as stored bytes with an ETag.
 *
 * Everything the page shows is fixed by the item's id (a changed list is a new version with
 * new item ids) except three things: the item's findings (an audit replaces a version's),
 * the process definition the case store holds for it, and the footer's year. A cached page
 * keeps those inputs, and is served as long as they are the same. Reading them costs two
 * queries, so they are read again only when the store's change token (any commit to the
 * database, from any process) or this app's count of writes has moved since the page was
 * last found current; a store without a token (PostgreSQL) reads them on every request.
 */
export function itemPages(options: ItemPagesOptions): ItemPages {
  const { store, processes } = options;
  const cache = new ByteLru<string, CachedPage>(
    options.maxBytes,
    (page) => page.bodies.identity.byteLength + page.bodies.br.byteLength + page.bodies.gzip.byteLength + 2 * page.inputs.length + 256,
  );

  function currentToken(year: number): string | null {
    const token = store.changeToken();
    return token === null ? null : `${token}/${options.writes()}/${year}`;
  }

  /** The page's HTML: for everyone, or for a signed-in user (their header, the 立案 form). */
  async function html(id: string, findings: Awaited<ReturnType<StorePort['getFindings']>>, stored: StoredRef | null, year: number, formToken?: string): Promise<string> {
    const detail = await store.getItem(id);
    if (!detail) throw notFound(`没有编号为“${id}”的事项`);
    const listTitle = listName({ title: detail.listTitle, department: detail.department, sourceFile: detail.sourceFile });
    const crumbs = [HOME, { label: listTitle, href: `/lists/${encodeURIComponent(detail.listId)}` }, { label: detail.item.name.text || '事项' }];
    const flow = await itemFlow(detail, stored, options.flowcharts);
    const title = detail.item.name.text || '事项';
    if (formToken === undefined) return options.shell(title, itemBody(detail, findings, flow), crumbs, year);
    const actions = options.openCase?.(detail, flow, formToken) ?? undefined;
    return options.shell(title, itemBody(detail, findings, flow, actions), crumbs, year, { formToken });
  }

  async function render(id: string, findings: Awaited<ReturnType<StorePort['getFindings']>>, stored: StoredRef | null, year: number): Promise<RenderedPage> {
    const identity = encoder.encode(await html(id, findings, stored, year));
    const hash = createHash('sha1').update(identity).digest('hex');
    const bodies = { identity, ...(await precompress(identity)) };
    return { bodies, etags: { identity: `"${hash}"`, br: `"${hash}-br"`, gzip: `"${hash}-gzip"` } };
  }

  async function shared(id: string): Promise<RenderedPage> {
    const year = options.year();
    // Taken before anything is read: a commit during this request moves it past the entry.
    const token = currentToken(year);
    const cached = cache.get(id);
    if (cached && token !== null && cached.token === token) return cached;

    const [findings, stored] = await Promise.all([store.getFindings({ itemId: id }), processes ? processes.processForItem(id) : null]);
    const inputs = JSON.stringify([findings, stored && [stored.id, stored.version], year]);
    if (cached && cached.inputs === inputs) {
      cached.token = token;
      return cached;
    }
    const page = await render(id, findings, stored, year);
    if (options.maxBytes > 0) cache.set(id, { ...page, inputs, token });
    return page;
  }

  return {
    shared,
    // Rendered for each request, and neither cached nor compressed: it carries the user's form token.
    async signedIn(id, formToken) {
      const [findings, stored] = await Promise.all([store.getFindings({ itemId: id }), processes ? processes.processForItem(id) : null]);
      return html(id, findings, stored, options.year(), formToken);
    },
  };
}
