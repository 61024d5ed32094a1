import { useSpecApp } from './use-spec-app';
import {
  decideHazard,
  foldOpeningEvents,
  openHazardFile,
  type Actor,
  type HazardCommand,
  type HazardState,
  type HazardStreamIds,
  type NewHazardEvent,
  hazardDecider,
  hazardWorkflowId,
  withinBounds,
} from '@duban/domain';
import {
  EvidenceFiles,
  HazardLedgerReader,
  RegistryReader,
  WorkCalendarYears,
  type HazardLedgerFilter,
  type HazardLedgerRow,
} from '@duban/persistence';
import { InMemoryEvidence } from './in-memory-evidence';
import { InMemoryWorkCalendarYears } from './in-memory-work-calendar';
import {
  claimCompletionUpdate,
  decideExtensionUpdate,
  delistUpdate,
  listForSupervisionUpdate,
  reportMonitoringUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  startMonitoringUpdate,
  submitPlanUpdate,
  verifyUpdate,
  type HazardWorkflowInput,
} from '@duban/workflows';
import { HealthModule } from '../health/health.module';
import { HazardsModule } from '../hazards/hazards.module';
import { inspector } from './actors';
import { FakeDecidingTemporal } from './fake-deciding-temporal';
import { InMemoryRegistry } from './in-memory-registry';
import { startTestApp, type TestApp } from './start-test-app';
import { streamOf } from './list-as-stream';

/**
 * The hazard HTTP specs' world: a fake Temporal client that runs the domain's own decisions (as
 * the workflow's validators and handlers do) and an in-memory ledger. What the real workflow
 * and PostgreSQL do is covered by the end-to-end tests.
 */
export const SECRET = 'http-spec-secret';
export const NOW = new Date('2026-03-02T08:00:00.000Z');

const COMMAND_OF: Record<string, HazardCommand['type']> = Object.fromEntries(
  (
    [
      [submitPlanUpdate, 'submit_plan'],
      [reportProgressUpdate, 'report_progress'],
      [claimCompletionUpdate, 'claim_completion'],
      [verifyUpdate, 'verify'],
      [requestExtensionUpdate, 'request_extension'],
      [decideExtensionUpdate, 'decide_extension'],
      [startMonitoringUpdate, 'start_monitoring'],
      [reportMonitoringUpdate, 'report_monitoring'],
      [listForSupervisionUpdate, 'list_for_supervision'],
      [delistUpdate, 'delist'],
    ] as Array<[{ name: string }, HazardCommand['type']]>
  ).map(([def, type]) => [def.name, type]),
);

export class InMemoryHazards extends FakeDecidingTemporal<HazardWorkflowInput, HazardState, HazardCommand, NewHazardEvent, HazardStreamIds> {
  listFilters: HazardLedgerFilter[] = [];
  /** Where units sit (属地, 行业), for the object checks and the lists' bounds: a spec's own registry, or the matrix's (by default empty: only ids are known). */
  places = new InMemoryRegistry();

  constructor() {
    super({
      idPrefix: hazardWorkflowId(''),
      // As the workflow's awaitRegistered update answers: the state, no events.
      open: (input) => ({
        id: input.hazardId,
        events: [],
        state: foldOpeningEvents(openHazardFile(input.hazardId, input.report, input.reporter, input.policy, NOW)).state,
      }),
      commandOf: COMMAND_OF,
      decide: (state, command) => decideHazard(state, command, NOW),
      applier: hazardDecider,
    });
  }

