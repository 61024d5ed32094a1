import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONCILIATION_KINDS } from '@duban/domain';
import { auditor, inspector, office, unitA } from '../testing/actors';
import { InMemoryReconciliation, MATRIX_RECONCILIATION_RUN_ID, startReconciliationApp } from '../testing/in-memory-reconciliation';
import type { TestApp } from '../testing/start-test-app';

/** 台账核对 over HTTP: an office runs it with a reason, offices and auditors read the reports, no one else. */
const world = new InMemoryReconciliation();
world.seedRun(MATRIX_RECONCILIATION_RUN_ID);
let api: TestApp;
beforeAll(async () => {
  api = await startReconciliationApp(world);
});
afterAll(async () => api?.close());

describe('reconciliation runs (台账核对)', () => {
  it('is started by an office with a reason: 201 with Location, its report read back with who, why and each drift', async () => {
    const started = await api.call('POST', '/reconciliation/runs', office, { reason: '迎检前核对 (before the inspection)' });
    expect(started).toMatchObject({ status: 201, body: { status: 'completed' } });
    const runId: string = started.body.runId;
    expect(runId).toMatch(/^reconciliation-/);
    expect(started.headers.get('location')).toBe(`/reconciliation/runs/${runId}`);
    const report = await api.call('GET', `/reconciliation/runs/${runId}`, auditor);
    expect(report).toMatchObject({
      status: 200,
      body: {
        runId,
        reason: '迎检前核对 (before the inspection)',
        startedBy: { id: office.id, role: 'office' },
        checked: 3,
        drifted: 2,
        repaired: 1,
      },
    });
    expect(report.body.drift).toEqual([
      expect.objectContaining({ kind: 'hazard', aggregateId: 'H-1', driftType: 'ledger_drift', repaired: true }),
      expect.objectContaining({ kind: 'campaign_unit', aggregateId: 'C-1/u-9', driftType: 'orphan_row', repaired: false }),
    ]);
  });

  it('declares every kind and drift type in the OpenAPI document, the orphan row with its zh label', async () => {
    const doc = (await api.call('GET', '/docs-json')).body;
    const drift = doc.components.schemas.ReconciliationDriftView.properties;
    expect(drift.kind.enum).toEqual([...RECONCILIATION_KINDS]);
    expect(drift.kind.enum).toEqual(expect.arrayContaining(['covert_inspection', 'campaign', 'campaign_unit']));
    expect(drift.driftType.enum).toEqual(['ledger_drift', 'orphan_row', 'unreadable_workflow']);
    expect(drift.driftType.description).toContain('台账有记录而流程不存在');
  });

  it('lists the latest first', async () => {
    const all = await api.call('GET', '/reconciliation/runs', office);
    expect(all.status).toBe(200);
    expect(all.body.at(-1).runId).toBe(MATRIX_RECONCILIATION_RUN_ID);
    expect(all.body[0].reason).toBe('迎检前核对 (before the inspection)');
  });

  it('needs a reason, refuses the run to auditors and inspectors and the reports to units, and names an unknown run', async () => {
    expect(await api.call('POST', '/reconciliation/runs', office, {})).toMatchObject({ status: 400 });
    expect(await api.call('POST', '/reconciliation/runs', auditor, { reason: '核对' })).toMatchObject({ status: 403 });
    expect(await api.call('POST', '/reconciliation/runs', inspector, { reason: '核对' })).toMatchObject({ status: 403 });
    expect(await api.call('GET', '/reconciliation/runs', unitA)).toMatchObject({ status: 403 });
    expect(await api.call('GET', `/reconciliation/runs/${MATRIX_RECONCILIATION_RUN_ID}`, inspector)).toMatchObject({ status: 403 });
    expect(await api.call('GET', '/reconciliation/runs/reconciliation-none', office)).toMatchObject({ status: 404 });
  });
});
