import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { STANDARD_HAZARD_POLICY } from '@duban/domain';
import type { HazardWorkflowInput } from '@duban/workflows';
import { inspector, office, unitA, unitB } from '../testing/actors';
import type { TestApp } from '../testing/start-test-app';
import { gatedStarts } from '../testing/fake-temporal';
import { useHazardSpecApp, report, startHazardApp } from '../testing/in-memory-hazards';

/** POST /hazards (隐患登记): admission, the workflow start, and the 202 when no worker registers it in time. */
const spec = useHazardSpecApp();
const { hazards, call } = spec;

describe('POST /hazards', () => {
  it('admits a report, starts the workflow by name with update-with-start, and answers 201 { hazardId, registered: true, state }', async () => {
    const res = await call('POST', '/hazards', inspector, { ...report, policyId: 'standard-2026' });
    expect(res.status).toBe(201);
    const { hazardId, state } = res.body;
    expect(res.headers.get('location')).toBe(`/hazards/${hazardId}`);
    expect(Object.keys(res.body).sort()).toEqual(['hazardId', 'registered', 'state']);
    expect(res.body.registered).toBe(true);
    expect(hazardId).toMatch(/^[0-9a-f-]{36}$/);
    expect(state).toMatchObject({ hazardId, status: 'awaiting_plan', listedForSupervision: true, reportedBy: inspector });
    expect(hazards.started).toHaveLength(1);
    const [start] = hazards.started;
    expect(start.workflowType).toBe('hazardWorkflow');
    expect(start.options).toMatchObject({ workflowId: `hazard-${hazardId}`, taskQueue: 'duban', workflowIdConflictPolicy: 'FAIL' });
    const [input] = start.options.args as HazardWorkflowInput[];
    const { calendar, ...rest } = input;
    expect(rest).toEqual({ hazardId, report: { ...report }, reporter: inspector, policy: STANDARD_HAZARD_POLICY });
    // The work calendar is resolved by the API and handed over: the year before the report's on (package years here).
    expect(Object.keys(calendar!.years)).toEqual(['2025', '2026']);
    expect(calendar!.version).toMatch(/^2025:chinese-days@1\.5\.7\+2026:chinese-days@1\.5\.7#[0-9a-f]{12}$/);
  });

  it('refuses before starting anything: bad deadline, unknown policyId, forged actor, unit reporting for another unit', async () => {
    const past = await call('POST', '/hazards', inspector, { ...report, deadline: '2026-03-01T00:00:00.000Z' });
    expect(past).toMatchObject({
      status: 400,
      body: { code: 'hazard.deadline.not_in_future', field: 'deadline', detail: 'deadline must be in the future' },
    });
    const policy = await call('POST', '/hazards', inspector, { ...report, policyId: 'nope' });
    expect(policy).toMatchObject({ status: 400, body: { code: 'hazard.policy.unknown', field: 'policyId' } });
    expect(policy.body.detail).toMatch(/unknown policyId "nope"; known: standard-2026/);
    const forged = await call('POST', '/hazards', inspector, { ...report, actor: office });
    expect(forged).toMatchObject({
      status: 400,
      body: {
        code: 'request.invalid',
        field: 'actor',
        detail: 'property actor should not exist',
        errors: [{ field: 'actor', detail: 'property actor should not exist' }],
      },
    });
    const other = await call('POST', '/hazards', unitB, report);
    expect(other).toMatchObject({ status: 403, body: { code: 'permission.own_unit_only' } });
    expect(other.body.detail).toMatch(/unit unit-b may act only on its own hazards/);
    expect(hazards.started).toEqual([]);
  });

  it('lets a unit self-report for itself', async () => {
    const res = await call('POST', '/hazards', unitA, { ...report, source: 'self_inspection', grade: 'general' });
    expect(res.status).toBe(201);
    expect(res.body.state.reportedBy).toEqual(unitA);
  });
});

describe('POST /hazards when no worker registers the hazard in time (registrationTimeoutMs)', () => {
  const TIMEOUT_MS = 50;
  const temporal = gatedStarts(hazards.client);
  let slow: TestApp;

  beforeAll(async () => {
    slow = await startHazardApp(hazards, temporal.client, TIMEOUT_MS);
  });

  afterAll(async () => {
    await slow?.close();
  });

  beforeEach(() => {
    temporal.mode = 'answer';
    temporal.started.length = 0;
  });

  it('answers 202 { hazardId, registered: false, message } once the timeout passes, leaving the start in place', async () => {
    temporal.mode = 'hang';
    const startedAt = Date.now();
    const res = await slow.call('POST', '/hazards', inspector, report);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(res.status).toBe(202);
    expect(Object.keys(res.body).sort()).toEqual(['hazardId', 'message', 'registered']);
    const { hazardId } = res.body;
    expect(res.headers.get('location')).toBe(`/hazards/${hazardId}`);
    expect(res.headers.get('retry-after')).toBe('10');
    expect(hazardId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.registered).toBe(false);
    expect(res.body.message).toBe(
      `hazard ${hazardId} accepted by Temporal; the ledger will show it once a worker has processed it (no worker answered within 0.05 s)`,
    );
    expect(temporal.started).toEqual([`hazard-${hazardId}`]);
  });

  it('still answers 201 registered: true when the registration comes in time', async () => {
    const res = await slow.call('POST', '/hazards', inspector, report);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ registered: true, state: { hazardId: res.body.hazardId, status: 'awaiting_plan' } });
  });

  it('still maps a start that fails before the timeout to its error status (503 Temporal unreachable, 409 already started)', async () => {
    temporal.mode = 'refuse';
    temporal.refusal = new ServiceError('Failed to start Workflow: 14 UNAVAILABLE: No connection established');
    const unreachable = await slow.call('POST', '/hazards', inspector, report);
    expect(unreachable).toMatchObject({ status: 503, body: { status: 503, title: 'Service Unavailable', code: 'workflow.unavailable' } });
    expect(unreachable.body.detail).not.toMatch(/UNAVAILABLE/);
    temporal.refusal = new WorkflowExecutionAlreadyStartedError('Workflow execution already started', 'hazard-x', 'hazardWorkflow');
    const duplicate = await slow.call('POST', '/hazards', inspector, report);
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'resource.already_exists', detail: 'hazard x already exists' } });
    expect(temporal.started).toHaveLength(2);
  });
});
