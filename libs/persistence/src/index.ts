export { HazardLedgerEntry } from './hazard/hazard-ledger-entry.entity';
export { HazardEventRecord } from './hazard/hazard-event-record.entity';
export { CreateHazardLedger1764057600000 } from './migrations/1764057600000-create-hazard-ledger';
export { DUBAN_ENTITIES, DUBAN_MIGRATIONS, DUBAN_MIGRATIONS_TABLE, dubanDataSourceOptions, runMigrations } from './data-source';
export { HazardLedgerWriter, type HazardLedgerRecordInput } from './hazard/hazard-ledger-writer';
export { HazardLedgerReader, LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX } from './hazard/hazard-ledger-reader';
export { EVENT_PAGE_DEFAULT, EVENT_PAGE_MAX, type EventPage } from './events/event-page';
export type {
  HazardEscalationFilter,
  HazardEscalationRow,
  HazardEventFilter,
  HazardEventRow,
  HazardLedgerFilter,
  HazardLedgerRow,
  HazardLedgerSummary,
  HazardSummaryFilter,
} from './hazard/hazard-ledger-rows';
export { CampaignLedgerEntry } from './campaign/campaign-ledger-entry.entity';
export { CampaignUnitEntry } from './campaign/campaign-unit-entry.entity';
export { CampaignEventRecord } from './campaign/campaign-event-record.entity';
export { CampaignSubmissionRecord } from './campaign/campaign-submission-record.entity';
export { CreateCampaignLedger1764144000000 } from './migrations/1764144000000-create-campaign-ledger';
export { CreateCampaignTemplate1764230400000 } from './migrations/1764230400000-create-campaign-template';
export { DropUnfilledCampaignColumns1764316800000 } from './migrations/1764316800000-drop-unfilled-campaign-columns';
export { CreateIdempotencyKey1764403200000 } from './migrations/1764403200000-create-idempotency-key';
export { IdempotencyKeyRecord } from './idempotency/idempotency-key-record.entity';
export { IdempotencyKeys, type KeyClaim, type KeyClaimInput } from './idempotency/idempotency-keys';
export {
  CampaignLedgerWriter,
  CAMPAIGN_LEVEL_UNIT_ID,
  type CampaignLedgerRecordInput,
  type CampaignUnitRecordInput,
} from './campaign/campaign-ledger-writer';
export { CampaignLedgerReader, ROSTER_PAGE_MAX } from './campaign/campaign-ledger-reader';
export type {
  CampaignCoverageRow,
  CampaignEscalationFilter,
  CampaignEscalationRow,
  CampaignEventFilter,
  CampaignEventKey,
  CampaignEventRow,
  CampaignHazardCounts,
  CampaignLedgerRow,
  CampaignListFilter,
  CampaignSubmissionFilter,
  CampaignSubmissionRow,
  CampaignUnitFilter,
  CampaignUnitRow,
  CampaignUnitScoreInputs,
  CampaignUnitStatus,
  DailyReportStatus,
} from './campaign/campaign-ledger-rows';
export { RegistryWriter } from './registry/registry-writer';
export {
  RegistryWriteRefused,
  type RegistryChange,
  type RegistryWrite,
  type RegistryWriteError,
  type RegistryWriteResult,
} from './registry/registry-write';
export { CreateRegistry1764489600000 } from './migrations/1764489600000-create-registry';
export {
  RegistryRegionVersion,
  RegistryIndustryVersion,
  RegistryCompetentDepartmentVersion,
  RegistryUnitVersion,
  RegistryPersonVersion,
  RegistryResponsibilityVersion,
} from './registry/registry-entities';
export { RegistryReader } from './registry/registry-reader';
export type { RegistryEntry, RegistryListFilter, RegistryPage } from './registry/registry-entry';
export { AccountRecord } from './account/account-record.entity';
export { AuthSessionRecord } from './account/auth-session-record.entity';
export { CreateAccounts1764576000000 } from './migrations/1764576000000-create-accounts';
export {
  AccountStore,
  type AccountChange,
  type AccountChangeRecord,
  type AccountRow,
  type CreateOutcome,
  type NewAccount,
  type SessionsToRevoke,
  type UpdateOutcome,
} from './account/account-store';
export { AuthSessions, type AuthSessionRow, type AuthSessionStatus, type NewAuthSession } from './account/auth-sessions';
export { WorkCalendarYearRecord } from './calendar/work-calendar-year-record.entity';
export { CreateWorkCalendar1764662400000 } from './migrations/1764662400000-create-work-calendar';
export { WorkCalendarYears, officeCalendarSource, type OfficeCalendarYear, type PutCalendarYearInput } from './calendar/work-calendar-years';
export { OFFICIAL_SCHEDULE_SOURCE, officialScheduleYears } from './calendar/official-schedule';
export { WorkCalendarSource, type CoveredCalendarYear } from './calendar/work-calendar-source';
export { AccidentLedgerEntry } from './accident/accident-ledger-entry.entity';
export { AccidentEventRecord } from './accident/accident-event-record.entity';
export { CreateAccidentLedger1765000000000 } from './migrations/1765000000000-create-accident-ledger';
export { AccidentRectificationLink } from './accident/accident-rectification-link.entity';
export { CreateAccidentRectificationLink1765050000000 } from './migrations/1765050000000-create-accident-rectification-link';
export { AccidentLedgerWriter, type AccidentLedgerRecordInput } from './accident/accident-ledger-writer';
export { AccidentLedgerReader } from './accident/accident-ledger-reader';
export { accidentsLinkedToHazard } from './accident/accident-rectification-links';
export type { AccidentEventFilter, AccidentEventRow, AccidentLedgerFilter, AccidentLedgerRow } from './accident/accident-ledger-rows';
export { CampaignTaskRecord } from './campaign/campaign-task-record.entity';
export { CampaignInspectionAssignmentRecord } from './campaign/campaign-inspection-assignment.entity';
export { CreateCampaignTasks1764838800000 } from './migrations/1764838800000-create-campaign-tasks';
export { CampaignTaskReader, type CampaignTaskRow, type InspectionAssignmentRow, type TargetableUnit } from './campaign/campaign-task-reader';
export { TipOffLedgerEntry } from './tip-off/tip-off-ledger-entry.entity';
export { TipOffEventRecord } from './tip-off/tip-off-event-record.entity';
export { CreateTipOffLedger1765200000000 } from './migrations/1765200000000-create-tip-off-ledger';
export { TipOffLedgerWriter, type TipOffLedgerRecordInput } from './tip-off/tip-off-ledger-writer';
export { TipOffLedgerReader } from './tip-off/tip-off-ledger-reader';
export type { TipOffEventFilter, TipOffEventRow, TipOffLedgerFilter, TipOffLedgerRow } from './tip-off/tip-off-ledger-rows';
export { ControlIndicatorRecord } from './accident-record/control-indicator-record.entity';
export { ControlIndicatorCheckRecord } from './accident-record/control-indicator-check-record.entity';
export { ControlIndicatorRevisionRecord } from './accident-record/control-indicator-revision-record.entity';
export { AccountabilityFiringRecord } from './accident-record/accountability-firing-record.entity';
export { CreateAccidentRecord1765100000000 } from './migrations/1765100000000-create-accident-record';
export { AddControlIndicatorRevisions1765300000000 } from './migrations/1765300000000-add-control-indicator-revisions';
export {
  AccidentRecordWriter,
  type PutIndicatorsInput,
  type PutIndicatorsResult,
  type RecordedAction,
  type RecordReviewInput,
} from './accident-record/accident-record-writer';
export { AccidentRecordReader, accidentFactOf, controlIndicatorOf } from './accident-record/accident-record-reader';
export type {
  AccountabilityFiringRow,
  ControlIndicatorCheckRow,
  ControlIndicatorRevisionRow,
  ControlIndicatorRow,
} from './accident-record/accident-record-rows';
export { EnforcementCaseLedgerEntry } from './enforcement/enforcement-case-ledger-entry.entity';
export { EnforcementEventRecord } from './enforcement/enforcement-event-record.entity';
export { CreateEnforcementLedger1765400000000 } from './migrations/1765400000000-create-enforcement-ledger';
export { EnforcementLedgerWriter, type EnforcementLedgerRecordInput } from './enforcement/enforcement-ledger-writer';
export { EnforcementLedgerReader } from './enforcement/enforcement-ledger-reader';
export type {
  EnforcementEventFilter,
  EnforcementEventRow,
  EnforcementLedgerFilter,
  EnforcementLedgerRow,
} from './enforcement/enforcement-ledger-rows';
export { CovertInspectionLedgerEntry } from './covert-inspection/covert-inspection-ledger-entry.entity';
export { CovertInspectionEventRecord } from './covert-inspection/covert-inspection-event-record.entity';
export { CreateCovertInspectionLedger1765500000000 } from './migrations/1765500000000-create-covert-inspection-ledger';
export { CovertInspectionLedgerWriter, type CovertInspectionLedgerRecordInput } from './covert-inspection/covert-inspection-ledger-writer';
export { CovertInspectionLedgerReader } from './covert-inspection/covert-inspection-ledger-reader';
export { CovertExposurePublicationRecord } from './covert-inspection/covert-exposure-publication.entity';
export {
  CovertExposurePublications,
  covertExposurePublicationKey,
  type CovertExposurePublicationInput,
  type CovertExposurePublicationRow,
} from './covert-inspection/covert-exposure-publications';
export type {
  CovertInspectionEventFilter,
  CovertInspectionEventRow,
  CovertInspectionLedgerFilter,
  CovertInspectionLedgerRow,
} from './covert-inspection/covert-inspection-ledger-rows';
export { ENFORCEMENT_RECORD_ENTITIES } from './enforcement-record/enforcement-record-entities';
export { CreateEnforcementRecord1765600000000 } from './migrations/1765600000000-create-enforcement-record';
export {
  EnforcementRecordStore,
  type BlacklistChangeRow,
  type EnforcementRecordFilter,
  type FiringRow,
} from './enforcement-record/enforcement-record-store';
export { SignedInspectionReader } from './oversight/signed-inspection-reader';
export { EVIDENCE_ENTITIES } from './evidence/evidence-entities';
export { EvidenceFileRecord } from './evidence/evidence-file-record.entity';
export { EvidenceUploadRecord } from './evidence/evidence-upload-record.entity';
export { CreateEvidenceFiles1765800000000 } from './migrations/1765800000000-create-evidence-files';
export { EvidenceFiles, type EvidenceFileRow, type EvidenceUploadInput } from './evidence/evidence-files';
export type { EvidenceStore, StoredEvidence } from './evidence/evidence-store';
export { LocalDiskEvidenceStore } from './evidence/local-disk-evidence-store';
export { RECONCILIATION_ENTITIES } from './reconciliation/reconciliation-entities';
export { CreateReconciliation1765900000000 } from './migrations/1765900000000-create-reconciliation';
export { LedgerReconciler, type WorkflowProjection } from './reconciliation/ledger-reconciler';
export {
  ReconciliationStore,
  RECONCILIATION_RUNS_DEFAULT,
  RECONCILIATION_RUNS_MAX,
  type ReconciliationCounts,
  type ReconciliationDriftInput,
  type ReconciliationDriftRow,
  type ReconciliationRunRow,
  type ReconciliationRunStart,
} from './reconciliation/reconciliation-store';
