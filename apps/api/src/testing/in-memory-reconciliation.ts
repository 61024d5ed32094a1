import { ReconciliationStore, type ReconciliationDriftRow, type ReconciliationRunRow } from '@duban/persistence';
import type { ReconciliationInput, ReconciliationResult } from '@duban/workflows';
import { HealthModule } from '../health/health.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { NOW, SECRET } from './in-memory-hazards';
import { startTestApp, type TestApp } from './start-test-app';

/** A run on record before the matrix starts. */
export const MATRIX_RECONCILIATION_RUN_ID = 'reconciliation-5e1f0000-0000-4000-8000-000000000501';

/**
 * Reconciliation's HTTP specs' world: a fake Temporal whose run finishes at once and writes its
 * report (one repaired drift, one orphan row) to an in-memory store. What the real workflow, activities and
 * PostgreSQL do is covered by reconciliation.temporal.test.ts and libs/persistence's spec.
 */
export class InMemoryReconciliation {
  reports = new Map<string, ReconciliationRunRow & { drift: ReconciliationDriftRow[] }>();

  seedRun(runId: string): void {
    this.run(runId, { reason: '每日台账核对 (nightly reconciliation)' });
  }

  private run(runId: string, input: ReconciliationInput): ReconciliationResult {
    const at = new Date(NOW).toISOString();
    this.reports.set(runId, {
      runId,
      startedAt: at,
      finishedAt: at,
      startedBy: input.startedBy ?? { id: 'duban', name: '督办系统', role: 'system' },
      reason: input.reason ?? '',
      checked: 3,
      drifted: 2,
      repaired: 1,
      drift: [
        { kind: 'hazard', aggregateId: 'H-1', workflowId: 'hazard-H-1', drift: { missingSeqs: [2] }, repaired: true, recordedAt: at },
        {
          kind: 'campaign_unit',
          aggregateId: 'C-1/u-9',
          workflowId: 'campaign-C-1-unit-u-9',
          drift: { orphanRow: true },
          repaired: false,
          recordedAt: at,
        },
      ],
    });
    return { runId, checked: 3, drifted: 2, repaired: 1 };
  }

  readonly client = {
    workflow: {
      start: async (_type: string, options: { workflowId: string; args: [ReconciliationInput] }) => {
        const result = this.run(options.workflowId, options.args[0]);
        return { result: async () => result };
      },
    },
  };

  readonly store: Partial<ReconciliationStore> = {
    run: async (runId) => this.reports.get(runId),
    runs: async (limit = 20) => [...this.reports.values()].reverse().slice(0, limit),
  };
}

/** Reconciliation's API over `world`'s fake Temporal and store, listening on a free port. */
export function startReconciliationApp(world: InMemoryReconciliation): Promise<TestApp> {
  return startTestApp({
    secret: SECRET,
    now: NOW,
    client: world.client,
    imports: [HealthModule, ReconciliationModule],
    overrides: [[ReconciliationStore, world.store]],
  });
}
