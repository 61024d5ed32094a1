import {
  covertInspectionDecider,
  covertInspectionWorkflowId,
  foldCovertInspectionOpening,
  planCovertInspection,
  STANDARD_COVERT_INSPECTION_POLICY,
  type Actor,
  type CovertInspectionCommand,
  type CovertInspectionPlan,
  type CovertInspectionState,
  type CovertInspectionStreamIds,
  type NewCovertInspectionEvent,
} from '@duban/domain';
import {
  CovertExposurePublications,
  covertExposurePublicationKey,
  CovertInspectionLedgerReader,
  HazardLedgerReader,
  RegistryReader,
  type CovertExposurePublicationRow,
  type CovertInspectionLedgerFilter,
  type CovertInspectionLedgerRow,
} from '@duban/persistence';
import { COVERT_INSPECTION_COMMAND_UPDATES, type CovertInspectionWorkflowInput } from '@duban/workflows';
import { CovertInspectionsModule } from '../covert-inspections/covert-inspections.module';
import { HealthModule } from '../health/health.module';
import { commandsByUpdateName, FakeDecidingTemporal } from './fake-deciding-temporal';
import { NOW, SECRET } from './in-memory-hazards';
import type { InMemoryRegistry } from './in-memory-registry';
import { startTestApp, type TestApp } from './start-test-app';

const COMMAND_OF = commandsByUpdateName<CovertInspectionCommand['type']>(COVERT_INSPECTION_COMMAND_UPDATES);

const PLANNER: Actor = { id: 'o-seed', name: '安委办', role: 'office' };

/** A plan over unit-a and unit-b (both drawn), led by `leader` with `members`: what the matrix and the specs act on. */
export function covertPlan(inspectionId: string, leader: Actor, members: Actor[] = []): CovertInspectionPlan {
  return {
    inspectionId,
    title: '危化企业安全生产暗访',
    regionId: '330106',
    leader: { accountId: leader.id, name: leader.name },
    members: members.map((m) => ({ accountId: m.id, name: m.name })),
    candidates: ['unit-a', 'unit-b'].map((unitId) => ({ unitId, regionId: '330106001', industryId: 'chemicals' })),
    seed: `seed-${inspectionId}`,
    stratifyBy: 'none',
    perStratum: 2,
  };
}

/**
 * The covert-inspection HTTP specs' world: a fake Temporal that runs the domain's own decisions
 * (as the workflow's validators and handlers do) and an in-memory ledger whose list applies the
 * same visibility filters as the SQL one. The real workflow and PostgreSQL are covered by
 * test/workflows/covert-inspection and the ledger's pg spec.
 */
export class InMemoryCovertInspections extends FakeDecidingTemporal<
  CovertInspectionWorkflowInput,
  CovertInspectionState,
  CovertInspectionCommand,
  NewCovertInspectionEvent,
  CovertInspectionStreamIds
