import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, CampaignTemplate } from '@duban/domain';
import { INDUSTRIES, REGIONS } from '../support/campaign-fixtures';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/dev-server';
import { auditor, DAY_MS, inspector, office } from '../support/hazard-fixtures';

/**
 * A campaign through the HTTP API on the real Temporal dev server and PostgreSQL, with a
 * compressed template (phases of seconds) so the whole life runs in real time.
 */
const SECRET = 'campaign-e2e-secret';
const run = randomUUID().slice(0, 8);
const unitOf = (suffix: string, regionId: string, industryId: string) => ({
  unitId: `cu-${suffix}-${run}`,
  name: `单位${suffix}`,
  kind: 'enterprise' as const,
  regionId,
  industryId,
});
const diligent = unitOf('diligent', 'county-east', 'construction');
const negligent = unitOf('negligent', 'county-west', 'chemicals');
const joiner = unitOf('joiner', 'county-east', 'chemicals');
const actorFor = (unit: { unitId: string }): Actor => ({ id: `${unit.unitId}-officer`, name: '安全员', role: 'unit', unitId: unit.unitId });

const seconds = (s: number) => ({ amount: s / 3600, unit: 'hours' as const });
const COMPRESSED_TEMPLATE: CampaignTemplate = {
  id: `compressed-sweep-${run}`,
  name: '压缩版隐患排查 (compressed sweep for end-to-end tests)',
  kind: 'custom',
  description: 'Two short phases with one deliverable each, so a campaign runs its course in seconds.',
  source: 'test fixture',
  phases: [
    { id: 'self-check', name: '自查自纠', duration: seconds(5), deliverables: [{ id: 'self-check-report', name: '自查报告', dueAfter: seconds(3) }] },
    { id: 'rectify', name: '集中整治', duration: seconds(8), deliverables: [{ id: 'rectify-ledger', name: '整治台账', dueAfter: seconds(3) }] },
  ],
  reports: [],
  targets: [{ id: 'on-time', name: '按时报送率100%', metric: 'reports_on_time_rate', threshold: 1 }],
  coverage: { regions: true, units: true, industries: true },
  checkItems: [{ id: 'scaffold', text: '脚手架搭设' }],
  activities: [],
  inspectionTiers: [{ id: 'county', name: '县区排查' }],
  escalation: [
    { id: 'remind-on-first-miss', instrument: 'reminder', afterMissed: 1 },
    { id: 'notice-on-second-miss', instrument: 'notice', afterMissed: 2 },
  ],
};

/**
 * The campaign starts this long after its launch, so that its first deliverable (due 3 s after
 * the start) falls due after the units' enrolment and the diligent unit's filing even on a loaded
 * machine (at 1 s, enrolment sometimes came after it: 409 campaign.obligation.before_enrolment).
 */
const LEAD_SECONDS = 6;

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET);
});
afterAll(async () => api?.close());

const call: ApiHarness['call'] = (...args) => api.call(...args);

const launchBody = (overrides: Record<string, unknown> = {}) => ({
  name: `压缩排查 ${run}`,
  templateId: COMPRESSED_TEMPLATE.id,
  scope: { regions: REGIONS, industries: INDUSTRIES, units: [diligent, negligent], leadLeader: '分管副市长 王', leadDepartment: '市应急管理局' },
  startsAt: new Date(Date.now() + LEAD_SECONDS * 1000).toISOString(),
  ...overrides,
});

