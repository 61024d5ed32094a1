import {
  enforcementCaseWorkflowId,
  enforcementDecider,
  foldEnforcementOpening,
  openEnforcementCase,
  STANDARD_ENFORCEMENT_POLICY,
  SUPERVISED_STATUSES,
  withinBounds,
  type Actor,
  type EnforcementCaseFiling,
  type EnforcementCaseState,
  type EnforcementCommand,
  type EnforcementMeasure,
  type EnforcementStreamIds,
  type NewEnforcementEvent,
  type Place,
  type UnitRecord,
} from '@duban/domain';
import { EnforcementLedgerReader, EvidenceFiles, RegistryReader, type EnforcementLedgerFilter, type EnforcementLedgerRow } from '@duban/persistence';
import { InMemoryEvidence } from './in-memory-evidence';
import { ENFORCEMENT_COMMAND_UPDATES, type EnforcementCaseWorkflowInput } from '@duban/workflows';
import { EnforcementModule } from '../enforcement/enforcement.module';
import { HealthModule } from '../health/health.module';
import { commandsByUpdateName, FakeDecidingTemporal } from './fake-deciding-temporal';
import { startTestApp, type TestApp } from './start-test-app';
import { streamOf } from './list-as-stream';

/**
 * The enforcement HTTP specs' world: a fake Temporal client that runs the domain's own decisions
 * (as the workflow's validators and handlers do), an in-memory ledger and registry. What the real
 * workflow and PostgreSQL do is covered by the end-to-end test.
 */
export const SECRET = 'enforcement-spec-secret';
export const NOW = new Date('2026-03-02T08:00:00.000Z');
export const LAW = '《安全生产法》第一百一十三条';

const COMMAND_OF = commandsByUpdateName<EnforcementCommand['type']>(ENFORCEMENT_COMMAND_UPDATES);

/** 立案 against unit-a by the office: a serious violation, the enterprise, its 法定代表人 and its 实际控制人 (一并处罚). */
export const openCaseBody: Omit<EnforcementCaseFiling, 'caseId' | 'regionId' | 'industryId'> = {
  unitId: 'unit-a',
  origin: 'inspection',
  violation: { description: '重大事故隐患排除前擅自生产', serious: true, foundAt: '2026-03-01T02:00:00.000Z', legalBasis: LAW },
  respondents: [
    { respondentId: 'r-company', role: 'enterprise', name: '甲化工有限公司' },
    { respondentId: 'r-legal', role: 'legal_representative', name: '张某 (法定代表人)' },
    { respondentId: 'r-controller', role: 'actual_controller', name: '李某 (实际控制人)' },
  ],
  legalBasis: LAW,
};

/** A unit record of the registry (enterprise, producing) in `regionId` and `industryId`. */
export const enterprise = (id: string, regionId: string, industryId: string | null): UnitRecord => ({
  id,
  name: `${id} 有限公司`,
  kind: 'enterprise',
  regionId,
  industryId,
  enterpriseKind: null,
  status: 'producing',
  licensed: true,
  creditCode: null,
});

const MEASURE_OF: Record<EnforcementMeasure, (r: EnforcementLedgerRow) => boolean> = {
  suspension: (r) => r.suspensionStatus !== null,
  closure: (r) => r.closureImposed,
  maximum_fine: (r) => r.fineTotalYuan > 0,
  judicial_referral: (r) => r.referred,
};

export class InMemoryEnforcement extends FakeDecidingTemporal<
  EnforcementCaseWorkflowInput,
  EnforcementCaseState,
  EnforcementCommand,
  NewEnforcementEvent,
  EnforcementStreamIds
