import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import { createApp, type RunningServer, serveApp } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { type CaseStore, fixedClock, openCaseStore } from '../../src/workflow/index.js';
import { storeWith } from '../http/helpers.js';
import { samplePath } from '../helpers/samples.js';
import { testCalendar } from '../workflow/helpers.js';
import { launchChromium, SHOTS, skipChromium, watchedPage } from './chromium.js';

const TOKEN = 'browser-counter-token';

describe.skipIf(skipChromium)('handling a case in the portal with Chromium, no script', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let server: RunningServer;
  let store: Store;
  let cases: CaseStore;
  let item: string;

  beforeAll(async () => {
    ({ store } = await storeWith([await importFile(samplePath('baomi'))]));
    const clock = fixedClock('2025-06-03');
    cases = await openCaseStore(':memory:', { calendar: await testCalendar(), clock });
    item = (await store.listItems({ pageSize: 1 })).items[0]?.id as string;
    server = await serveApp({ app: createApp({ store, cases, clock, adminToken: TOKEN }), port: 0, hostname: '127.0.0.1' });
    // JavaScript off: the forms must work as plain HTML.
    browser = await launchChromium({ javaScriptEnabled: false });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await cases?.disconnect();
    await store?.close();
  });

  it('signs in, opens a case from the item page and completes its first step', async () => {
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(`${server.url}/items/${item}`);
    await page.getByRole('link', { name: '登录' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('管理令牌').fill(TOKEN);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/cases$/);
    expect(await page.locator('header.site').textContent()).toContain('已登录');

    await page.goto(`${server.url}/items/${item}`);
    expect(await page.getByLabel('受理日期').inputValue()).toBe('2025-06-03');
    await page.getByLabel('申请人姓名或名称').fill('张三丰');
    await page.getByLabel('联系方式').fill('13800138000');
    await page.getByRole('button', { name: '立案', exact: true }).click();
    await page.waitForURL(/\/cases\/2025-\d{5}\?done=open$/);
    expect(await page.locator('p.notice').textContent()).toBe('已立案。');
    expect(await page.locator('dl.facts').textContent()).toContain('受理');
    // Signed in, the applicant in full; anyone else sees the masked name only.
    expect(await page.locator('dl.facts dt:has-text("申请人") + dd').textContent()).toBe('张三丰 （自然人）联系方式：13800138000');
    const publicPage = await (await fetch(page.url())).text();
    expect(publicPage).toContain('<dt>申请人</dt><dd>张** <span class="muted">（自然人）</span></dd>');
    expect(publicPage).not.toContain('13800138000');

    await page.getByRole('button', { name: '办结本环节' }).click();
    await page.waitForURL(/\?done=advance$/);
    expect(await page.locator('p.notice').textContent()).toBe('已办结当前环节。');
    const current = page.locator('dl.facts dt:has-text("当前环节") + dd');
    expect(await current.textContent()).toBe('审查');
    await page.screenshot({ path: join(SHOTS, 'case-forms-advanced.png'), fullPage: true });

    const id = /\/cases\/(2025-\d{5})/.exec(page.url())?.[1] as string;
    expect((await cases.getCase(id))?.state.steps.map((s) => s.status).slice(0, 2)).toEqual(['done', 'active']);

    // A document with its file, posted as multipart by the plain form.
    await page.getByLabel('文书名称').fill('审查意见');
    await page.getByLabel('文件（选填）').setInputFiles(samplePath('baomi'));
    await page.getByRole('button', { name: '登记文书' }).click();
    await page.waitForURL(/\?done=documents$/);
    expect(await page.locator('p.notice').textContent()).toBe('已登记文书。');
    const bytes = readFileSync(samplePath('baomi'));
    expect((await cases.getCase(id))?.state.documents).toMatchObject([
      { name: '审查意见', fileName: basename(samplePath('baomi')), bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    ]);
    expect((await cases.verify()).ok).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
