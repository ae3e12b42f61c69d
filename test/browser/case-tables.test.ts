import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SHOTS, skipChromium, watchedPage } from './chromium.js';
import { type ServedSite, servedSite } from './site.js';

// Browser globals used inside page functions; the project compiles without the DOM library.
interface Cell {
  getBoundingClientRect(): { width: number };
  textContent: string | null;
}
declare const document: {
  documentElement: { scrollWidth: number };
  createRange(): { selectNodeContents(node: Cell): void; getClientRects(): Iterable<{ top: number }> };
};
declare const window: { innerWidth: number };
declare function getComputedStyle(element: Cell, pseudo?: string): { content: string };

const TOKEN = 'browser-test-token';
const PHONE = { width: 375, height: 812 };
const DESK = { width: 1280, height: 800 };

/** How many lines a cell's text takes: the boxes of its text (and of a link around it) stand at that many heights. */
const linesOf = (cell: Cell) => {
  const range = document.createRange();
  range.selectNodeContents(cell);
  return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
};

// In CI a missing Chromium must fail the run, so the suite only skips outside CI.
describe.skipIf(skipChromium)('the case tables in Chromium, without JavaScript', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let site: ServedSite;
  const caseIds: string[] = [];

  beforeAll(async () => {
    // Late in 2026, so a 90-day deadline runs into 2027, whose holidays are not published yet: the case page says the date is provisional.
    site = await servedSite({ adminToken: TOKEN, today: '2026-11-20' });
    // Cases of the 001 and 004 lists: 004's department has the longest name, an option of the /cases filter.
    for (const [sample, on, party] of [['baomi', '2026-10-09', '北京某某科技有限公司'], ['liangzhou', '2026-11-20', '张三']] as const) {
      const listId = site.imported.get(sample)?.outcome.listId as string;
      const itemId = (await site.store.listItems({ listId, pageSize: 1 })).items[0]?.id as string;
      caseIds.push(await site.openCase({ itemId, on, party: { name: party, kind: 'organisation' } }));
    }
    browser = await launchChromium({ javaScriptEnabled: false });
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await watchedPage(context);
    await page.setViewportSize(viewport);
    await page.goto(`${site.server.url}${path}`);
    return { page, errors };
  }

  it('on a phone, show each case as a card of named fields, as wide as the screen, and the page (with its notes) does not scroll sideways', async () => {
    for (const path of ['/cases', '/supervision', ...caseIds.map((id) => `/cases/${id}`)]) {
      const { page, errors } = await open(path, PHONE);
      if (path === `/cases/${caseIds[1]}`) expect(await page.locator('main').textContent()).toContain('结果为暂定');
      // The /cases filter's department list holds 004's long name; it must not widen the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
      const cells = page.locator('main table tbody td');
      expect(await cells.count(), path).toBeGreaterThan(4);
      // Squeezed into eight columns, a cell was about 20 pixels: one character a line.
      const widths = await cells.evaluateAll((all: Cell[]) => all.filter((c) => (c.textContent ?? '').trim() !== '').map((c) => c.getBoundingClientRect().width));
      expect(Math.min(...widths), path).toBeGreaterThan(PHONE.width * 0.8);
      // Each value says which column it is.
      expect(await cells.first().evaluate((c: Cell) => getComputedStyle(c, '::before').content), path).toMatch(/^"(案件编号|部门|案件|环节)："$/);
      await page.screenshot({ path: join(SHOTS, `case-tables-phone${path.replaceAll('/', '-')}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('on a desk, keep case numbers and dates on one line', async () => {
    const { page, errors } = await open('/cases', DESK);
    const rows = page.locator('main table tbody tr');
    expect(await rows.count()).toBe(caseIds.length);
    for (let i = 0; i < caseIds.length; i++) {
      const row = rows.nth(i);
      expect(await row.locator('td').first().textContent()).toMatch(/^\d{4}-\d{5}$/);
      expect(await row.locator('td').first().evaluate(linesOf)).toBe(1);
      // 立案日期
      expect(await row.locator('td').nth(6).textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await row.locator('td').nth(6).evaluate(linesOf)).toBe(1);
    }
    await page.screenshot({ path: join(SHOTS, 'case-tables-desk-cases.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
