import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountabilityActionWorkflowId, type Actor } from '@duban/domain';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { auditor, office } from '../support/hazard-fixtures';
import { eventually } from '../support/dev-server';
import { sharedWorkflowBundle } from '../setup/shared-workflow-bundle';

/**
 * The accident record (控制指标, 问责) through the HTTP API → Temporal dev server → worker →
 * PostgreSQL, nothing faked: a county's caps set by its office, two 较大 accidents there, the
 * review run now — a cap breached, one warned, the summons rule fired — and the summons recorded.
 */
const SECRET = 'e2e-accident-record-secret';
const run = randomUUID().slice(0, 8);
// A province › city › county of this run's own, so the review's rows for it are this file's alone.
const PROVINCE = `p-${run}`;
const CITY = `c-${run}`;
const COUNTY = `x-${run}`;
const countyOffice: Actor = { id: `o-${run}`, name: '县安委办 周主任', role: 'office', regionId: COUNTY };
const nextCountyOffice: Actor = { id: `o2-${run}`, name: '邻县安委办', role: 'office', regionId: `y-${run}` };

let api: ApiHarness;
let bundleBefore: string | undefined;
beforeAll(async () => {
  // The API replays (审计重放, below) against the run's shared bundle instead of bundling the workflows itself.
  bundleBefore = process.env.DUBAN_WORKFLOW_BUNDLE;
  process.env.DUBAN_WORKFLOW_BUNDLE = (await sharedWorkflowBundle()).codePath;
  api = await startApiHarness(SECRET);
  for (const [id, level, parentId] of [
    [PROVINCE, 'province', null],
    [CITY, 'city', PROVINCE],
    [COUNTY, 'county', CITY],
    [`y-${run}`, 'county', CITY],
  ] as const) {
    const created = await api.call(office, 'POST', '/registry/regions', { id, name: `${level} ${run}`, level, parentId, code: null, reason: '区划' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
});
afterAll(async () => {
  if (bundleBefore === undefined) delete process.env.DUBAN_WORKFLOW_BUNDLE;
  else process.env.DUBAN_WORKFLOW_BUNDLE = bundleBefore;
  await api?.close();
});

const call: ApiHarness['call'] = (...args) => api.call(...args);

/** A 较大 accident (3 deaths) in the county, `hoursAgo` hours ago. */
async function larger(hoursAgo: number, unitId: string): Promise<string> {
  const at = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const reported = await call(office, 'POST', '/accidents', {
    occurredAt: at,
    regionId: COUNTY,
    location: '施工现场',
    unitId,
    industry: '建筑施工',
    sector: 'industry_trade',
    kind: 'collapse',
    casualties: { deaths: 3, missing: 0, seriousInjuries: 0, directLossYuan: 2_000_000 },
    livesEndangered: 3,
    account: '基坑坍塌',
    reporter: '县应急管理局 值班员',
    reportedAt: at,
  });
  expect(reported.status).toBe(201);
  return reported.body.accidentId;
}

describe('the accident record through the HTTP API (real Temporal dev server, worker and PostgreSQL)', () => {
  it('sets a county’s caps, runs the review over two 较大 accidents — a breach, a warning, a summons — and records the summons', async () => {
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const indicators = `/accident-record/regions/${COUNTY}/indicators/${year}`;
    const caps = {
      indicators: [
        { key: 'deaths-all', label: '各类事故死亡人数', measure: 'deaths', cap: 10, source: '县安委会年度目标' },
        { key: 'larger', label: '较大事故起数', measure: 'accidents', grades: ['larger'], cap: 1, source: '县安委会年度目标' },
      ],
      warnAt: [0.5, 0.8],
      reason: '年度控制指标',
    };
    expect(await call(nextCountyOffice, 'PUT', indicators, caps)).toMatchObject({ status: 403, body: { code: 'permission.outside_territory' } });
    expect(await call(countyOffice, 'PUT', indicators, caps)).toMatchObject({ status: 200, body: { revision: 1, changed: true } });
    // Sent again (a retry): nothing changes.
    expect(await call(countyOffice, 'PUT', indicators, caps)).toMatchObject({ status: 200, body: { revision: 1, changed: false } });

    const first = await larger(2, `u1-${run}`);
    const second = await larger(1, `u2-${run}`);
    // The review checks the month just ended: asOf the first of next month checks this one.
    const now = new Date(Date.now() + 8 * 3_600_000);
    const asOf = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 8 * 3_600_000 + 60_000).toISOString();
    const review = await call(countyOffice, 'POST', '/accident-record/reviews', { asOf });
    expect(review.status, JSON.stringify(review.body)).toBe(201);
    const checks = Object.fromEntries(review.body.checks.map((c: { indicatorId: string }) => [c.indicatorId, c]));
    expect(Object.keys(checks).sort()).toEqual([`${COUNTY}:${year}:deaths-all`, `${COUNTY}:${year}:larger`]);
    expect(checks[`${COUNTY}:${year}:deaths-all`]).toMatchObject({ used: 6, status: 'warning', warningAt: 0.5 });
    expect(checks[`${COUNTY}:${year}:larger`]).toMatchObject({ used: 2, status: 'breach', breach: { veto: true } });
    // Both seed rules hold: two 较大 accidents → 约谈 (002 篇一); two of one kind (坍塌) → stricter accountability (002 篇六).
    const firingKey = `county-two-larger-summons:${COUNTY}:${year}:any`;
    const firings = Object.fromEntries(review.body.firings.map((f: { firingKey: string }) => [f.firingKey, f]));
    expect(Object.keys(firings).sort()).toEqual([`county-repeat-kind-stricter:${COUNTY}:${year}:collapse`, firingKey]);
    expect(firings[firingKey]).toMatchObject({ accidentIds: [first, second], status: 'open', instrument: 'summons' });
    const runPath = `/accident-record/reviews/${review.body.runId}`;
    expect((await call(auditor, 'GET', runPath)).body).toMatchObject({ status: 'completed', month: review.body.month });
    // The next county's office sees none of it.
    expect((await call(nextCountyOffice, 'GET', runPath)).body).toMatchObject({ checks: [], firings: [] });
    expect(await call(auditor, 'GET', `/accident-record/regions/${COUNTY}/checks?month=${review.body.month}`)).toMatchObject({
      status: 200,
      body: [{ status: 'warning' }, { status: 'breach' }],
    });

    const held = await call(countyOffice, 'POST', `/accident-record/firings/${firingKey}/action-taken`, {
      heldAt: new Date().toISOString(),
      minutes: '约谈县政府主要负责同志, 责令一个月内完成建筑施工领域专项整治',
    });
    expect(held).toMatchObject({ status: 200, body: { status: 'done', taken: { recordedBy: { id: countyOffice.id } } } });
    // The obligation's workflow wrote its state to the record.
    const recorded = await eventually(async () => {
      const listed = await call(auditor, 'GET', `/accident-record/territories/${COUNTY}/firings?year=${year}`);
      const found = listed.body.find((f: { firingKey: string }) => f.firingKey === firingKey);
      return found?.status === 'done' && found;
    });
    expect(recorded).toMatchObject({ status: 'done', recordedBy: { id: countyOffice.id }, minutes: expect.stringContaining('约谈') });
    expect(
      await call(countyOffice, 'POST', `/accident-record/firings/${firingKey}/action-taken`, { heldAt: new Date().toISOString(), minutes: '再次' }),
    ).toMatchObject({
      status: 409,
    });

    // The obligation's history replays for the auditor, and for no office outside the county (its territory decides, as on its reads).
    const replayPath = `/audit/workflows/${accountabilityActionWorkflowId(firingKey)}/replay`;
    const replayed = await call(auditor, 'GET', replayPath);
    expect(replayed).toMatchObject({ status: 200, body: { summary: { histories: 1, failures: 0 } } });
    expect(await call(nextCountyOffice, 'GET', replayPath)).toMatchObject({ status: 403, body: { code: 'permission.outside_territory' } });
    expect((await call(auditor, 'GET', `/audit/workflows/${accountabilityActionWorkflowId('no-such-firing')}/replay`)).status).toBe(404);
  });
});