  private row(state: HazardState): HazardLedgerRow {
    return {
      hazardId: state.hazardId,
      workflowId: hazardWorkflowId(state.hazardId),
      ...state.report,
      campaignId: state.report.campaignId ?? null,
      status: state.status,
      deadline: state.deadline,
      originalDeadline: state.report.deadline,
      reportedAt: state.reportedAt,
      reportedBy: { id: state.reportedBy.id, name: state.reportedBy.name, role: state.reportedBy.role },
      overdue: state.overdue,
      listedForSupervision: state.listedForSupervision,
      listingLevel: state.listing?.level ?? null,
      listingRegionId: state.listing?.regionId ?? null,
      listingTracker: state.listing?.tracker ? { name: state.listing.tracker.name, unitId: state.listing.tracker.unitId ?? null } : null,
      listedAt: state.listing?.listedAt ?? null,
      delistedAt: state.listing?.delisted?.at ?? null,
      underMonitoring: Boolean(state.monitoring),
      extensionsGranted: state.extensionsGranted,
      rejectionCount: state.rejectionCount,
      lastEscalationInstrument: null,
      lastEscalatedAt: null,
      signedOffAt: null,
      policyId: state.policy.id,
      version: state.lastSeq,
      updatedAt: NOW.toISOString(),
    };
  }

  readonly ledger: Partial<HazardLedgerReader> = {
    unitOf: async (id) => this.states.get(id)?.report.unitId,
    get: async (id) => {
      const state = this.states.get(id);
      return state && this.row(state);
    },
    list: async (filter = {}) => {
      this.listFilters.push(filter);
      const items = [...this.states.values()]
        .filter(
          (s) => (!filter.unitId || s.report.unitId === filter.unitId) && withinBounds(filter.bounds ?? {}, this.places.placeOf(s.report.unitId)),
        )
        .filter((s) => !filter.listingLevel || s.listing?.level === filter.listingLevel)
        .map((s) => this.row(s));
      return { items, total: items.length };
    },
    events: async () => ({ items: [], next: null }),
    // The list's rows, filtered and bounded the same way, one by one as the SQL stream gives them.
    stream: (filter = {}) => streamOf(this.ledger.list!(filter)),
  };
}

export const report = {
  title: '隧道掌子面支护不到位',
  description: '3号隧道掌子面初期支护滞后 12 米',
  location: '3号隧道',
  industry: '建筑施工',
  unitId: 'unit-a',
  grade: 'major',
  source: 'inspection',
  finder: '王五',
  deadline: '2026-04-01T00:00:00.000Z',
};

/** The hazards API over `client` (default: `hazards.client`) and `hazards`' ledger, listening on a free port. */
export function startHazardApp(hazards: InMemoryHazards, client: unknown = hazards.client, registrationTimeoutMs?: number): Promise<TestApp> {
  return startTestApp({
    secret: SECRET,
    now: NOW,
    client,
    imports: [HealthModule, HazardsModule],
    overrides: [
      [HazardLedgerReader, hazards.ledger],
      [WorkCalendarYears, new InMemoryWorkCalendarYears()],
      [EvidenceFiles, new InMemoryEvidence().files],
      // Where units sit, for a scoped caller's checks: the same places the ledger's bounds use.
      [
        RegistryReader,
        {
          placesOf: (unitIds: readonly string[]) => hazards.places.reader.placesOf!(unitIds),
          regionPathOf: (regionId: string) => hazards.places.reader.regionPathOf!(regionId),
        },
      ],
    ],
    registrationTimeoutMs,
  });
}

/** Reports the sample hazard (overridden as asked) as `as`; answers its id. */
export async function reportSampleHazard(api: TestApp, as: Actor = inspector, overrides: object = {}): Promise<string> {
  const res = await api.call('POST', '/hazards', as, { ...report, ...overrides });
  if (res.status !== 201) throw new Error(`reporting the sample hazard answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.hazardId;
}

/** A fresh world and app per spec file, emptied of recorded calls before each test. */
export function hazardSpecWorld() {
  const hazards = new InMemoryHazards();
  return {
    hazards,
    reset() {
      hazards.started.length = 0;
      hazards.updates.length = 0;
      hazards.listFilters.length = 0;
    },
  };
}

/** The hazard app for one spec file: its world, and the app started, closed and reset around its tests. */
export function useHazardSpecApp() {
  const { hazards, reset } = hazardSpecWorld();
  return Object.assign(
    useSpecApp(() => startHazardApp(hazards), reset),
    { hazards },
  );
}
