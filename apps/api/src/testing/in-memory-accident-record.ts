import { WorkflowNotFoundError } from '@temporalio/client';
import {
  accountabilityFiringKey,
  monthJustEnded,
  openAccountabilityAction,
  recordActionTaken,
  reviewAccidentRecord,
  SEED_ACCOUNTABILITY_RULES,
  type AccountabilityActionState,
  type AccountabilityFiring,
  type RecordActionTaken,
} from '@duban/domain';
import {
  AccidentRecordReader,
  AccidentRecordWriter,
  type AccountabilityFiringRow,
  type ControlIndicatorRevisionRow,
  type ControlIndicatorRow,
  type PutIndicatorsInput,
} from '@duban/persistence';
import { accidentRecordReviewWorkflowId, type AccidentRecordReviewInput, type AccidentRecordReviewResult } from '@duban/workflows';
import { AccidentRecordModule } from '../accident-record/accident-record.module';
import { HealthModule } from '../health/health.module';
import { toUpdateFailure, type SentUpdate } from './fake-temporal';
import { NOW, SECRET } from './in-memory-hazards';
import { registryOverrides, type InMemoryRegistry } from './in-memory-registry';
import { startTestApp, type TestApp } from './start-test-app';

/** The firing the matrix acts on: the seed's summons rule for 西湖区 (330106), one 重大 accident in 2026. */
export const MATRIX_FIRING: AccountabilityFiring = {
  ruleId: 'county-major-summons',
  rule: SEED_ACCOUNTABILITY_RULES[0]!,
  territoryId: '330106',
  period: '2026',
  instrument: 'summons',
  accidentIds: ['a-major'],
  firedOn: '2026-02-20',
};
export const MATRIX_FIRING_KEY = accountabilityFiringKey(MATRIX_FIRING);
/** A review run on record before the matrix starts. */
export const MATRIX_REVIEW_RUN_ID = '5e1f0000-0000-4000-8000-000000000301';

/**
 * The accident record's HTTP specs' world: in-memory caps, revisions and firings, and a fake
 * Temporal that runs the domain's own review and the obligation's update (as the workflows do).
 * What the real workflows and PostgreSQL do is covered by test/workflows/accident-record-review
 * and libs/persistence's accident-record spec.
 */
export class InMemoryAccidentRecord {
  indicatorRows: ControlIndicatorRow[] = [];
  revisionRows: ControlIndicatorRevisionRow[] = [];
  firingRows = new Map<string, AccountabilityFiringRow>();
  actions = new Map<string, AccountabilityActionState>();
  runs = new Map<string, AccidentRecordReviewResult>();
  readonly updates: SentUpdate[] = [];

  /** A firing found by an earlier review, its obligation open. */
  seedFiring(firing: AccountabilityFiring): void {
    const action = openAccountabilityAction(firing, NOW);
    this.actions.set(action.firingKey, action);
    this.firingRows.set(action.firingKey, {
      ...firing,
      firingKey: action.firingKey,
      kind: firing.kind ?? null,
      workflowId: `accountability-action-${action.firingKey}`,
      status: action.status,
      openedAt: action.openedAt,
      due: action.due,
      overdueAt: null,
      heldAt: null,
      minutes: null,
      recordedBy: null,
      recordedAt: null,
    });
  }

  /** A review run before the spec (as the matrix needs one to read). */
  seedRun(runId: string, asOf?: string): void {
    this.review(accidentRecordReviewWorkflowId(runId), asOf ? { asOf } : {});
  }

  private review(workflowId: string, input: AccidentRecordReviewInput): AccidentRecordReviewResult {
    const month = monthJustEnded(input.asOf ? new Date(input.asOf) : NOW);
    const review = reviewAccidentRecord({ facts: [], territories: {}, indicators: this.indicatorRows }, month);
    const result = {
      month,
      checks: review.checks.map((c) => ({ indicatorId: c.indicator.id, used: c.used, status: c.status })),
      firings: {},
      started: [],
    };
    this.runs.set(workflowId, result);
    return result;
  }

