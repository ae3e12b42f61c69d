import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SHOTS, skipChromium, watchedPage } from './chromium.js';
import { type ServedSite, servedSite } from './site.js';

// Browser globals used inside page functions; the project compiles without the DOM library.
declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };

const TOKEN = 'browser-test-token';

// In CI a missing Chromium must fail the run, so the suite only skips outside CI.
describe.skipIf(skipChromium)('the item flowchart, findings and supervision in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let site: ServedSite;
  let server: ServedSite['server'];
  let baomiList: string;
  let baomiItem: string;

  beforeAll(async () => {
    site = await servedSite({ adminToken: TOKEN });
    server = site.server;
    baomiList = site.imported.get('baomi')?.outcome.listId as string;
    baomiItem = (await site.store.listItems({ listId: baomiList, pageSize: 1 })).items[0]?.id as string;
    // A case on the item, so supervision has something to show.
    await site.openCase({ itemId: baomiItem, on: '2025-04-01' });
    browser = await launchChromium();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows an item of the 001 sample with its flowchart and findings; a box leads to its duty', async () => {
    const { page, errors } = await watchedPage(context);
    await page.goto(`${server.url}/lists/${baomiList}`);
    await page.locator('table a').first().click();
    await page.waitForURL(/\/items\/\d+$/);
    const chart = page.locator('div.flowchart svg');
    await expect.poll(() => chart.isVisible()).toBe(true);
    const boxes = chart.locator('g.step');
    expect(await boxes.count()).toBeGreaterThan(2);
    expect(await chart.locator('title#flow-title').textContent()).toBe(await page.locator('h1').textContent());
    const findings = page.locator('li.finding');
    expect(await findings.count()).toBeGreaterThan(0);
    expect(await findings.first().locator('.rule code').textContent()).toMatch(/^[a-z/-]+$/);
    await page.screenshot({ path: join(SHOTS, 'workflow-item-flowchart.png'), fullPage: true });

    await boxes.first().locator('a').click();
    await page.waitForURL(/#step-1$/);
    expect(await page.locator('li#step-1 h3').textContent()).toContain('受理');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen with the flowchart: it scrolls inside its frame, not the page', async () => {
    const { page, errors } = await watchedPage(context);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.url}/items/${baomiItem}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.locator('div.flowchart').screenshot({ path: join(SHOTS, 'workflow-item-flowchart-phone.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the report of the 001 list and the supervision dashboard from the header', async () => {
    const { page, errors } = await watchedPage(context);
    await page.goto(`${server.url}/lists/${baomiList}`);
    await page.getByRole('link', { name: '核查报告' }).click();
    await page.waitForURL(/\/report$/);
    expect(await page.locator('section.report-item').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'workflow-list-report.png'), fullPage: true });

    await page.getByRole('link', { name: '督办' }).click();
    await page.waitForURL(/\/supervision$/);
    await expect.poll(() => page.title()).toBe('案件监督 · quanze 权责清单');
    expect(await page.locator('main').textContent()).toContain('按期办结率');
    await page.screenshot({ path: join(SHOTS, 'workflow-supervision.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
