import {
  accidentDecider,
  accidentWorkflowId,
  foldAccidentOpening,
  openAccidentFile,
  openGates,
  STANDARD_ACCIDENT_POLICY,
  withinBounds,
  type AccidentCommand,
  type AccidentStreamIds,
  type AccidentReport,
  type AccidentState,
  type Actor,
  type NewAccidentEvent,
  type HazardStatus,
  type Place,
} from '@duban/domain';
import { AccidentLedgerReader, HazardLedgerReader, RegistryReader, type AccidentLedgerFilter, type AccidentLedgerRow } from '@duban/persistence';
import { ACCIDENT_COMMAND_UPDATES, type AccidentWorkflowInput } from '@duban/workflows';
import { AccidentsModule } from '../accidents/accidents.module';
import { HealthModule } from '../health/health.module';
import { commandsByUpdateName, FakeDecidingTemporal } from './fake-deciding-temporal';
import { startTestApp, type TestApp } from './start-test-app';
import { streamOf } from './list-as-stream';

/**
 * The accident HTTP specs' world: a fake Temporal client that runs the domain's own decisions
 * (as the workflow's validators and handlers do) and an in-memory ledger. What the real workflow
 * and PostgreSQL do is covered by the end-to-end tests.
 */
export const SECRET = 'accident-spec-secret';
export const NOW = new Date('2026-03-02T08:00:00.000Z');

const COMMAND_OF = commandsByUpdateName<AccidentCommand['type']>(ACCIDENT_COMMAND_UPDATES);

/** A 较大 (larger) 中毒窒息 accident of unit-a, reported by the unit half an hour after it happened. */
export const accidentReport: Omit<AccidentReport, 'regionId'> = {
  occurredAt: '2026-03-02T06:00:00.000Z',
  location: '污水处理站调节池',
  unitId: 'unit-a',
  industry: '危险化学品',
  sector: 'industry_trade',
  kind: 'poisoning_asphyxiation',
  casualties: { deaths: 3, missing: 0, seriousInjuries: 1, directLossYuan: 4_000_000 },
  livesEndangered: 4,
  account: '清理调节池作业时发生中毒窒息, 施救人员盲目施救',
  reporter: '张三 (企业主要负责人)',
  reportedAt: '2026-03-02T06:30:00.000Z',
};

export class InMemoryAccidents extends FakeDecidingTemporal<
  AccidentWorkflowInput,
  AccidentState,
  AccidentCommand,
  NewAccidentEvent,
  AccidentStreamIds
> {
  listFilters: AccidentLedgerFilter[] = [];
  /** The hazard ledger's rows the link reads (id → unit and status). */
  hazards = new Map<string, { unitId: string; status: HazardStatus }>();
  /** Where each unit sits, for the region of a report and the lists' bounds (by default only ids are known). */
  placeOf: (unitId: string) => Place = (unitId) => ({ unitId, regionPath: null, industryPath: null });

  constructor() {
    super({
      idPrefix: accidentWorkflowId(''),
      open: (input) => ({
        id: input.accidentId,
        ...foldAccidentOpening(openAccidentFile(input.accidentId, input.report, input.recorder, input.policy, NOW)),
      }),
      commandOf: COMMAND_OF,
      decide: (state, command) => accidentDecider.decide(state, command, NOW),
      applier: accidentDecider,
    });
  }

  /** An accident on record without going through the API (the matrix's objects). */
  seed(accidentId: string, report: AccidentReport, recorder: Actor): void {
    this.start({ accidentId, report, recorder, policy: STANDARD_ACCIDENT_POLICY, opening: { from: 'unit_report' } });
  }

  private row(s: AccidentState): AccidentLedgerRow {
    const i = s.investigation;
    return {
      accidentId: s.accidentId,
      workflowId: accidentWorkflowId(s.accidentId),
      unitId: s.report.unitId,
      regionId: s.report.regionId,
      industry: s.report.industry,
      sector: s.report.sector,
      kind: s.report.kind,
      grade: s.grade,
      occurredAt: s.report.occurredAt,
      recordedAt: s.recordedAt,
      recordedBy: { id: s.recordedBy.id, name: s.recordedBy.name, role: s.recordedBy.role },
      openedFrom: s.openedFrom,
      casualties: s.casualties,
      concealmentFlags: s.concealment.length,
      investigationStatus: i?.status ?? null,
      investigationLevel: i?.level ?? null,
      reportDue: i?.reportDue ?? null,
      reportOverdue: i?.overdue ?? false,
      listedByLevel: i?.listing?.committeeLevel ?? null,
      openGates: i ? openGates(i).length : null,
      closedAt: i?.closed?.at ?? null,
      campaignId: s.report.campaignId ?? null,
      policyId: s.policy.id,
      version: s.lastSeq,
      updatedAt: NOW.toISOString(),
    };
  }

  readonly ledger: Partial<AccidentLedgerReader> = {
    unitOf: async (id) => this.states.get(id)?.report.unitId,
    get: async (id) => {
      const state = this.states.get(id);
      return state && this.row(state);
    },
    snapshot: async (id) => this.states.get(id),
    list: async (filter = {}) => {
      this.listFilters.push(filter);
      const items = [...this.states.values()]
        .filter((s) => withinBounds(filter.bounds ?? {}, this.placeOf(s.report.unitId)))
        .map((s) => this.row(s))
        .filter((r) => filter.grade === undefined || r.grade === filter.grade)
        .filter((r) => filter.openGates === undefined || (r.openGates ?? 0) > 0 === filter.openGates);
      return { items, total: items.length };
    },
    events: async () => ({ items: [], next: null }),
    // The list's rows, filtered and bounded the same way, one by one as the SQL stream gives them.
    stream: (filter = {}) => streamOf(this.ledger.list!(filter)),
  };

  /** The hazard ledger as the link reads it. */
  readonly hazardLedger: Partial<HazardLedgerReader> = {
    get: async (id) => {
      const hazard = this.hazards.get(id);
      return hazard && ({ hazardId: id, ...hazard } as Awaited<ReturnType<HazardLedgerReader['get']>>);
    },
  };

  /** The registry as the report's region and the scoped checks read it. */
  readonly registry: Partial<RegistryReader> = {
    placesOf: async (unitIds) => new Map(unitIds.map((id) => [id, this.placeOf(id)])),
    regionPathOf: async () => null,
  };
}

/** The accidents API over `accidents`' fake Temporal and ledgers, listening on a free port. */
export function startAccidentApp(accidents: InMemoryAccidents, registrationTimeoutMs?: number): Promise<TestApp> {
  return startTestApp({
    secret: SECRET,
    now: NOW,
    client: accidents.client,
    imports: [HealthModule, AccidentsModule],
    overrides: [
      [AccidentLedgerReader, accidents.ledger],
      [HazardLedgerReader, accidents.hazardLedger],
      [RegistryReader, accidents.registry],
    ],
    registrationTimeoutMs,
  });
}

/** Reports the sample accident (overridden as asked) as `as`; answers its id. */
export async function reportSampleAccident(api: TestApp, as: Actor, overrides: object = {}): Promise<string> {
  const res = await api.call('POST', '/accidents', as, { regionId: 'county-east', ...accidentReport, ...overrides });
  if (res.status !== 201) throw new Error(`reporting the sample accident answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.accidentId;
}