> {
  listFilters: EnforcementLedgerFilter[] = [];
  /** The registry's units (单位库), by id: 立案 needs the unit there. */
  units = new Map<string, UnitRecord>([['unit-a', enterprise('unit-a', 'county-east', 'chemicals')]]);
  /** Where each unit sits, for the lists' bounds and the scoped checks (by default only ids are known). */
  placeOf: (unitId: string) => Place = (unitId) => ({ unitId, regionPath: null, industryPath: null });

  constructor() {
    super({
      idPrefix: enforcementCaseWorkflowId(''),
      open: (input) => ({
        id: input.filing.caseId,
        ...foldEnforcementOpening(openEnforcementCase(input.filing, input.opener, input.policy, NOW)),
      }),
      commandOf: COMMAND_OF,
      decide: (state, command) => enforcementDecider.decide(state, command, NOW),
      applier: enforcementDecider,
    });
  }

  /** A case on record without going through the API (the matrix's objects). */
  seed(caseId: string, filing: Omit<EnforcementCaseFiling, 'caseId'>, opener: Actor): void {
    this.start({ filing: { ...filing, caseId }, opener, policy: STANDARD_ENFORCEMENT_POLICY });
  }

  private row(s: EnforcementCaseState): EnforcementLedgerRow {
    const suspension = s.suspension;
    return {
      caseId: s.caseId,
      workflowId: enforcementCaseWorkflowId(s.caseId),
      unitId: s.unitId,
      regionId: s.regionId,
      industryId: s.industryId ?? null,
      origin: s.origin,
      sourceRef: s.sourceRef ?? null,
      status: s.status,
      suspensionStatus: suspension?.status ?? null,
      suspended: suspension !== undefined && SUPERVISED_STATUSES.has(suspension.status),
      suspendedAt: suspension?.imposed.at ?? null,
      resumedAt: suspension?.resumedAt ?? null,
      fineTotalYuan: s.fines.reduce((total, f) => total + f.amountYuan, 0),
      referred: s.referral !== undefined,
      referralOutcome: s.referral?.outcome?.outcome ?? null,
      closureImposed: s.closure !== undefined,
      criminal: s.criminal !== undefined,
      respondentCount: s.respondents.length,
      violationCount: s.violations.length,
      openedAt: s.opened.at,
      openedBy: { id: s.opened.by.id, name: s.opened.by.name, role: s.opened.by.role },
      closedAt: s.closed?.at ?? null,
      nextCheckDue: suspension?.nextCheckDue ?? null,
      missedCheckCount: suspension?.missedChecks.length ?? 0,
      version: s.lastSeq,
      updatedAt: NOW.toISOString(),
    };
  }

  readonly ledger: Partial<EnforcementLedgerReader> = {
    unitOf: async (id) => this.states.get(id)?.unitId,
    get: async (id) => {
      const state = this.states.get(id);
      return state && this.row(state);
    },
    snapshot: async (id) => this.states.get(id),
    list: async (filter = {}) => {
      this.listFilters.push(filter);
      const items = [...this.states.values()]
        .filter((s) => withinBounds(filter.bounds ?? {}, this.placeOf(s.unitId)))
        .map((s) => this.row(s))
        .filter((r) => filter.status === undefined || r.status === filter.status)
        .filter((r) => filter.measure === undefined || MEASURE_OF[filter.measure](r));
      return { items, total: items.length };
    },
    events: async () => ({ items: [], next: null }),
    // The list's rows, filtered and bounded the same way, one by one as the SQL stream gives them.
    stream: (filter = {}) => streamOf(this.ledger.list!(filter)),
  };

  /** The registry as 立案 and the scoped checks read it. */
  readonly registry: Partial<RegistryReader> = {
    get: (async (kind: string, id: string) => {
      const unit = kind === 'unit' ? this.units.get(id) : undefined;
      return unit && { kind, record: unit, version: 1, retired: false };
    }) as RegistryReader['get'],
    placesOf: async (unitIds) => new Map(unitIds.map((id) => [id, this.placeOf(id)])),
    regionPathOf: async () => null,
  };
}

/** The enforcement API over `cases`' fake Temporal, ledger and registry, listening on a free port. */
export function startEnforcementApp(cases: InMemoryEnforcement, registrationTimeoutMs?: number): Promise<TestApp> {
  return startTestApp({
    secret: SECRET,
    now: NOW,
    client: cases.client,
    imports: [HealthModule, EnforcementModule],
    overrides: [
      [EnforcementLedgerReader, cases.ledger],
      [RegistryReader, cases.registry],
      [EvidenceFiles, new InMemoryEvidence().files],
    ],
    registrationTimeoutMs,
  });
}

/** Opens the sample case (overridden as asked) as `as`; answers its id. */
export async function openSampleCase(api: TestApp, as: Actor, overrides: object = {}): Promise<string> {
  const res = await api.call('POST', '/enforcement-cases', as, { ...openCaseBody, ...overrides });
  if (res.status !== 201) throw new Error(`opening the sample case answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.caseId;
}
