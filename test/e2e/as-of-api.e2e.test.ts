import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_HAZARD_POLICY, type Actor, type CampaignTemplate, type HazardPolicy } from '@duban/domain';
import { INDUSTRIES, REGIONS } from '../support/campaign-fixtures';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/dev-server';
import { auditor, fiveInPlacePlan, inspector, office } from '../support/hazard-fixtures';

/**
 * 某一时刻的状态: what the API answered at several moments of a run, asked again later with
 * `?asOf=` each moment, is the same answer (the view toEqual, field by field), folded from the
 * ledger's events. On the dev server with deadlines of seconds, not under time skipping: the API
 * harness runs on the dev server, and the API's clock is the real one, so under skipped time every
 * moment the workflows record would lie in the API's future.
 */
const SECRET = 'as-of-e2e-secret';
const run = randomUUID().slice(0, 8);
const unitA: Actor = { id: 'wang', name: 'A建设公司 王经理', role: 'unit', unitId: `asof-a-${run}` };
const unitB: Actor = { id: 'zhao', name: 'B化工公司 赵经理', role: 'unit', unitId: `asof-b-${run}` };
const seconds = (s: number) => ({ amount: s / 3600, unit: 'hours' as const });

/** The ladder in seconds around the deadline, to reach overdue and 挂牌督办 in real time. */
const COMPRESSED_POLICY: HazardPolicy = {
  ...STANDARD_HAZARD_POLICY,
  id: 'compressed-as-of',
  name: 'compressed ladder for the as-of test',
  escalation: [
    { id: 'notice', instrument: 'notice', offset: seconds(0) },
    { id: 'listed', instrument: 'listed_supervision', offset: seconds(2) },
  ],
};

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET, { hazardPolicies: [STANDARD_HAZARD_POLICY, COMPRESSED_POLICY] });
});
afterAll(async () => api?.close());
const call: ApiHarness['call'] = (...args) => api.call(...args);

/** What `path` answers now, and the moment it answered. */
async function answerNow(actor: Actor, path: string): Promise<{ at: string; body: any }> {
  const answer = await call(actor, 'GET', path);
  expect(answer.status).toBe(200);
  return { at: new Date().toISOString(), body: answer.body };
}

