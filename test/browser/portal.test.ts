import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, serveApp } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import type { SampleName } from '../helpers/samples.js';
import { hostileApp, PAYLOADS, sampleApp } from '../http/helpers.js';
import { launchChromium, SHOTS, skipChromium, watchedPage } from './chromium.js';

// Browser globals used inside page functions; the project compiles without the DOM library.
declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

async function firstItem(base: string, listId: string): Promise<string> {
  const page = (await (await fetch(`${base}/api/lists/${listId}/items?pageSize=1`)).json()) as { items: { id: string }[] };
  return page.items[0]?.id as string;
}

// In CI a missing Chromium must fail the run, so the suite only skips outside CI.
describe.skipIf(skipChromium)('the portal in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  const servers: RunningServer[] = [];
  const stores: Store[] = [];
  let samples: RunningServer;
  let hostile: RunningServer;
  let listOf: (name: SampleName) => string;

  beforeAll(async () => {
    const loaded = await sampleApp();
    listOf = (name) => loaded.imported.get(name)?.outcome.listId as string;
    const planted = await hostileApp();
    stores.push(loaded.store, planted.store);
    samples = await serveApp({ app: loaded.app, port: 0, hostname: '127.0.0.1' });
    hostile = await serveApp({ app: planted.app, port: 0, hostname: '127.0.0.1' });
    servers.push(samples, hostile);
    browser = await launchChromium();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
    for (const store of stores) await store.close();
  });

  it('opens the home page, searches a term from the samples, opens an item and sees its duties', async () => {
    const { page, dialogs, errors } = await watchedPage(context);
    await page.goto(samples.url);
    await expect.poll(() => page.title()).toBe('首页 · quanze 权责清单');
    expect(await page.locator('ul.cards > li').count()).toBe(5);
    // The stylesheet applied under the CSP: the header is coloured.
    expect(await page.locator('header.site').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(179, 38, 30)');
    await page.screenshot({ path: join(SHOTS, 'portal-home.png'), fullPage: true });

    await page.getByRole('searchbox', { name: '搜索权力事项' }).fill('网络安全');
    await page.getByRole('searchbox', { name: '搜索权力事项' }).press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const marks = page.locator('ol.hits mark');
    expect(await marks.count()).toBeGreaterThan(0);
    expect(await marks.first().textContent()).toBe('网络安全');
    await page.screenshot({ path: join(SHOTS, 'portal-search.png'), fullPage: true });

    await page.getByRole('link', { name: '对不履行法定网络安全保护义务的处罚' }).click();
    await page.waitForURL(/\/items\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe('对不履行法定网络安全保护义务的处罚');
    const steps = page.locator('ol.steps > li');
    expect(await steps.count()).toBe(7);
    expect(await steps.first().locator('h3').textContent()).toContain('立案责任');
    expect(await steps.first().locator('.step-no').textContent()).toBe('1');
    expect(await page.locator('.step-basis').count()).toBe(7);
    await page.getByText(/原始单元格/).click();
    expect(await page.locator('#source + p + details').getAttribute('open')).toBe('');
    await page.screenshot({ path: join(SHOTS, 'portal-item.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 375, height: 812 });
    const mima = `/lists/${listOf('mima')}`;
    const flow = `/lists/${listOf('flowchart')}/processes/1`;
    for (const path of ['/', mima, flow, `/items/${await firstItem(samples.url, listOf('liangzhou'))}`, '/search?q=%E5%AF%86%E7%A0%81']) {
      await phone.goto(`${samples.url}${path}`);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await phone.goto(`${samples.url}${flow}`);
    expect(await phone.locator('ol.flow > li').count()).toBeGreaterThan(3);
    await phone.screenshot({ path: join(SHOTS, 'portal-process-phone.png'), fullPage: true });
    await phone.goto(`${samples.url}${mima}`);
    await phone.screenshot({ path: join(SHOTS, 'portal-list-phone.png'), fullPage: true });
    await phone.close();
  });

  it('shows planted <script> and <img onerror> as text, and no dialog fires', async () => {
    const { page, dialogs } = await watchedPage(context);
    await page.goto(hostile.url);
    expect(await page.locator('body').textContent()).toContain(PAYLOADS.title);
    await page.locator('ul.cards a').first().click();
    await page.locator('table a').first().click();
    await page.waitForURL(/\/items\/\d+$/);
    expect(await page.locator('h1').textContent()).toContain(PAYLOADS.unclosed);
    await page.getByText(/原始单元格/).click();
    const raw = await page.locator('pre.raw').allInnerTexts();
    expect(raw.some((text) => text.includes(PAYLOADS.name))).toBe(true);
    expect(raw.some((text) => text.includes(PAYLOADS.office))).toBe(true);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'portal-hostile-item.png'), fullPage: true });
    await page.goto(`${hostile.url}/search?q=${encodeURIComponent(`<img src=x onerror=alert('q')>`)}`);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
