import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/law/index.js';
import { createApp, type RunningServer, serveApp } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { sampleApp } from '../http/helpers.js';
import { launchChromium, SHOTS, skipChromium, watchedPage } from './chromium.js';

// Browser globals used inside page functions; the project compiles without the DOM library.
declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };

// In CI a missing Chromium must fail the run, so the suite only skips outside CI.
describe.skipIf(skipChromium)('the compare page in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let server: RunningServer;
  let store: Store;

  beforeAll(async () => {
    ({ store } = await sampleApp());
    server = await serveApp({ app: createApp({ store, laws: await loadRegistry() }), port: 0, hostname: '127.0.0.1' });
    browser = await launchChromium();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('ticks 自治区国家保密局 and 柳州市国家保密局, submits, and sees 对保密工作的监督检查 paired on both sides', async () => {
    const { page, errors } = await watchedPage(context);
    await page.goto(server.url);
    await page.getByRole('link', { name: '清单比对' }).first().click();
    await page.waitForURL(/\/compare$/);
    expect(await page.getByRole('checkbox').count()).toBe(5);
    await page.getByRole('checkbox', { name: /自治区国家保密局/ }).check();
    await page.getByRole('checkbox', { name: /柳州市国家保密局/ }).check();
    await page.getByRole('button', { name: '比对' }).click();
    await page.waitForURL(/\/compare\?lists=\d+&lists=\d+$/);
    expect(await page.locator('h3').first().textContent()).toBe('自治区国家保密局 ↔ 柳州市国家保密局');
    const row = page.locator('table.pairs tbody tr', { hasText: '对保密工作的监督检查' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(0).locator('a').textContent()).toBe('对保密工作的监督检查');
    expect(await row.locator('td').nth(1).locator('a').textContent()).toBe('对保密工作的监督检查');
    expect(await row.locator('td').nth(2).textContent()).toContain('%');
    expect(await row.locator('ul.reasons li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'compare.png'), fullPage: true });

    // The same page on a phone: no sideways scrolling, the pairs read as cards.
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'compare-phone.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
