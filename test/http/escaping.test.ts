import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import type { PowerItem, PowerList } from '../../src/model/index.js';
import { ItemWithFindings } from '../../src/server/api/responses.js';
import { createApp } from '../../src/server/index.js';
import { escapeXml } from '../../src/export/svg/index.js';
import { escapeHtml } from '../../src/html/index.js';
import { samplePath } from '../helpers/samples.js';
import { hostileApp, PAYLOADS, storeWith } from './helpers.js';

/** Every tag a page may contain; anything else came from data that escaped escaping. */
const OUR_TAGS = new Set(
  'html head meta title link body a header form label input button main nav span h1 h2 h3 h4 p dl dt dd ul ol li div blockquote section article details summary table thead tbody tr th td pre code footer select option mark strong'.split(' '),
);
/** The elements of the item page's flowchart (src/export/svg), which are ours too. */
for (const tag of 'svg defs marker path g rect text tspan circle polygon'.split(' ')) OUR_TAGS.add(tag);

const FLOWCHART = /<div class="flowchart">([\s\S]*?<\/svg>)<\/div>/;

/** The item page without its flowchart, and the flowchart alone. */
function splitFlowchart(page: string): [string, string] {
  const m = FLOWCHART.exec(page);
  expect(m, 'the page has a flowchart').not.toBeNull();
  return [page.replace(FLOWCHART, '<div class="flowchart"></div>'), m?.[1] as string];
}

function foreignTags(page: string): string[] {
  return [...page.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => (m[1] as string).toLowerCase()).filter((tag) => !OUR_TAGS.has(tag));
}

describe('imported markup and script render as text', () => {
  it('escapes what a hostile list plants in its cells and title, on every page', async () => {
    const { app, list, outcome } = await hostileApp();
    const items = (await (await app.request(`/api/lists/${outcome.listId}/items`)).json()) as { items: { id: string }[] };
    const first = items.items[0]?.id as string;
    const pages = ['/', `/lists/${outcome.listId}`, `/lists/${outcome.listId}/report`, `/items/${first}`, `/search?q=${encodeURIComponent('网络监管组')}`];
    for (const path of pages) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(foreignTags(html), path).toEqual([]);
      expect(html, path).not.toMatch(/<script|<img|onerror=alert\([^)]*\)>/i);
    }
    const item = await (await app.request(`/items/${first}`)).text();
    expect(item).toContain(escapeHtml(PAYLOADS.name));
    expect(item).toContain(escapeHtml(PAYLOADS.unclosed));
    expect(item).toContain(escapeHtml(PAYLOADS.office));
    const [, svg] = splitFlowchart(item);
    // The reader keeps the name's text without its closed tags; what is left is still markup-like.
    expect(svg).toContain(`${escapeXml(PAYLOADS.unclosed)}</title>`);
    expect(svg).not.toMatch(/<script|<img|onerror=alert\([^)]*\)>/i);
    const exported = await (await app.request(`/items/${first}/process.svg`)).text();
    expect(exported).toContain(escapeXml(PAYLOADS.unclosed));
    expect(foreignTags(exported)).toEqual([]);
    for (const cell of (list.items[0] as PowerItem).provenance.cells) expect(item).toContain(`<pre class="raw">${escapeHtml(cell.raw)}</pre>`);
    expect(await (await app.request('/')).text()).toContain(escapeHtml(PAYLOADS.title));
  });

  it('keeps the data itself unchanged in the API', async () => {
    const { app, list, outcome } = await hostileApp();
    const items = (await (await app.request(`/api/lists/${outcome.listId}/items`)).json()) as { items: { id: string }[] };
    const detail = ItemWithFindings.parse(await (await app.request(`/api/items/${items.items[0]?.id}`)).json());
    expect(detail.item).toEqual(list.items[0]);
    expect(detail.item.name.raw.startsWith(PAYLOADS.name)).toBe(true);
  });

  it('escapes what a visitor types into the search box', async () => {
    const { app } = await hostileApp();
    const q = `"><script>alert('q')</script>`;
    const html = await (await app.request(`/search?q=${encodeURIComponent(q)}&agency=${encodeURIComponent('<img src=x onerror=alert(1)>')}`)).text();
    expect(foreignTags(html)).toEqual([]);
    expect(html).toContain(`value="${escapeHtml(q)}"`);
  });

  it('renders any item name as exactly its escaped text', async () => {
    const base = await importFile(samplePath('liangzhou'));
    const MARK = 'QZMARKQZ';
    const withName = (name: string): PowerList => {
      const items = base.items.map((item, i) => (i === 0 ? { ...item, name: { text: name, raw: name, flags: [] } } : item));
      return { ...base, items };
    };
    const render = async (name: string) => {
      const { store, outcomes } = await storeWith([withName(name)]);
      const app = createApp({ store, now: () => new Date('2025-01-01T00:00:00Z') });
      const ids = (await (await app.request(`/api/lists/${outcomes[0]?.listId}/items?pageSize=1`)).json()) as { items: { id: string }[] };
      const html = await (await app.request(`/items/${ids.items[0]?.id}`)).text();
      await store.close();
      return html;
    };
    const [template, templateSvg] = splitFlowchart(await render(MARK));
    expect(templateSvg).toContain(`<title id="flow-title">${MARK}`);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom(...Object.values(PAYLOADS), '</textarea><svg onload=alert(1)>', '&amp;&lt;', '`backtick` "quoted"', "$' $& $` $$")),
        async (name) => {
          fc.pre(name.trim() !== '' && !name.includes(MARK));
          const [page, svg] = splitFlowchart(await render(name));
          // A function, so a name holding "$&" or "$'" is not read as a replacement pattern.
          expect(page).toBe(template.replaceAll(MARK, () => escapeHtml(name)));
          // The flowchart names the process after the item, escaped by the SVG writer itself.
          expect(svg).toBe(templateSvg.replaceAll(MARK, () => escapeXml(name)));
          expect(foreignTags(svg)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
