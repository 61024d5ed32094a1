import { WorkflowNotFoundError } from '@temporalio/client';
import { cstDate, withinBounds, type Place } from '@duban/domain';
import { EnforcementRecordStore, type BlacklistChangeRow, type EnforcementRecordFilter, type FiringRow } from '@duban/persistence';
import type { EnforcementRecordReviewInput, EnforcementRecordReviewResult } from '@duban/workflows';
import { EnforcementRecordModule } from '../enforcement-record/enforcement-record.module';
import { HealthModule } from '../health/health.module';
import { NOW, SECRET } from './in-memory-hazards';
import { registryOverrides, type InMemoryRegistry } from './in-memory-registry';
import { startTestApp, type TestApp } from './start-test-app';

/** A review run on record before the matrix starts. */
export const MATRIX_ENFORCEMENT_REVIEW_RUN_ID = '5e1f0000-0000-4000-8000-000000000401';

/** A firing of the repeat-violation rule against `unitId` (北山街道 330106001), as a review recorded it. */
export const sampleFiring = (unitId: string): FiringRow => ({
  firingKey: `repeat-serious-violation:${unitId}:v-1,v-2`,
  ruleId: 'repeat-serious-violation',
  unitId,
  regionId: '330106001',
  violationIds: ['v-1', 'v-2'],
  caseIds: ['c-1', 'c-2'],
  windowFrom: '2026-02-03',
  windowTo: '2026-03-02',
  firedOn: '2026-02-20',
  measure: '提请关闭 (关闭整顿)',
  accountable: '县级人民政府',
  runId: 'enforcement-record-review-earlier',
  recordedAt: '2026-02-21T16:30:00.000Z',
});

/** 屡纠不改 → 黑名单: `unitId`'s entry, recorded by Duban's review. */
export const sampleEntry = (unitId: string): BlacklistChangeRow => ({
  changeKey: `repeated-after-correction:${unitId}:2026-02-20:entry`,
  ruleId: 'repeated-after-correction',
  unitId,
  kind: 'entry',
  onDay: '2026-02-20',
  enteredOn: '2026-02-20',
  violationIds: ['v-1', 'v-2'],
  exposure: true,
  actor: { id: 'duban', name: 'Duban', role: 'system' },
  at: '2026-02-21T16:30:00.000Z',
  reason: '屡纠不改',
  runId: 'enforcement-record-review-earlier',
});

/**
 * The enforcement record's HTTP specs' world: in-memory firings and blacklist changes, and a fake
 * Temporal whose review answers every row on record (none new). What the real workflow, activity
 * and PostgreSQL do is covered by the review's temporal test and libs/persistence's spec.
 */
export class InMemoryEnforcementRecord {
  firingRows: FiringRow[] = [];
  changeRows: BlacklistChangeRow[] = [];
  runs = new Map<string, EnforcementRecordReviewResult>();

  seed(unitId: string): void {
    this.firingRows.push(sampleFiring(unitId));
    this.changeRows.push(sampleEntry(unitId));
  }

  /** A review run before the spec (as the matrix needs one to read). */
  seedRun(runId: string): void {
    this.review(`enforcement-record-review-${runId}`, {});
  }

  private review(workflowId: string, input: EnforcementRecordReviewInput): EnforcementRecordReviewResult {
    const result = {
      runId: workflowId,
      asOf: input.asOf ?? cstDate(NOW),
      firings: this.firingRows.map((f) => f.firingKey),
      newFirings: [],
      blacklistChanges: this.changeRows.map((c) => c.changeKey),
      newBlacklistChanges: [],
      reason: input.reason ?? null,
      requestedBy: input.requestedBy ?? null,
    };
    this.runs.set(workflowId, result);
    return result;
  }

  private handle(workflowId: string) {
    const missing = () => new WorkflowNotFoundError('not found', workflowId, undefined);
    return {
      describe: async () => {
        if (!this.runs.has(workflowId)) throw missing();
        return { status: { name: 'COMPLETED' } };
      },
      result: async () => this.runs.get(workflowId) ?? Promise.reject(missing()),
    };
  }

  readonly client = {
    workflow: {
      start: async (_type: string, options: { workflowId: string; args: [EnforcementRecordReviewInput] }) => {
        this.review(options.workflowId, options.args[0]);
        return this.handle(options.workflowId);
      },
      getHandle: (workflowId: string) => this.handle(workflowId),
    },
  };

  /** Where the registry places units and regions (the SQL reads the registry's tables); set by whoever builds the world. */
  registry: { placeOf(unitId: string): Place; regionPathOf(regionId: string): string[] | null } = {
    placeOf: (unitId) => ({ unitId, regionPath: null, industryPath: null }),
    regionPathOf: () => null,
  };

  /** The store's filter, as its SQL applies it: unit, keys, bounds on the unit's place, and a region at or below. */
  private passes(filter: EnforcementRecordFilter, row: { unitId: string; key: string; regionId?: string }): boolean {
    const regionPath = row.regionId === undefined ? null : (this.registry.regionPathOf(row.regionId) ?? [row.regionId]);
    return (
      (filter.unitId === undefined || row.unitId === filter.unitId) &&
      (filter.keys === undefined || filter.keys.includes(row.key)) &&
      (filter.bounds === undefined || withinBounds(filter.bounds, this.registry.placeOf(row.unitId))) &&
      (filter.regionId === undefined || (regionPath !== null && regionPath.includes(filter.regionId)))
    );
  }

  readonly store: Partial<EnforcementRecordStore> = {
    firings: async (filter = {}) => this.firingRows.filter((f) => this.passes(filter, { unitId: f.unitId, key: f.firingKey, regionId: f.regionId })),
    blacklistChanges: async (filter = {}) => this.changeRows.filter((c) => this.passes(filter, { unitId: c.unitId, key: c.changeKey })),
  };
}

/** The enforcement record's API over `record`'s fake Temporal and store, and `registry`'s places, listening on a free port. */
export function startEnforcementRecordApp(record: InMemoryEnforcementRecord, registry: InMemoryRegistry): Promise<TestApp> {
  record.registry = registry;
  return startTestApp({
    secret: SECRET,
    now: NOW,
    client: record.client,
    imports: [HealthModule, EnforcementRecordModule],
    overrides: [[EnforcementRecordStore, record.store], ...registryOverrides(registry)],
  });
}
