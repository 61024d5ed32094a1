import { Global, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { WithStartWorkflowOperation } from '@temporalio/client';
import {
  AccidentLedgerReader,
  AccidentRecordReader,
  AccidentRecordWriter,
  AccountStore,
  AuthSessions,
  CampaignLedgerReader,
  CampaignTaskReader,
  EnforcementLedgerReader,
  CovertExposurePublications,
  CovertInspectionLedgerReader,
  EnforcementRecordStore,
  EvidenceFiles,
  ReconciliationStore,
  HazardLedgerReader,
  SignedInspectionReader,
  TipOffLedgerReader,
  WorkCalendarYears,
} from '@duban/persistence';
import { InMemoryWorkCalendarYears } from '../in-memory-work-calendar';
import { campaignTasksOf } from '../in-memory-campaign-tasks';
import { API_ROUTE_MODULES } from '../../api.module';
import { AuditReplayer } from '../../audit/audit-replayer';
import { auditReplayerStandIn } from '../../audit/testing/audit-replayer-stand-in';
import { AuditBundleExporter } from '../../audit/audit-bundle-exporter';
import { auditBundleExporterStandIn } from '../../audit/testing/audit-bundle-exporter-stand-in';
import { MATRIX_ACCOUNTS } from '../../auth/testing/matrix-accounts';
import { CAMPAIGN_TEMPLATE_STORE } from '../../campaigns/campaign-template-store';
import { AUTH_CONFIG } from '../../config/api-config.tokens';
import { inspector } from '../actors';
import { launchBody, launchCampaign, SECRET, UNITS } from '../campaign-spec-fixtures';
import { FakeCampaignWorld, NOW } from '../fake-campaign-world';
import { accidentReport, InMemoryAccidents } from '../in-memory-accidents';
import { InMemoryEnforcement, openCaseBody } from '../in-memory-enforcement';
import { InMemoryAccidentRecord, MATRIX_FIRING, MATRIX_REVIEW_RUN_ID } from '../in-memory-accident-record';
import { InMemoryEnforcementRecord, MATRIX_ENFORCEMENT_REVIEW_RUN_ID } from '../in-memory-enforcement-record';
import { InMemoryReconciliation, MATRIX_RECONCILIATION_RUN_ID } from '../in-memory-reconciliation';
import { InMemoryHazards, reportSampleHazard } from '../in-memory-hazards';
import { InMemoryTipOffs, MATRIX_TIP_OFF_ID, sampleTip } from '../in-memory-tip-offs';
import { registryOverrides, seededRegistry } from '../in-memory-registry';
import { startTestApp, type TestApp } from '../start-test-app';
import { MATRIX_ACCIDENT_IDS } from './accident-recipes';
import { MATRIX_CASE_IDS } from './enforcement-recipes';
import { InMemoryCovertInspections } from '../in-memory-covert-inspections';
import { inMemorySignedInspections } from '../in-memory-signed-inspections';
import { seedMatrixCovertInspections } from './covert-inspection-recipes';
import { countyOffice, MATRIX_SEED } from './matrix-callers';
import { EVIDENCE_STORE } from '../../evidence/evidence-store.provider';
import { InMemoryEvidence } from '../in-memory-evidence';
import { seedMatrixEvidence } from './evidence-recipes';
import type { MatrixPlaces } from './matrix-expectations';

/** The objects the matrix acts on: one campaign over unit-a and unit-b launched by their county's office, a hazard of each, and the registry's REGISTRY_SEED with MATRIX_SEED. */
export interface MatrixWorld {
  api: TestApp;
  /** Where units and regions sit, and the campaign's region: what expectations are computed from. */
  places: MatrixPlaces;
  campaignId: string;
  hazardIds: { own: string; other: string };
  /** How many times the API has reached Temporal so far (any start, handle, update or query). */
  temporalCalls(): number;
}

/** A PostgreSQL that answers (for the readiness check); the ledger itself is in memory. */
@Global()
@Module({})
class AnsweringDataSourceModule {
  static create(): DynamicModule {
    const dataSource = { options: { type: 'postgres' }, query: async () => [{ '?column?': 1 }] };
    return {
      module: AnsweringDataSourceModule,
      providers: [{ provide: getDataSourceToken(), useValue: dataSource }],
      exports: [getDataSourceToken()],
    };
  }
}

/**
 * Every route module of the API (API_ROUTE_MODULES, what ApiModule mounts) with its real guards,
 * pipes and object checks, over one fake Temporal for hazards and campaigns (each running the
 * domain's own decisions) and in-memory ledgers; every call to Temporal counted.
 */
export async function startMatrixWorld(): Promise<MatrixWorld> {
  const hazards = new InMemoryHazards();
  const campaigns = new FakeCampaignWorld();
  const tipOffs = new InMemoryTipOffs();
  tipOffs.seed({ ...sampleTip, tipOffId: MATRIX_TIP_OFF_ID } as never);
  const accidents = new InMemoryAccidents();
  const enforcement = new InMemoryEnforcement();
  const record = new InMemoryAccidentRecord();
  record.seedFiring(MATRIX_FIRING);
  record.seedRun(MATRIX_REVIEW_RUN_ID);
  const enforcementRecord = new InMemoryEnforcementRecord();
  for (const unitId of ['unit-a', 'unit-b']) enforcementRecord.seed(unitId);
  enforcementRecord.seedRun(MATRIX_ENFORCEMENT_REVIEW_RUN_ID);
  const reconciliation = new InMemoryReconciliation();
  reconciliation.seedRun(MATRIX_RECONCILIATION_RUN_ID);
  const covert = new InMemoryCovertInspections();
  await seedMatrixCovertInspections(covert);
  const evidence = new InMemoryEvidence();
  await seedMatrixEvidence(evidence);
  let calls = 0;
  const isRecord = (workflowId: string) => workflowId.startsWith('accident-record-review-') || workflowId.startsWith('accountability-action-');
  /** Which stand-in answers a workflow id, by its prefix (workflow-ids.ts); the campaigns' answers the rest. */
  const byPrefix: Array<[string, { client: unknown }]> = [
    ['hazard-', hazards],
    ['tip-off-', tipOffs],
    ['accident-', accidents],
    ['enforcement-case-', enforcement],
    ['covert-inspection-', covert],
    ['enforcement-record-review-', enforcementRecord],
    ['reconciliation-', reconciliation],
  ];
  const fakeFor = (workflowId: string) =>
    (byPrefix.find(([prefix]) => workflowId.startsWith(prefix))?.[1] ?? campaigns).client as typeof campaigns.client;
  const client = {
    options: { namespace: 'default' },
    connection: { withAbortSignal: <T>(_signal: AbortSignal, fn: () => Promise<T>) => fn() },
    workflowService: { describeNamespace: async () => ({}) },
    workflow: {
      executeUpdateWithStart: (update: unknown, options: { startWorkflowOperation: WithStartWorkflowOperation<never> }) => {
        calls++;
        const { workflowId } = options.startWorkflowOperation.options as { workflowId: string };
        return fakeFor(workflowId).workflow.executeUpdateWithStart(update, options);
      },
      start: (workflowType: string, options: { workflowId: string; args: never }) => {
        calls++;
        // The runs on demand: the accident record's review, or the stand-in its prefix names (规则运行).
        const starter = (isRecord(options.workflowId) ? record.client : fakeFor(options.workflowId)) as unknown as typeof record.client;
        return starter.workflow.start(workflowType, options);
      },
      getHandle: (workflowId: string) => {
        calls++;
        return isRecord(workflowId) ? record.client.workflow.getHandle(workflowId) : fakeFor(workflowId).workflow.getHandle(workflowId);
      },
    },
  };
  const hazardLedger: Partial<HazardLedgerReader> = {
    ...campaigns.hazards,
    ...hazards.ledger,
    ...covert.hazards,
    escalations: async () => [],
    summary: async () => ({
      total: 0,
      byStatus: { awaiting_plan: 0, rectifying: 0, awaiting_verification: 0, signed_off: 0 },
      byGrade: { general: 0, major: 0 },
      overdue: 0,
      overdueOpen: 0,
      listedForSupervision: 0,
      byListingLevel: { county: 0, city: 0, province: 0 },
      delisted: 0,
      underMonitoring: 0,
    }),
  };
  const registry = await seededRegistry(NOW, MATRIX_SEED);
  // The fakes' lists are bounded by the registry's places, as the SQL ones are.
  hazards.places = registry;
  campaigns.placeOf = accidents.placeOf = enforcement.placeOf = (unitId) => registry.placeOf(unitId);
  enforcementRecord.registry = record.registry = registry;
  // An accident of each target unit, recorded by its unit (事故快报).
  const seedAccident = (target: 'own' | 'other', unitId: string) =>
    accidents.seed(MATRIX_ACCIDENT_IDS[target], { ...accidentReport, unitId, regionId: '330106001' }, { ...inspector, role: 'unit', unitId });
  seedAccident('own', 'unit-a');
  seedAccident('other', 'unit-b');
  // A case against each target unit, opened by the office (立案).
  for (const [target, unitId] of [
    ['own', 'unit-a'],
    ['other', 'unit-b'],
  ] as const)
    enforcement.seed(
      MATRIX_CASE_IDS[target],
      { ...openCaseBody, unitId, regionId: '330106001', industryId: 'chemicals', origin: 'office' },
      countyOffice,
    );
  campaigns.regionPathOf = (regionId) => registry.regionPathOf(regionId);
  tipOffs.regionPathOf = (regionId) => registry.regionPathOf(regionId);
  const api = await startTestApp({
    secret: SECRET,
    now: NOW,
    client,
    imports: [AnsweringDataSourceModule.create(), ...API_ROUTE_MODULES],
    overrides: [
      [HazardLedgerReader, hazardLedger],
      [AccidentLedgerReader, accidents.ledger],
      [EnforcementLedgerReader, enforcement.ledger],
      [CovertInspectionLedgerReader, covert.ledger],
      [CovertExposurePublications, covert.publications],
      [CampaignLedgerReader, campaigns.ledger],
      [CampaignTaskReader, campaignTasksOf(campaigns)],
      [TipOffLedgerReader, tipOffs.ledger],
      [AccidentRecordReader, record.reader],
      [AccidentRecordWriter, record.writer],
      [EnforcementRecordStore, enforcementRecord.store],
      [SignedInspectionReader, inMemorySignedInspections(hazards.ledger.unitOf!, accidents.ledger.unitOf!, NOW)],
      [AuditReplayer, auditReplayerStandIn(client)],
      [AuditBundleExporter, auditBundleExporterStandIn(client)],
      [EvidenceFiles, evidence.files],
      [EVIDENCE_STORE, evidence.store],
      [ReconciliationStore, reconciliation.store],
      [WorkCalendarYears, new InMemoryWorkCalendarYears()],
      [CAMPAIGN_TEMPLATE_STORE, campaigns.templates],
      ...registryOverrides(registry),
      [AccountStore, MATRIX_ACCOUNTS.store.accounts],
      [AuthSessions, MATRIX_ACCOUNTS.store.sessions],
      [AUTH_CONFIG, MATRIX_ACCOUNTS.config],
    ],
  });
  const campaignId = await launchCampaign(api, launchBody({}, { units: UNITS.filter((u) => u.unitId !== 'town-1') }), countyOffice);
  const own = await reportSampleHazard(api, inspector, { unitId: 'unit-a' });
  const other = await reportSampleHazard(api, inspector, { unitId: 'unit-b' });
  const places: MatrixPlaces = {
    placeOf: (unitId) => registry.placeOf(unitId),
    regionPathOf: (regionId) => registry.regionPathOf(regionId),
    campaignRegionId: countyOffice.regionId!,
  };
  return { api, places, campaignId, hazardIds: { own, other }, temporalCalls: () => calls };
}
