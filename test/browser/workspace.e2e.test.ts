import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, CampaignTemplate } from '@duban/domain';
import { TEST_PASSWORD_HASHING } from '../../apps/api/src/auth/testing/start-accounts-app';
import type { ApiHarness } from '../support/api-harness';
import { DAY_MS, inspector } from '../support/hazard-fixtures';
import { screenshot } from './browser';
import { downloadedLedger } from './downloaded-ledger';
import { chinaDateTime, choose, startWorkspaceSession, type WorkspaceSession } from './workspace-session';

/**
 * The workspace (工作台) in Debian's Chromium against the whole product (API, worker, Temporal,
 * PostgreSQL): an office that logs in with its account and launches a campaign from the
 * registry, units that file a daily report and a 零报告, the office seeing the campaign's numbers
 * move, a unit refused another unit's hazard, an auditor reading a trail. Every page visited is
 * screenshotted to dist/screenshots.
 */
const SECRET = 'browser-e2e-secret';
const ACCESS_TOKEN_SECONDS = 4;
const run = randomUUID().slice(0, 6);
const OFFICE_LOGIN = { loginName: 'office.browser', password: 'browser office passphrase' };
const PROVINCE = `bp-${run}`;
const EAST = `east-${run}`;
const WEST = `west-${run}`;
const CONSTRUCTION = `constr-${run}`;
const CHEMICALS = `chem-${run}`;
const unitA = { id: `ua-${run}`, name: '东城建设集团', regionId: EAST, industryId: CONSTRUCTION };
const unitB = { id: `ub-${run}`, name: '东城化工储运', regionId: EAST, industryId: CHEMICALS };
const unitC = { id: `uc-${run}`, name: '西城建筑公司', regionId: WEST, industryId: CONSTRUCTION };
const unitActor = (unit: { id: string; name: string }): Actor => ({
  id: `${unit.id}-officer`,
  name: `${unit.name} 安全员`,
  role: 'unit',
  unitId: unit.id,
});
const seeder: Actor = { id: 'seed-office', name: '省安委办', role: 'office' };
const auditor: Actor = { id: 'auditor-browser', name: '纪委监委 陈', role: 'auditor' };

