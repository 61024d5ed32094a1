import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { Actor } from '@duban/domain';
import type { ApiConfig } from '../../apps/api/src/api-app';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { launchBrowser } from './browser';

/**
 * What every browser test starts with: the whole product (API, worker, Temporal, PostgreSQL)
 * serving the workspace, Chromium, and the ways in (a fresh page, a demo-token login).
 */
export interface WorkspaceSession {
  api: ApiHarness;
  browser: Browser;
  /** A page in its own browser context (its own session storage), in Chinese, at a laptop's size; `options` add to that (a `timezoneId`). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Logs in on the login page with a demo token (what `npm start` prints), as people without an account yet do. */
  logInWithToken(actor: Actor, options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function startWorkspaceSession(secret: string, config: Partial<ApiConfig> = {}): Promise<WorkspaceSession> {
  // The browser first: it builds the workspace when a checkout has none, and the API looks for that build as it starts.
  const browser = await launchBrowser();
  const api = await startApiHarness(secret, config).catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  const newPage = async (options: BrowserContextOptions = {}) =>
    (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 }, ...options })).newPage();
  return {
    api,
    browser,
    newPage,
    async logInWithToken(actor, options) {
      const page = await newPage(options);
      await page.goto(`${api.baseUrl}/workspace/login`);
      await page.getByText('演示令牌').click();
      await page.getByLabel('访问令牌 Access token').fill(signAccessToken(actor, secret));
      await page.getByRole('button', { name: '登录 Log in' }).click();
      await page.getByTestId('who').waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await api.close();
    },
  };
}

/**
 * A `datetime-local` input's value for `at` in China Standard Time (UTC+8, no daylight saving):
 * the workspace reads what is typed there as 北京时间, whatever the browser's zone.
 */
export const chinaDateTime = (at: Date, seconds = false) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, seconds ? 19 : 16);

/** Picks `option` in the Element Plus select labelled `label` (not a native select: click, then the option). */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  // The wrapper takes the click: its placeholder lies over the input.
  await page.locator('.el-select', { has: page.getByRole('combobox', { name: label }) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
