import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** What the browser suites run: the distribution's Chromium (apt-get install chromium). */
export const CHROMIUM = '/usr/bin/chromium';
/** Where the suites save their screenshots. */
export const SHOTS = join(process.cwd(), 'test-results');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Whether a browser suite skips: only when Chromium is missing outside CI, where a missing
 * browser must fail the run instead. Says so in one line either way.
 */
export const skipChromium: boolean = (() => {
  if (existsSync(CHROMIUM)) return false;
  const inCi = process.env.CI === 'true';
  console.warn(`浏览器测试${inCi ? '无法运行（CI 中必须有 Chromium）' : '已跳过'}：找不到 ${CHROMIUM}，可用 apt-get install -y chromium 安装`);
  return !inCi;
})();

/** A headless Chromium with a throwaway profile; `close` ends it and removes the profile. */
export async function launchChromium(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  mkdirSync(SHOTS, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), 'quanze-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1100, height: 900 },
    locale: 'zh-CN',
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A page that records what a script could do: dialogs, console errors (a CSP refusal is one), uncaught exceptions. */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, dialogs, errors };
}