/** A cut-off two hours ahead in China Standard Time (capped at 23:59), so today's 一日一报 is open while the test runs. */
function cutoffAhead(): string {
  const cst = new Date(Date.now() + 8 * 3600_000);
  const minutes = Math.min(cst.getUTCHours() * 60 + cst.getUTCMinutes() + 120, 23 * 60 + 59);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const TEMPLATE: CampaignTemplate = {
  id: `browser-sweep-${run}`,
  name: '冬季安全生产大检查（浏览器测试）',
  kind: 'custom',
  description: 'One phase of a week with a daily report that allows 零报告.',
  source: 'test fixture',
  phases: [{ id: 'sweep', name: '集中排查', duration: { amount: 7, unit: 'days' }, deliverables: [] }],
  reports: [{ id: 'daily', name: '一日一报', cadence: 'daily', cutoff: cutoffAhead(), phases: ['sweep'], zeroReportAllowed: true }],
  targets: [{ id: 'on-time', name: '按时报送率100%', metric: 'reports_on_time_rate', threshold: 1 }],
  coverage: { regions: true, units: true, industries: true },
  checkItems: [{ id: 'ledger', text: '隐患台账' }],
  activities: [],
  inspectionTiers: [{ id: 'county', name: '县区检查' }],
  escalation: [{ id: 'remind', instrument: 'reminder', afterMissed: 1 }],
};

/** The first bytes of a PNG: what the evidence store reads a file's type from. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

let workspace: WorkspaceSession;
let api: ApiHarness;
const hazards: Record<string, string> = {};
/** A moment before unit A's plan: the auditor's as-of view must show the hazard as it was then. */
let beforePlan: Date;

async function put(path: string, body: object): Promise<void> {
  const res = await api.call(seeder, 'POST', path, { ...body, reason: '浏览器测试登记' });
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
}

beforeAll(async () => {
  workspace = await startWorkspaceSession(SECRET, {
    auth: {
      passwordHashing: TEST_PASSWORD_HASHING,
      bootstrapOffice: { ...OFFICE_LOGIN, regionId: PROVINCE, displayName: '省安委办 李主任' },
      // Access tokens of a few seconds: the office's later pages work only if the page renews its token (POST /auth/refresh).
      session: { accessTokenSeconds: ACCESS_TOKEN_SECONDS },
    },
  });
  api = workspace.api;
  // The registry (单位库) the campaign's roster is drawn from: two counties, two industries, three enterprises.
  await put('/registry/regions', { id: PROVINCE, name: '示范省', level: 'province', parentId: null, code: null });
  await put('/registry/regions', { id: `bc-${run}`, name: '示范市', level: 'city', parentId: PROVINCE, code: null });
  await put('/registry/regions', { id: EAST, name: '东城区', level: 'county', parentId: `bc-${run}`, code: null });
  await put('/registry/regions', { id: WEST, name: '西城区', level: 'county', parentId: `bc-${run}`, code: null });
  await put('/registry/industries', { id: CONSTRUCTION, name: '建筑施工', parentId: null });
  await put('/registry/industries', { id: CHEMICALS, name: '危险化学品', parentId: null });
  for (const unit of [unitA, unitB, unitC])
    await put('/registry/units', { ...unit, kind: 'enterprise', enterpriseKind: 'ordinary', status: 'producing', licensed: true, creditCode: null });
  expect((await api.call(seeder, 'POST', '/campaign-templates', TEMPLATE)).status).toBe(201);
  for (const [key, unit, grade] of [
    ['a', unitA, 'general'],
    ['b', unitB, 'major'],
  ] as const) {
    const created = await api.call(inspector, 'POST', '/hazards', {
      title: key === 'a' ? '脚手架连墙件缺失' : '储罐区可燃气体报警器失效',
      description: '检查发现',
      location: key === 'a' ? '3号楼外架' : '2号储罐区',
      industry: key === 'a' ? '建筑施工' : '危险化学品',
      unitId: unit.id,
      grade,
      source: 'inspection',
      finder: '张工',
      deadline: new Date(Date.now() + 30 * DAY_MS).toISOString(),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    hazards[key] = created.body.hazardId;
  }
}, 600_000);

afterAll(async () => {
  await workspace?.close();
});

const newPage = () => workspace.newPage();
const logInWithToken = (actor: Actor) => workspace.logInWithToken(actor);

describe('the workspace in a real browser (Chromium, the whole product behind it)', () => {
  let office: Page;
  let officeRefreshes = 0;
  let campaignUrl = '';

  it('an office logs in with its account, sees the overview, follows a number to its list and lists a hazard', async () => {
    office = await newPage();
    office.on('request', (request) => {
      if (request.url().endsWith('/auth/refresh')) officeRefreshes++;
    });
    await office.goto(`${api.baseUrl}/workspace/`);
    await office.getByLabel('登录名 Login name').fill(OFFICE_LOGIN.loginName);
    await office.getByLabel('密码 Password').fill('wrong password here');
    await office.getByRole('button', { name: '登录 Log in' }).click();
    await expect.poll(() => office.getByRole('alert').textContent()).toContain('401');
    await screenshot(office, 'login-refused');
    await office.getByLabel('密码 Password').fill(OFFICE_LOGIN.password);
    await office.getByRole('button', { name: '登录 Log in' }).click();
    await expect.poll(() => office.getByTestId('who').textContent()).toContain('省安委办 李主任');
    await expect.poll(() => office.getByTestId('grade-major').textContent()).toContain('1');
    await screenshot(office, 'office-overview');
    // The menu offers the office's pages, and not the unit's.
    await expect.poll(() => office.getByRole('navigation').textContent()).toContain('隐患台账');
    expect(await office.getByRole('navigation').textContent()).not.toContain('今日任务');
    await office.getByTestId('grade-major').click();
    await office.getByText('储罐区可燃气体报警器失效').waitFor();
    expect(await office.getByText('脚手架连墙件缺失').count()).toBe(0);
    await screenshot(office, 'office-hazard-ledger-major');

    // The major hazard's page: the office raises its listing (挂牌督办) to the province.
    await office.getByText('储罐区可燃气体报警器失效').click();
    // Element Plus draws the radio over its input: the label takes the click.
    await office.locator('label').filter({ hasText: '省级挂牌督办' }).click();
    expect(await office.getByRole('radio', { name: /省级挂牌督办/ }).isChecked()).toBe(true);
    await office.getByLabel('跟踪督办责任人').fill('省应急管理厅 刘处长');
    await office.getByLabel('事由（挂牌督办通知）').fill('省安委办挂牌督办通知');
    await office.getByRole('button', { name: '挂牌 List' }).click();
    await office.getByRole('status').filter({ hasText: '已挂牌督办' }).waitFor();
    await expect.poll(() => office.getByTestId('timeline').textContent()).toMatch(/挂牌督办/);
    const row = (await api.call(seeder, 'GET', `/hazards?listingLevel=province`)).body.items;
    expect(row.map((h: any) => h.hazardId)).toEqual([hazards.b]);
    await screenshot(office, 'office-hazard-listed');
  });

  it('the office launches a campaign from the registry', async () => {
    await office.goto(`${api.baseUrl}/workspace/campaigns`);
    await office.getByRole('button', { name: '发起专项行动 Launch' }).click();
    await office.getByLabel('名称 Name', { exact: true }).fill(`冬季大检查 ${run}`);
    await choose(office, '模板 Template', TEMPLATE.name);
    await expect.poll(() => office.getByRole('dialog').textContent()).toContain(TEMPLATE.name);
    await choose(office, '地区 Regions', '示范市');
    await office.keyboard.press('Escape');
    await choose(office, '行业 Industries', '建筑施工');
    await office.getByRole('option', { name: '危险化学品', exact: true }).click();
    await office.keyboard.press('Escape');
    await office.getByLabel('分管领导 Leader').fill('分管副市长 王');
    await office.getByLabel('牵头部门 Department').fill('市应急管理局');
    await screenshot(office, 'office-campaign-launch');
    await office.getByRole('button', { name: '发起 Launch', exact: true }).click();
    // Either the campaign's page opens, or the dialog shows the refusal (then the test says which).
    const refusal = office.getByRole('dialog').getByRole('alert');
    await office.getByTestId('reports-received').or(refusal).waitFor();
    if (await refusal.isVisible()) throw new Error(`launch refused: ${await refusal.textContent()}`);
    campaignUrl = office.url();
    expect(await office.getByTestId('reports-received').textContent()).toBe('0');
    await screenshot(office, 'office-campaign-launched');
  });

  it('a unit files its daily report and another a 零报告; the office sees the numbers and the heatmap change', async () => {
    const campaignId = campaignUrl.split('/').pop()!;
    // The units' obligations workflows start just after the launch.
    await expect
      .poll(
        async () => (await api.call(seeder, 'GET', `/campaigns/${campaignId}/units`)).body?.items?.filter((u: any) => u.status === 'active').length,
        { timeout: 60_000 },
      )
      .toBe(3);
    const a = await logInWithToken(unitActor(unitA));
    await a.getByText('一日一报').first().waitFor();
    await screenshot(a, 'unit-today');
    await a.getByLabel('报送内容 Content').fill('今日排查在建项目3个，发现一般隐患1处，已整改');
    await a.getByRole('button', { name: '报送 Submit' }).click();
    await a.getByRole('status').filter({ hasText: '已报送' }).waitFor();
    await screenshot(a, 'unit-report-filed');

    const b = await logInWithToken(unitActor(unitB));
    await b.getByText('一日一报').first().waitFor();
    // Keyboard only: tab to the 零报告 checkbox, tick it with the space bar, submit with Enter.
    await b.getByRole('checkbox', { name: /零报告 Zero report/ }).focus();
    await b.keyboard.press('Space');
    await b.getByLabel('报送内容 Content').focus();
    await b.keyboard.press('Tab');
    await b.keyboard.press('Enter');
    await b.getByRole('status').filter({ hasText: '零报告已报送' }).waitFor();
    await screenshot(b, 'unit-zero-report-filed');

    await office.goto(campaignUrl);
    await expect.poll(() => office.getByTestId('reports-received').textContent(), { timeout: 30_000 }).toBe('2');
    expect(await office.getByTestId('reports-zero').textContent()).toBe('1');
    // The one unit that has not reported is named in the missing list (未报).
    expect(await office.getByTestId('reports-missing').textContent()).toBe('1');
    expect(await office.getByTestId('missing-list').textContent()).toContain(unitC.name);
    const heat = await office.getByTestId('heatmap-data').textContent();
    // 东城区 × 建筑施工 and × 危险化学品 each 1/1 reporting; 西城区 × 建筑施工 0/1; 西城区 × 危险化学品 a blind spot.
    expect(heat).toContain(`${EAST}${CONSTRUCTION}1/1`);
    expect(heat).toContain(`${WEST}${CONSTRUCTION}0/1`);
    expect(heat).toContain(`${WEST}${CHEMICALS}0/0`);
    await screenshot(office, 'office-campaign-after-reports');
    // The office's access token expired several times over since its login; the page renewed it instead of logging out.
    expect(officeRefreshes).toBeGreaterThan(0);
    expect(office.url()).not.toContain('/login');
  });

  it('the office exports the major hazards to Excel with an expired access token: the page renews it, the file holds the listed rows', async () => {
    await office.goto(`${api.baseUrl}/workspace/hazards?grade=major`);
    await office.getByText('储罐区可燃气体报警器失效').waitFor();
    // The token the table was loaded with expires: the download must renew it (POST /auth/refresh), not fail with a 401.
    const refreshesBefore = officeRefreshes;
    await office.waitForTimeout(ACCESS_TOKEN_SECONDS * 1000 + 500);
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByRole('button', { name: '导出 Excel Export' }).click()]);
    expect(officeRefreshes).toBeGreaterThan(refreshesBefore);
    const [, ...rows] = await downloadedLedger(download);
    // Listed for the office's own territory (the province), as the page's account sees it.
    const listed = (await api.call({ ...seeder, regionId: PROVINCE }, 'GET', '/hazards?grade=major&limit=500')).body.items;
    expect(rows.map((row) => row[0])).toEqual(listed.map((h: any) => h.hazardId));
    expect(rows.map((row) => row[0])).toContain(hazards.b);
  });

  it("a unit is refused another unit's hazard; on its own, the missing 五到位 items, then plan, progress and completion with evidence", async () => {
    const a = await logInWithToken(unitActor(unitA));
    await a.goto(`${api.baseUrl}/workspace/hazards/${hazards.b}`);
    await expect.poll(() => a.getByTestId('hazard-error').textContent()).toMatch(/40[34]/);
    await screenshot(a, 'unit-refused-other-hazard');
    await a.goto(`${api.baseUrl}/workspace/hazards/${hazards.a}`);
    await a.getByLabel('责任到位 整改责任人').fill('王经理');
    await a.getByRole('button', { name: '提交方案 Submit plan' }).click();
    const refusal = a.getByTestId('action-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('五到位');
    expect(await refusal.textContent()).toContain('资金到位');
    await screenshot(a, 'unit-plan-missing-items');

    beforePlan = new Date();
    // The whole plan, then progress, then completion with a photo uploaded as evidence (POST /evidence).
    await a.getByLabel('措施到位 整改措施').fill('加设连墙件6处，逐层验收');
    await a.getByLabel('资金到位 金额（元）').fill('8000');
    await a.getByLabel('资金来源').fill('安全生产费用');
    const planDue = new Date(Date.now() + 10 * DAY_MS);
    await a.getByLabel('时限到位 完成时限（北京时间）').fill(chinaDateTime(planDue));
    await a.getByLabel('预案到位 应急预案').fill('整改期间停止外架作业，设警戒区');
    await a.getByRole('button', { name: '提交方案 Submit plan' }).click();
    await a.getByRole('status').filter({ hasText: '整改方案已提交' }).waitFor();
    await a.getByLabel('进展情况').fill('已完成4处');
    await a.getByRole('button', { name: '报告进展 Report' }).click();
    await a.getByRole('status').filter({ hasText: '进展已报告' }).waitFor();
    await a.getByLabel('完成情况').fill('6处连墙件全部加设');
    await a.getByLabel('证据材料（整改前后照片）').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: PNG });
    await a.getByText(/^sha256:/).waitFor();
    await a.getByRole('button', { name: '申请验收 Claim completion' }).click();
    await a.getByRole('status').filter({ hasText: '已申请验收' }).waitFor();
    await expect.poll(() => a.getByText('待验收').count()).toBeGreaterThan(0);
    await screenshot(a, 'unit-completion-claimed');
    const trail = (await api.call(seeder, 'GET', `/hazards/${hazards.a}/events`)).body.items.map((e: any) => e.type);
    expect(trail).toEqual(['reported', 'plan_submitted', 'progress_reported', 'completion_claimed']);
  });

  it('an auditor reads a hazard’s trail, now and as of a moment before its plan', async () => {
    const page = await logInWithToken(auditor);
    await page.getByLabel('编号 Id').fill(hazards.a);
    await page.getByRole('button', { name: '查看 Show' }).click();
    await page.getByTestId('timeline').waitFor();
    await expect.poll(() => page.getByTestId('audit-state').textContent()).toContain('待验收');
    await screenshot(page, 'auditor-trail');
    await page.getByLabel('某一时刻 As of（北京时间）').fill(chinaDateTime(beforePlan, true));
    await page.getByRole('button', { name: '查看 Show' }).click();
    await expect.poll(() => page.getByTestId('audit-state').textContent()).toContain('待制定整改方案');
    expect(await page.getByTestId('audit-state').textContent()).toContain('events');
    expect(await page.getByTestId('timeline').textContent()).not.toContain('整改进展');
    await screenshot(page, 'auditor-as-of');
  });
});
