import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardWorkflowId, type Actor } from '@duban/domain';
import { fetchWorkflowHistories } from '@duban/audit';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { auditor, DAY_MS, inspector } from '../support/hazard-fixtures';
import { sharedWorkflowBundle } from '../setup/shared-workflow-bundle';

const SECRET = 'e2e-audit-secret';
const unitA: Actor = { id: 'qian', name: 'A建设公司 钱经理', role: 'unit', unitId: 'unit-audit-a' };

let api: ApiHarness;
let before: string | undefined;
beforeAll(async () => {
  // The API replays against the run's shared bundle instead of bundling the workflows itself.
  before = process.env.DUBAN_WORKFLOW_BUNDLE;
  process.env.DUBAN_WORKFLOW_BUNDLE = (await sharedWorkflowBundle()).codePath;
  api = await startApiHarness(SECRET);
});
afterAll(async () => {
  if (before === undefined) delete process.env.DUBAN_WORKFLOW_BUNDLE;
  else process.env.DUBAN_WORKFLOW_BUNDLE = before;
  await api?.close();
});

describe('GET /audit/workflows/:workflowId/replay (real Temporal, worker and PostgreSQL)', () => {
  it("gives the auditor the hazard's replay report; a unit account is refused, an id Duban does not mint is a 404", async () => {
    const created = await api.call(inspector, 'POST', '/hazards', {
      title: '配电室灭火器过期',
      description: '配电室2具灭火器压力不足',
      location: 'A公司配电室',
      industry: '建筑施工',
      unitId: unitA.unitId,
      grade: 'general',
      source: 'inspection',
      finder: '张工',
      deadline: new Date(Date.now() + 30 * DAY_MS).toISOString(),
    });
    expect(created.status).toBe(201);
    const workflowId = hazardWorkflowId(created.body.hazardId);

    const report = await api.call(auditor, 'GET', `/audit/workflows/${workflowId}/replay`);
    expect(report.status).toBe(200);
    const runs = await fetchWorkflowHistories(api.dev.client, workflowId);
    expect(report.body.workflows).toEqual([
      { workflowId, missing: false, runs: runs.map((r) => expect.objectContaining({ runId: r.runId, ok: true, eventCount: r.eventCount })) },
    ]);
    expect(report.body.summary).toMatchObject({ histories: 1, runs: runs.length, events: runs[0].eventCount, failures: 0 });

    const refused = await api.call(unitA, 'GET', `/audit/workflows/${workflowId}/replay`);
    expect(refused).toMatchObject({ status: 403, body: { code: 'permission.role_not_allowed' } });
    expect((await api.call(auditor, 'GET', '/audit/workflows/not-a-duban-workflow/replay')).status).toBe(404);
  });
});
