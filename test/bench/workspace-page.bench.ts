import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { launchBrowser } from '../browser/browser';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { quantile, reportFigure } from './bench-figures';

/**
 * The workspace's page weight and first render on this machine, in Chromium: the office overview
 * (/workspace/overview, its numbers from the API) against the API's own Swagger page (/docs)
 * loaded from the same server in the same run — the baseline is a page this server already
 * ships. Each load in a fresh context (cold cache), interleaved.
 */
const SECRET = 'bench-workspace-secret';
const SAMPLES = Number(process.env.DUBAN_BENCH_WORKSPACE_SAMPLES ?? 7);
const office: Actor = { id: 'bench-office', name: '安委办', role: 'office' };

interface Load {
  bytes: number;
  firstContentfulPaintMs: number;
  loadedMs: number;
}

let api: ApiHarness;
let browser: Browser;
beforeAll(async () => {
  api = await startApiHarness(SECRET);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function load(url: string, ready: (page: Page) => Promise<unknown>, token?: string): Promise<Load> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  // Logged in as the login page leaves it: the token and the actor in sessionStorage (runs in the page).
  if (token)
    await context.addInitScript({
      content: `sessionStorage.setItem('duban.accessToken', ${JSON.stringify(token)}); sessionStorage.setItem('duban.actor', ${JSON.stringify(JSON.stringify(office))});`,
    });
  const page = await context.newPage();
  let bytes = 0;
  page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    bytes += body.length;
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'networkidle' });
  await ready(page);
  const loadedMs = Date.now() - started;
  const firstContentfulPaintMs = await page.evaluate<number>("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN");
  await context.close();
  return { bytes, firstContentfulPaintMs, loadedMs };
}

describe('workspace page weight and first render', () => {
  it('measures the office overview against /docs from the same server', async () => {
    const token = signAccessToken(office, SECRET);
    const workspace: Load[] = [];
    const docs: Load[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      workspace.push(await load(`${api.baseUrl}/workspace/overview`, (page) => page.getByTestId('overdue').waitFor(), token));
      docs.push(await load(`${api.baseUrl}/docs`, (page) => page.locator('.swagger-ui .info').waitFor()));
    }
    const median = (loads: Load[], key: keyof Load) =>
      quantile(
        loads.map((l) => l[key]),
        0.5,
      );
    for (const [figure, key, unit] of [
      ['page weight (bytes received)', 'bytes', 'kB'],
      ['first contentful paint', 'firstContentfulPaintMs', 'ms'],
      ['loaded with its data', 'loadedMs', 'ms'],
    ] as const) {
      const scale = key === 'bytes' ? 1 / 1024 : 1;
      const product = median(workspace, key) * scale;
      const baseline = median(docs, key) * scale;
      reportFigure({ bench: 'workspace', figure: `overview vs /docs, ${figure}`, unit, product, baseline, ratio: product / baseline });
    }
    expect(workspace.every((l) => l.bytes > 0)).toBe(true);
  });
});