> {
  listFilters: CovertInspectionLedgerFilter[] = [];

  constructor() {
    super({
      idPrefix: covertInspectionWorkflowId(''),
      open: (input) => ({
        id: input.plan.inspectionId,
        ...foldCovertInspectionOpening(planCovertInspection(input.plan, input.planner, input.policy, NOW)),
      }),
      commandOf: COMMAND_OF,
      decide: (state, command) => covertInspectionDecider.decide(state, command, NOW),
      applier: covertInspectionDecider,
    });
  }

  /** An inspection planned before the spec (the matrix needs one to act on). */
  seed(plan: CovertInspectionPlan): void {
    this.start({ plan, planner: PLANNER, policy: STANDARD_COVERT_INSPECTION_POLICY });
  }

  /** Runs one command on a seeded inspection, as its workflow would. */
  act(inspectionId: string, command: CovertInspectionCommand): Promise<unknown> {
    return this.handle(covertInspectionWorkflowId(inspectionId)).update(COVERT_INSPECTION_COMMAND_UPDATES[command.type].name, [command]);
  }

  private row(s: CovertInspectionState): CovertInspectionLedgerRow {
    const feedback = s.orders.flatMap((o) => o.feedback);
    return {
      inspectionId: s.inspectionId,
      workflowId: covertInspectionWorkflowId(s.inspectionId),
      title: s.plan.title,
      status: s.status,
      regionId: s.plan.regionId,
      sampledRegionIds: [...new Set(s.plan.candidates.filter((c) => s.sample.unitIds.includes(c.unitId)).map((c) => c.regionId))],
      sampledUnitIds: s.sample.unitIds,
      leader: s.plan.leader,
      teamAccountIds: [s.plan.leader, ...s.plan.members].map((m) => m.accountId),
      seed: s.sample.seed,
      stratifyBy: s.sample.stratifyBy,
      candidateCount: s.plan.candidates.length,
      sampleSize: s.sample.unitIds.length,
      findingCount: s.findings.length,
      majorFindingCount: s.findings.filter((f) => f.grade === 'major').length,
      orderCount: s.orders.length,
      openFeedbackCount: feedback.filter((f) => !f.acknowledged && !f.overdue).length,
      overdueFeedbackCount: feedback.filter((f) => f.overdue).length,
      listedMajorHazardCount: s.listed.length,
      nextFeedbackDue: null,
      plannedAt: s.plannedAt,
      plannedBy: { id: s.plannedBy.id, name: s.plannedBy.name, role: s.plannedBy.role },
      completedAt: s.completed?.at ?? null,
      version: s.lastSeq,
      updatedAt: NOW.toISOString(),
    };
  }

  private matches(f: CovertInspectionLedgerFilter, r: CovertInspectionLedgerRow): boolean {
    return (
      (f.status === undefined || r.status === f.status) &&
      (f.regionId === undefined || r.regionId === f.regionId) &&
      (!f.completedOnly || r.status === 'completed') &&
      (f.sampledUnitId === undefined || r.sampledUnitIds.includes(f.sampledUnitId)) &&
      (f.planVisibleToAccountId === undefined || r.status === 'completed' || r.teamAccountIds.includes(f.planVisibleToAccountId))
    );
  }

  readonly ledger: Partial<CovertInspectionLedgerReader> = {
    get: async (id) => {
      const state = this.states.get(id);
      return state && this.row(state);
    },
    snapshot: async (id) => this.states.get(id),
    list: async (filter = {}) => {
      this.listFilters.push(filter);
      const items = [...this.states.values()].map((s) => this.row(s)).filter((r) => this.matches(filter, r));
      return { items, total: items.length };
    },
    completedSnapshots: async (from, to) =>
      [...this.states.values()].filter(
        (s) => s.completed && Date.parse(s.completed.at) >= from.getTime() && Date.parse(s.completed.at) < to.getTime(),
      ),
    events: async () => ({ items: [], next: null }),
  };

  /** The hazard ledger as the exposure list reads it: these inspections' findings became no hazard (no worker here). */
  readonly hazards: Partial<HazardLedgerReader> = { byIds: async () => [] };

  /** The published exposure lists (暗访曝光), by key: a second publication answers the first, as the SQL store does. */
  readonly published = new Map<string, CovertExposurePublicationRow>();

  readonly publications: Partial<CovertExposurePublications> = {
    publish: async ({ list, actor, reason, at }) => {
      const key = covertExposurePublicationKey(list);
      const known = this.published.get(key);
      if (known) return { publication: known, created: false };
      const publication: CovertExposurePublicationRow = {
        publicationKey: key,
        from: list.from,
        to: list.to,
        regionId: list.regionId ?? null,
        industry: list.industry ?? null,
        total: list.total,
        publishedAt: at.toISOString(),
        publishedBy: { id: actor.id, name: actor.name, role: actor.role },
        reason,
        list,
      };
      this.published.set(key, publication);
      return { publication, created: true };
    },
  };
}

/** The covert-inspection API over `covert`'s fake Temporal and ledger, the registry behind it, listening on a free port. */
export function startCovertInspectionApp(covert: InMemoryCovertInspections, registry: InMemoryRegistry): Promise<TestApp> {
  return startTestApp({
    secret: SECRET,
    now: NOW,
    client: covert.client,
    imports: [HealthModule, CovertInspectionsModule],
    overrides: [
      [CovertInspectionLedgerReader, covert.ledger],
      [CovertExposurePublications, covert.publications],
      [HazardLedgerReader, covert.hazards],
      [RegistryReader, registry.reader],
    ],
  });
}