  private handle(workflowId: string) {
    const firingKey = workflowId.replace(/^accountability-action-/, '');
    const missing = () => new WorkflowNotFoundError('not found', workflowId, undefined);
    return {
      executeUpdate: async (update: { name: string }, options: { args: [RecordActionTaken] }) => {
        this.updates.push({ workflowId, name: update.name, args: JSON.parse(JSON.stringify(options.args)) });
        const state = this.actions.get(firingKey);
        if (!state || state.status === 'done') throw missing();
        try {
          const next = recordActionTaken(state, options.args[0], NOW);
          this.actions.set(firingKey, next);
          return next;
        } catch (error) {
          throw toUpdateFailure(error);
        }
      },
      query: async () => this.actions.get(firingKey) ?? Promise.reject(missing()),
      describe: async () => {
        if (!this.runs.has(workflowId)) throw missing();
        return { status: { name: 'COMPLETED' } };
      },
      result: async () => this.runs.get(workflowId) ?? Promise.reject(missing()),
    };
  }

  readonly client = {
    workflow: {
      start: async (_type: string, options: { workflowId: string; args: [AccidentRecordReviewInput] }) => {
        this.review(options.workflowId, options.args[0]);
        return this.handle(options.workflowId);
      },
      getHandle: (workflowId: string) => this.handle(workflowId),
    },
  };

  /** Where the registry places regions (the SQL reads the registry's tables); set by whoever builds the world. */
  registry: { regionPathOf(regionId: string): string[] | null } = { regionPathOf: () => null };

  /** `regionId` is `ancestorId` or below it in the registry (any, when none is asked for), as the reader's SQL has it. */
  private atOrBelow(regionId: string, ancestorId: string | undefined): boolean {
    return ancestorId === undefined || (this.registry.regionPathOf(regionId) ?? [regionId]).includes(ancestorId);
  }

  readonly reader: Partial<AccidentRecordReader> = {
    indicators: async (year, regionId) => this.indicatorRows.filter((r) => r.year === year && (regionId === undefined || r.regionId === regionId)),
    revisions: async (regionId, year) => this.revisionRows.filter((r) => r.regionId === regionId && r.year === year).reverse(),
    checks: async () => [],
    firings: async ({ territoryId, withinRegionId, year, keys }) =>
      [...this.firingRows.values()].filter(
        (f) =>
          this.atOrBelow(f.territoryId, territoryId) &&
          this.atOrBelow(f.territoryId, withinRegionId) &&
          (year === undefined || f.period === String(year)) &&
          (keys === undefined || keys.includes(f.firingKey)),
      ),
    firing: async (key) => this.firingRows.get(key),
  };

  readonly writer: Partial<AccidentRecordWriter> = {
    putIndicators: async (input: PutIndicatorsInput) => {
      const revision = this.revisionRows.filter((r) => r.regionId === input.regionId && r.year === input.year).length + 1;
      const setBy = { id: input.setBy.id, name: input.setBy.name, role: input.setBy.role };
      const at = input.at.toISOString();
      this.indicatorRows = [
        ...this.indicatorRows.filter((r) => r.regionId !== input.regionId || r.year !== input.year),
        ...input.indicators.map((i) => ({ ...i, setBy, setAt: at, reason: input.reason })),
      ];
      this.revisionRows.push({
        regionId: input.regionId,
        year: input.year,
        revision,
        indicators: input.indicators,
        setBy,
        setAt: at,
        reason: input.reason,
      });
      return { revision, changed: true };
    },
  };
}

/** The accident record's API over `record`'s fake Temporal and stores, and `registry`'s regions, listening on a free port. */
export function startAccidentRecordApp(record: InMemoryAccidentRecord, registry: InMemoryRegistry): Promise<TestApp> {
  record.registry = registry;
  return startTestApp({
    secret: SECRET,
    now: NOW,
    client: record.client,
    imports: [HealthModule, AccidentRecordModule],
    overrides: [[AccidentRecordReader, record.reader], [AccidentRecordWriter, record.writer], ...registryOverrides(registry)],
  });
}