describe('state as of a moment through the HTTP API (real Temporal dev server and PostgreSQL)', () => {
  it('a hazard: after report, after plan, overdue and listed, after the claim, after sign-off', async () => {
    const deadline = Date.now() + 12_000;
    const created = await call(inspector, 'POST', '/hazards', {
      title: '储罐区可燃气体报警器失效',
      description: '2号储罐区4台报警器中2台无响应',
      location: '化工园区储罐区',
      industry: '危险化学品',
      unitId: unitA.unitId,
      grade: 'general',
      source: 'inspection',
      finder: '张工',
      deadline: new Date(deadline).toISOString(),
      policyId: COMPRESSED_POLICY.id,
    });
    expect(created.status).toBe(201);
    const path = `/hazards/${created.body.hazardId}`;
    const moments = [await answerNow(auditor, path)];
    const planned = await call(unitA, 'POST', `${path}/plan`, fiveInPlacePlan(deadline));
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    moments.push(await answerNow(auditor, path));
    await eventually(async () => (await call(auditor, 'GET', path)).body.state.listedForSupervision, 30_000);
    moments.push(await answerNow(auditor, path));
    expect((await call(unitA, 'POST', `${path}/completion`, { summary: '报警器已更换并联调' })).status).toBe(200);
    moments.push(await answerNow(auditor, path));
    expect((await call(inspector, 'POST', `${path}/verification`, { decision: 'accept', comment: '复查合格' })).status).toBe(200);
    moments.push(await answerNow(auditor, path));
    expect(moments.map((m) => [m.body.state.status, m.body.state.overdue])).toEqual([
      ['awaiting_plan', false],
      ['rectifying', false],
      ['rectifying', true],
      ['awaiting_verification', true],
      ['signed_off', true],
    ]);

    for (const moment of moments) {
      const asOf = await call(auditor, 'GET', `${path}?asOf=${encodeURIComponent(moment.at)}`);
      expect(asOf).toEqual({ status: 200, body: { state: moment.body.state, stateSource: 'events', asOf: moment.at } });
    }
    // Permissions as the plain read; before the report: 404; a malformed or future moment: 400 naming asOf.
    expect((await call(unitB, 'GET', `${path}?asOf=${encodeURIComponent(moments[0]!.at)}`)).status).toBe(403);
    const before = new Date(Date.parse(moments[0]!.body.state.reportedAt) - 1).toISOString();
    expect((await call(auditor, 'GET', `${path}?asOf=${before}`)).status).toBe(404);
    for (const bad of ['yesterday', new Date(Date.now() + 60_000).toISOString()]) {
      expect(await call(auditor, 'GET', `${path}?asOf=${encodeURIComponent(bad)}`)).toMatchObject({ status: 400, body: { field: 'asOf' } });
    }
  });

  it('a campaign and a unit: after enrolment, after a report, paused, resumed', async () => {
    const template: CampaignTemplate = {
      id: `as-of-sweep-${run}`,
      name: '压缩版排查 (as-of test)',
      kind: 'custom',
      description: 'One short phase with one deliverable.',
      source: 'test fixture',
      phases: [
        {
          id: 'self-check',
          name: '自查自纠',
          duration: seconds(60),
          deliverables: [{ id: 'self-check-report', name: '自查报告', dueAfter: seconds(30) }],
        },
      ],
      reports: [],
      targets: [],
      coverage: { regions: true, units: true, industries: true },
      checkItems: [{ id: 'scaffold', text: '脚手架搭设' }],
      activities: [],
      inspectionTiers: [{ id: 'county', name: '县区排查' }],
      escalation: [{ id: 'remind', instrument: 'reminder', afterMissed: 1 }],
    };
    expect((await call(office, 'POST', '/campaign-templates', template)).status).toBe(201);
    const unit = { unitId: unitA.unitId!, name: 'A建设公司', kind: 'enterprise' as const, regionId: 'county-east', industryId: 'construction' };
    const launched = await call(office, 'POST', '/campaigns', {
      name: `as-of ${run}`,
      templateId: template.id,
      scope: { regions: REGIONS, industries: INDUSTRIES, units: [unit], leadLeader: '分管副市长 王', leadDepartment: '市应急管理局' },
      startsAt: new Date(Date.now() + 2000).toISOString(),
    });
    expect(launched.status).toBe(201);
    const path = `/campaigns/${launched.body.campaignId}`;
    const unitPath = `${path}/units/${unit.unitId}`;
    const status = async () => (await call(office, 'GET', unitPath)).body?.view?.state?.status;
    await eventually(async () => (await status()) === 'active');
    // Past the start, so the phase has begun (and its start is recorded) before the first moment.
    await eventually(async () => (await call(office, 'GET', path)).body.view.currentPhase?.phaseId === 'self-check');
    const moments = [{ campaign: await answerNow(office, path), unit: await answerNow(office, unitPath) }];
    const filed = await call(unitA, 'POST', `${unitPath}/reports`, {
      obligationId: 'deliverable:self-check-report',
      zero: false,
      content: '自查完毕',
    });
    expect(filed.status).toBe(200);
    moments.push({ campaign: await answerNow(office, path), unit: await answerNow(office, unitPath) });
    expect((await call(office, 'POST', `${path}/pause`, { reason: '汛期暂停' })).status).toBe(200);
    await eventually(async () => (await status()) === 'paused');
    moments.push({ campaign: await answerNow(office, path), unit: await answerNow(office, unitPath) });
    expect((await call(office, 'POST', `${path}/resume`, { reason: '汛期结束' })).status).toBe(200);
    await eventually(async () => (await status()) === 'active');
    moments.push({ campaign: await answerNow(office, path), unit: await answerNow(office, unitPath) });
    expect(moments.map((m) => [m.campaign.body.view.state.status, m.unit.body.view.state.status, m.unit.body.view.state.counters.onTime])).toEqual([
      ['running', 'active', 0],
      ['running', 'active', 1],
      ['paused', 'paused', 1],
      ['running', 'active', 1],
    ]);

    for (const moment of moments) {
      const campaign = await call(office, 'GET', `${path}?asOf=${encodeURIComponent(moment.campaign.at)}`);
      expect(campaign).toEqual({ status: 200, body: { view: moment.campaign.body.view, viewSource: 'events', asOf: moment.campaign.at } });
      const unitView = await call(office, 'GET', `${unitPath}?asOf=${encodeURIComponent(moment.unit.at)}`);
      // settledUntil is in no event (the workflow moves it at every look at the clock): as of a moment, the last event's time.
      const { settledUntil, ...state } = moment.unit.body.view.state;
      expect(unitView).toEqual({
        status: 200,
        body: {
          view: { ...moment.unit.body.view, state: { ...state, settledUntil: expect.any(String) } },
          viewSource: 'events',
          asOf: moment.unit.at,
        },
      });
      expect(Date.parse(unitView.body.view.state.settledUntil)).toBeLessThanOrEqual(Date.parse(settledUntil));
    }
    expect((await call(unitB, 'GET', `${unitPath}?asOf=${encodeURIComponent(moments[0]!.unit.at)}`)).status).toBe(403);
    const launchedAt = Date.parse(moments[0]!.campaign.body.ledger.launchedAt);
    expect((await call(office, 'GET', `${path}?asOf=${new Date(launchedAt - 1000).toISOString()}`)).status).toBe(404);
    expect(await call(office, 'GET', `${unitPath}?asOf=nope`)).toMatchObject({ status: 400, body: { field: 'asOf' } });
  });
});
