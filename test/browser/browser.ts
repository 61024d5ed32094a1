import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
/** Where every browser test writes its screenshots (one PNG per page visited): look at them. */
export const SCREENSHOT_DIR = path.join(ROOT, 'dist/screenshots');

/**
 * Debian's Chromium and a CJK font (without one every Chinese character is an empty box). Installed
 * here when missing, as root (about 35 s); otherwise the error says what to run.
 */
function ensureChromium(): void {
  if (existsSync(CHROMIUM) && existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `${CHROMIUM} or the CJK font is missing: run \`sudo apt-get install -y chromium fonts-wqy-microhei\` (the tests install them only as root)`,
    );
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** The workspace the API serves from dist/apps/web: built here when a checkout has none yet. */
function ensureWorkspaceBuilt(): void {
  if (existsSync(path.join(ROOT, 'dist/apps/web/index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

export async function launchBrowser(): Promise<Browser> {
  ensureChromium();
  ensureWorkspaceBuilt();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** A full-page screenshot named for what it shows, e.g. `office-overview`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
