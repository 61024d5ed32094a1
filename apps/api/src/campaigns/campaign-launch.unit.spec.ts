import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { HUNDRED_DAY_DRIVE_TEMPLATE, STANDARD_HAZARD_POLICY } from '@duban/domain';
import type { CampaignWorkflowInput } from '@duban/workflows';
import { inspector, office, unitA } from '../testing/actors';
import { useCampaignSpecApp, clone, INDUSTRIES, launchBody, REGIONS, startCampaignApp, UNITS } from '../testing/campaign-spec-fixtures';
import type { TestApp } from '../testing/start-test-app';
import { gatedStarts } from '../testing/fake-temporal';

/** POST /campaigns (发起专项行动): the checks before anything starts, the workflow start, and the 202 when no worker registers it in time. */
const spec = useCampaignSpecApp();
const { world, call } = spec;

describe('POST /campaigns (发起专项行动)', () => {
  it('starts campaignWorkflow by name with the campaign id, the task queue and conflict policy FAIL, and answers 201 { campaignId, registered: true, view }', async () => {
    const res = await call('POST', '/campaigns', office, launchBody());
    expect(res.status).toBe(201);
    const { campaignId, view } = res.body;
    expect(Object.keys(res.body).sort()).toEqual(['campaignId', 'registered', 'view']);
    expect(res.headers.get('location')).toBe(`/campaigns/${campaignId}`);
    expect(res.body.registered).toBe(true);
    expect(campaignId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(view.state).toMatchObject({ campaignId, status: 'running', scope: { unitCount: 3, leadDepartment: '市应急管理局' } });
    expect(world.started).toHaveLength(1);
    const [start] = world.started;
    expect(start.workflowType).toBe('campaignWorkflow');
    expect(start.options).toMatchObject({ workflowId: `campaign-${campaignId}`, taskQueue: 'duban', workflowIdConflictPolicy: 'FAIL' });
    const [{ calendar, ...input }] = start.options.args as CampaignWorkflowInput[];
    expect(Object.keys(calendar!.years)).toEqual(['2025', '2026']);
    expect(input).toEqual({
      launch: {
        campaignId,
        name: '2026年春季百日安全生产活动',
        template: HUNDRED_DAY_DRIVE_TEMPLATE,
        scope: { regions: REGIONS, industries: INDUSTRIES, units: UNITS, leadLeader: '分管副市长 王某', leadDepartment: '市应急管理局' },
        startsAt: '2026-03-01T16:00:00.000Z',
      },
      launchedBy: office,
      hazardPolicy: STANDARD_HAZARD_POLICY,
    });
  });

  it('accepts a roster of 3,500 units (a body well over the default 100 kB limit)', async () => {
    const units = Array.from({ length: 3500 }, (_, i) => ({
      unitId: `enterprise-${String(i).padStart(5, '0')}`,
      name: `第${i}号企业有限责任公司`,
      kind: 'enterprise',
      regionId: REGIONS[i % 2].id,
      industryId: INDUSTRIES[(i >> 1) % 2].id,
    }));
    const body = launchBody({}, { units });
    expect(JSON.stringify(body).length).toBeGreaterThan(300_000);
    const res = await call('POST', '/campaigns', office, body);
    expect(res.status).toBe(201);
    const [input] = world.started[0].options.args as CampaignWorkflowInput[];
    expect(input.launch!.scope.units).toHaveLength(3500);
    expect(res.body.view.state.scope.unitCount).toBe(3500);
  });

  it('refuses an empty scope, naming scope.units, and starts nothing', async () => {
    const res = await call('POST', '/campaigns', office, launchBody({}, { units: [] }));
    expect(res).toMatchObject({ status: 400, body: { status: 400, title: 'Bad Request', code: 'request.invalid', field: 'scope.units' } });
    expect(res.body.detail).toMatch(/^scope\.units must contain at least 1 elements/);
    expect(world.started).toHaveLength(0);
  });

  it('names the offending unit by its index (scope.units[1].regionId)', async () => {
    const units = [UNITS[0], { ...UNITS[1], regionId: 'county-north' }];
    const res = await call('POST', '/campaigns', office, launchBody({}, { units }));
    expect(res).toMatchObject({ status: 400, body: { field: 'scope.units[1].regionId' } });
  });

  it('refuses an unknown template, naming templateId and listing the known ones', async () => {
    const res = await call('POST', '/campaigns', office, launchBody({ templateId: 'no-such-template' }));
    expect(res).toMatchObject({ status: 400, body: { field: 'templateId' } });
    expect(res.body.detail).toMatch(/unknown templateId "no-such-template"; known: hundred-day-drive/);
    const neither = await call('POST', '/campaigns', office, launchBody({ templateId: undefined }));
    expect(neither).toMatchObject({ status: 400, body: { field: 'templateId' } });
    expect(world.started).toHaveLength(0);
  });

  it('checks an inline template like a posted one, errors prefixed template.', async () => {
    const bad = clone(HUNDRED_DAY_DRIVE_TEMPLATE);
    bad.id = 'my-drive';
    bad.phases[1].duration.amount = 0;
    const res = await call('POST', '/campaigns', office, launchBody({ templateId: undefined, template: bad }));
    expect(res).toMatchObject({ status: 400, body: { field: 'template.phases[1].duration.amount' } });

    const typo = clone(HUNDRED_DAY_DRIVE_TEMPLATE) as unknown as { id: string; phases: Array<{ deliverables: Array<Record<string, unknown>> }> };
    typo.id = 'my-drive';
    typo.phases[0].deliverables[0].dueAftr = { amount: 3, unit: 'days' };
    const unknownField = await call('POST', '/campaigns', office, launchBody({ templateId: undefined, template: typo }));
    expect(unknownField).toMatchObject({ status: 400, body: { field: 'template.phases[0].deliverables[0].dueAftr' } });

    const good = { ...clone(HUNDRED_DAY_DRIVE_TEMPLATE), id: 'my-drive', name: '本区百日行动' };
    const ok = await call('POST', '/campaigns', office, launchBody({ templateId: undefined, template: good }));
    expect(ok.status).toBe(201);
    expect(ok.body.view.state.template).toEqual(good);
    expect(world.started).toHaveLength(1);
  });

  it('refuses a start more than a day back, an unknown hazard policy, and fields that are not part of a launch', async () => {
    expect(await call('POST', '/campaigns', office, launchBody({ startsAt: '2026-02-20T00:00:00+08:00' }))).toMatchObject({
      status: 400,
      body: { field: 'startsAt' },
    });
    expect(await call('POST', '/campaigns', office, launchBody({ hazardPolicyId: 'lenient' }))).toMatchObject({
      status: 400,
      body: { field: 'hazardPolicyId' },
    });
    expect(await call('POST', '/campaigns', office, launchBody({ launchedBy: office }))).toMatchObject({
      status: 400,
      body: { field: 'launchedBy' },
    });
    expect(world.started).toHaveLength(0);
  });

  it("is for the office only (403 in the domain's words)", async () => {
    const res = await call('POST', '/campaigns', inspector, launchBody());
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('inspector may not launch: campaigns are launched by the safety committee office (安委办)');
    expect((await call('POST', '/campaigns', unitA, launchBody())).status).toBe(403);
    expect(world.started).toHaveLength(0);
  });
});

describe('POST /campaigns when no worker registers the campaign in time (registrationTimeoutMs)', () => {
  const TIMEOUT_MS = 50;
  const temporal = gatedStarts(world.client);
  let slow: TestApp;

  beforeAll(async () => {
    slow = await startCampaignApp(world, temporal.client, TIMEOUT_MS);
  });

  afterAll(async () => {
    await slow?.close();
  });

  beforeEach(() => {
    temporal.mode = 'answer';
    temporal.started.length = 0;
  });

  it('answers 202 { campaignId, registered: false, message } once the timeout passes, leaving the start in place', async () => {
    temporal.mode = 'hang';
    const startedAt = Date.now();
    const res = await slow.call('POST', '/campaigns', office, launchBody());
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(res.status).toBe(202);
    expect(Object.keys(res.body).sort()).toEqual(['campaignId', 'message', 'registered']);
    const { campaignId } = res.body;
    expect(res.headers.get('location')).toBe(`/campaigns/${campaignId}`);
    expect(res.headers.get('retry-after')).toBe('10');
    expect(campaignId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.registered).toBe(false);
    expect(res.body.message).toBe(
      `campaign ${campaignId} accepted by Temporal; the ledger will show it once a worker has processed it (no worker answered within 0.05 s)`,
    );
    expect(temporal.started).toEqual([`campaign-${campaignId}`]);
  });

  it('still answers 201 registered: true when the registration comes in time', async () => {
    const res = await slow.call('POST', '/campaigns', office, launchBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ registered: true, view: { state: { campaignId: res.body.campaignId, status: 'running' } } });
  });

  it('still maps a start that fails before the timeout to its error status (503 Temporal unreachable, 409 already started)', async () => {
    temporal.mode = 'refuse';
    temporal.refusal = new ServiceError('Failed to start Workflow: 14 UNAVAILABLE: No connection established');
    const unreachable = await slow.call('POST', '/campaigns', office, launchBody());
    expect(unreachable).toMatchObject({ status: 503, body: { status: 503, title: 'Service Unavailable', code: 'workflow.unavailable' } });
    expect(unreachable.body.detail).not.toMatch(/UNAVAILABLE/);
    temporal.refusal = new WorkflowExecutionAlreadyStartedError('Workflow execution already started', 'campaign-x', 'campaignWorkflow');
    const duplicate = await slow.call('POST', '/campaigns', office, launchBody());
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'resource.already_exists', detail: 'campaign x already exists' } });
    expect(temporal.started).toHaveLength(2);
  });
});
