import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { loadAuditReplayBundle, replayCapturingProjections, verifyBundleZip } from '@duban/audit';
import { auditor, DAY_MS, inspector } from '../support/hazard-fixtures';
import { screenshot } from './browser';
import { startWorkspaceSession, type WorkspaceSession } from './workspace-session';

/**
 * 审计导出 in Debian's Chromium against the whole product (API, worker, Temporal, PostgreSQL): an
 * auditor opens the screen from the menu and from a hazard's page, downloads the hazard's bundle,
 * and the file verifies offline with libs/audit (the office's signature, the replay, the ledger)
 * under the root digest the page shows. The auditor's browser runs in New York time: the
 * workspace still reads a typed time as 北京时间.
 */
const SECRET = 'browser-bundle-secret';
const office = generateKeyPairSync('ed25519');
const unitA: Actor = { id: 'bundle-browser-unit', name: 'A建设公司 王经理', role: 'unit', unitId: 'unit-bundle-browser' };
const scratch = mkdtempSync(path.join(tmpdir(), 'duban-browser-bundle-'));

let workspace: WorkspaceSession;
let hazardId: string;

beforeAll(async () => {
  workspace = await startWorkspaceSession(SECRET, { auditSigningKeyPem: office.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  const created = await workspace.api.call(inspector, 'POST', '/hazards', {
    title: '塔吊限位器失灵',
    description: '1号塔吊起升高度限位器失灵',
    location: '城南安置房项目1号塔吊',
    industry: '建筑施工',
    unitId: unitA.unitId,
    grade: 'general',
    source: 'inspection',
    finder: '张工',
    deadline: new Date(Date.now() + 30 * DAY_MS).toISOString(),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  hazardId = created.body.hazardId;
}, 600_000);

afterAll(async () => {
  await workspace?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('审计导出 in a real browser (Chromium, the whole product behind it)', () => {
  it('an auditor exports a hazard’s bundle from its page; the download verifies under the root digest the page shows', async () => {
    const page = await workspace.logInWithToken(auditor, { timezoneId: 'America/New_York' });
    // The menu offers the screen; the hazard's own page fills it in.
    await page.getByRole('navigation').getByText('审计导出 Audit bundle').click();
    await page.getByRole('heading', { name: '审计导出 Audit bundle' }).waitFor();
    await page.goto(`${workspace.api.baseUrl}/workspace/hazards/${hazardId}`);
    await page.getByRole('button', { name: '导出审计包 Export audit bundle' }).click();
    await expect.poll(() => page.getByLabel('编号 Id').inputValue()).toBe(hazardId);
    expect(await page.getByRole('radio', { name: '隐患 Hazard' }).isChecked()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出审计包 Export bundle' }).click()]);
    expect(download.suggestedFilename()).toBe(`审计导出包-隐患-${hazardId}.zip`);
    const file = path.join(scratch, download.suggestedFilename());
    await download.saveAs(file);
    const verified = await verifyBundleZip(file, {
      trustedPublicKey: office.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      replay: async (runs) => replayCapturingProjections(await loadAuditReplayBundle(), runs),
    });
    expect(verified).toMatchObject({ ok: true, signed: true, problems: [], histories: 1, eventsChecked: 1 });
    await expect.poll(() => page.getByTestId('bundle-root-digest').textContent()).toBe(verified.rootDigest);
    expect(await page.getByTestId('bundle-exported').textContent()).toContain('已签名 signed');
    await screenshot(page, 'auditor-bundle-exported');
  });

  it('a unit account is not offered the screen, and is refused the bundle with the reason shown', async () => {
    const page = await workspace.logInWithToken(unitA);
    expect(await page.getByRole('navigation').textContent()).not.toContain('审计导出');
    await page.goto(`${workspace.api.baseUrl}/workspace/hazards/${hazardId}`);
    await page.getByText('塔吊限位器失灵').first().waitFor();
    expect(await page.getByRole('button', { name: '导出审计包 Export audit bundle' }).count()).toBe(0);
    await page.goto(`${workspace.api.baseUrl}/workspace/bundles?kind=hazard&id=${hazardId}`);
    await page.getByRole('button', { name: '导出审计包 Export bundle' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('403');
    await screenshot(page, 'unit-bundle-refused');
  });

  it('reads a time typed in a browser abroad as 北京时间: 09:00 is sent as 01:00Z', async () => {
    const page = await workspace.logInWithToken(auditor, { timezoneId: 'America/New_York' });
    await page.goto(`${workspace.api.baseUrl}/workspace/audit`);
    await page.getByLabel('编号 Id').fill(hazardId);
    await page.getByLabel('某一时刻 As of').fill('2026-12-03T09:00:00');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().includes(`/hazards/${hazardId}?`)),
      page.getByRole('button', { name: '查看 Show' }).click(),
    ]);
    expect(new URL(request.url()).searchParams.get('asOf')).toBe('2026-12-03T01:00:00.000Z');
  });
});