describe('a campaign through the HTTP API (real Temporal dev server and PostgreSQL)', () => {
  it('refuses bad templates and launches naming the field', async () => {
    const bad = await call(office, 'POST', '/campaign-templates', {
      ...COMPRESSED_TEMPLATE,
      id: `bad-${run}`,
      phases: [{ ...COMPRESSED_TEMPLATE.phases[0], duration: { amount: -1, unit: 'days' } }],
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { type: '/problems/request.invalid', code: 'request.invalid', field: 'phases[0].duration.amount' },
    });
    const unknownPhase = await call(office, 'POST', '/campaign-templates', {
      ...COMPRESSED_TEMPLATE,
      id: `bad2-${run}`,
      reports: [{ id: 'daily', name: '一日一报', cadence: 'daily', cutoff: '17:00', phases: ['no-such-phase'], zeroReportAllowed: true }],
    });
    expect(unknownPhase).toMatchObject({ status: 400, body: { code: 'campaign.template.phase_unknown', field: 'reports[0].phases[0]' } });
    expect((await call(inspector, 'POST', '/campaign-templates', { ...COMPRESSED_TEMPLATE, id: `x-${run}` })).status).toBe(403);
    const emptyScope = await call(
      office,
      'POST',
      '/campaigns',
      launchBody({ templateId: 'hundred-day-drive', scope: { ...launchBody().scope, units: [] } }),
    );
    expect(emptyScope).toMatchObject({ status: 400, body: { code: 'request.invalid', field: 'scope.units' } });
  });

  it('runs a campaign from launch to closing summary: reports, a miss escalated, a finding, a unit added, coverage gaps', async () => {
    expect((await call(office, 'POST', '/campaign-templates', COMPRESSED_TEMPLATE)).status).toBe(201);
    expect((await call(office, 'POST', '/campaign-templates', COMPRESSED_TEMPLATE)).body).toMatchObject({
      status: 409,
      code: 'campaign.template.id_taken',
    });
    const launched = await call(office, 'POST', '/campaigns', launchBody());
    expect(launched.status).toBe(201);
    const campaignId: string = launched.body.campaignId;
    const path = `/campaigns/${campaignId}`;
    await eventually(async () => (await call(office, 'GET', `${path}/units`)).body?.items?.every((u: any) => u.status === 'active'));

    // The diligent unit files its first deliverable; others may not file for it.
    const obligationId = 'deliverable:self-check-report';
    expect(
      (await call(actorFor(negligent), 'POST', `${path}/units/${diligent.unitId}/reports`, { obligationId, zero: false, content: '自查完毕' }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(actorFor(diligent), 'POST', `${path}/units/${diligent.unitId}/reports`, {
          obligationId: 'deliverable:nope',
          zero: false,
          content: 'x',
        })
      ).status,
    ).toBe(400);
    const filed = await call(actorFor(diligent), 'POST', `${path}/units/${diligent.unitId}/reports`, {
      obligationId,
      zero: false,
      content: '自查报告：排查隐患3处，已整改2处',
    });
    expect(filed.status).toBe(200);
    expect(filed.body.view.state.counters).toMatchObject({ onTime: 1 });
    // The second phase's deliverable may be filed ahead (within a day of its due time).
    expect(
      (
        await call(actorFor(diligent), 'POST', `${path}/units/${diligent.unitId}/reports`, {
          obligationId: 'deliverable:rectify-ledger',
          zero: false,
          content: '整治台账已建立',
        })
      ).status,
    ).toBe(200);

    // An inspection and a finding on the diligent unit: the finding is a hazard in the hazard ledger.
    expect(
      (
        await call(inspector, 'POST', `${path}/units/${diligent.unitId}/inspections`, {
          tierId: 'county',
          checkItemIds: ['scaffold'],
          note: '县区排查',
        })
      ).status,
    ).toBe(200);
    const finding = await call(inspector, 'POST', `${path}/units/${diligent.unitId}/findings`, {
      title: '脚手架未设剪刀撑',
      description: '东侧外架缺剪刀撑',
      location: '1号楼',
      industry: '建筑施工',
      grade: 'general',
      finder: '张工',
      deadline: new Date(Date.now() + 5 * DAY_MS).toISOString(),
    });
    expect(finding.status).toBe(201);
    const hazard = await eventually(async () => {
      const r = await call(office, 'GET', `/hazards/${finding.body.hazardId}`);
      return r.status === 200 && r.body;
    });
    expect(hazard.state.report).toMatchObject({ campaignId, unitId: diligent.unitId, source: 'campaign' });

    // A unit joins mid-campaign; the office can see it at once in the roster.
    const added = await call(office, 'POST', `${path}/units`, { unit: joiner, reason: '新开工项目纳入范围' });
    expect(added.status).toBe(201);
    expect((await call(actorFor(diligent), 'POST', `${path}/units`, { unit: joiner, reason: 'x' })).status).toBe(403);

    // The negligent unit lets both deliverables pass: missed, then reminded and noticed.
    const escalations = await eventually(async () => {
      const r = await call(office, 'GET', `${path}/escalations?unitId=${negligent.unitId}`);
      return r.body?.length >= 2 && r.body;
    }, 60_000);
    expect(escalations.map((e: any) => e.data.instrument).sort()).toEqual(['notice', 'reminder']);

    const coverage = (await call(auditor, 'GET', `${path}/coverage`)).body;
    expect(coverage.gaps).toEqual(
      expect.arrayContaining([expect.objectContaining({ regionId: 'county-west', industryId: 'construction', kind: 'no_units' })]),
    );

    const closed = await call(office, 'POST', `${path}/close`, { reason: '排查结束' });
    expect(closed.status).toBe(200);
    const summary = await eventually(async () => {
      const r = (await call(office, 'GET', `${path}/summary`)).body;
      return r?.units?.length === 3 && r.units.every((u: any) => u.status === 'closed') && r;
    }, 60_000);
    const scoreOf = (unitId: string) => summary.units.find((u: any) => u.unitId === unitId);
    expect(scoreOf(diligent.unitId).score).toBeGreaterThan(scoreOf(negligent.unitId).score);
    expect(scoreOf(negligent.unitId)).toMatchObject({ escalations: 2, counters: expect.objectContaining({ missed: 2 }) });
    expect(summary.final).toBe(true);

    // A unit sees only itself; the audit trail names who did what.
    const ownUnits = (await call(actorFor(diligent), 'GET', `${path}/units`)).body.items;
    expect(ownUnits.map((u: any) => u.unitId)).toEqual([diligent.unitId]);
    const trail = (await call(auditor, 'GET', `${path}/events?limit=500`)).body;
    expect(trail.next).toBeNull();
    const events = trail.items;
    expect(events.some((e: any) => e.type === 'report_submitted' && e.actor.unitId === diligent.unitId)).toBe(true);
    expect(events.some((e: any) => e.type === 'unit_added' && e.actor.role === 'office' && e.reason === '新开工项目纳入范围')).toBe(true);
    expect(scoreOf(diligent.unitId)).toMatchObject({ escalations: 0, counters: expect.objectContaining({ onTime: 2, missed: 0 }) });
    expect(
      (
        await call(actorFor(negligent), 'POST', `${path}/units/${negligent.unitId}/reports`, {
          obligationId: 'deliverable:rectify-ledger',
          zero: false,
          content: 'too late',
        })
      ).status,
    ).toBe(409);
  });
});
