import type { EntityManager } from 'typeorm';
import { phaseAt, type CampaignSchedule, type CampaignState, type HazardPolicy } from '@duban/domain';
import { versionedRowUpsert } from '../events/versioned-row-upsert';
import type { ColumnValues, PropertyOf } from '../sql/entity-table';
import { CampaignLedgerEntry } from './campaign-ledger-entry.entity';
import { CAMPAIGN_LEVEL_UNIT_ID } from './campaign-event-record.entity';

export interface CampaignRowInput {
  state: CampaignState;
  /** The schedule after the state's phase extensions. */
  schedule: CampaignSchedule;
  hazardPolicy: HazardPolicy;
  workflowId: string;
}

// Filled by the database, or (launched_at) from the event log rather than the snapshot.
const NOT_FROM_SNAPSHOT = ['launchedAt', 'updatedAt'] as const;
type CampaignValues = ColumnValues<CampaignLedgerEntry, Exclude<PropertyOf<CampaignLedgerEntry>, (typeof NOT_FROM_SNAPSHOT)[number]>>;

const upsert = versionedRowUpsert(CampaignLedgerEntry, ['campaignId'], NOT_FROM_SNAPSHOT);

// The time of the last campaign-level event the snapshot reflects (this batch's or an earlier one's).
const LAST_EVENT_AT_SQL = `
  SELECT at FROM campaign_event
   WHERE campaign_id = $1 AND unit_id = $2 AND seq <= $3
   ORDER BY seq DESC LIMIT 1`;

// From the event log rather than the snapshot (which has no launch time), and outside the version
// guard: a late batch carrying the `launched` event still fills it in.
const SET_LAUNCHED_AT_SQL = `
  UPDATE campaign c SET launched_at = e.at, updated_at = now()
    FROM campaign_event e
   WHERE c.campaign_id = $1 AND c.launched_at IS NULL
     AND e.campaign_id = $1 AND e.unit_id = $2 AND e.type = 'launched'`;

/**
 * The campaign's row from its snapshot, once its events are in the log (same transaction):
 * the current phase is the one the last recorded event fell in. Only moves forward in `version`.
 */
export async function upsertCampaignRow(manager: EntityManager, input: CampaignRowInput, launchedInBatch: boolean): Promise<void> {
  const { state } = input;
  const last: Array<{ at: Date }> = await manager.query(LAST_EVENT_AT_SQL, [state.campaignId, CAMPAIGN_LEVEL_UNIT_ID, state.lastSeq]);
  await upsert(manager, campaignValues(input, last[0]?.at));
  if (launchedInBatch) await manager.query(SET_LAUNCHED_AT_SQL, [state.campaignId, CAMPAIGN_LEVEL_UNIT_ID]);
}

export function campaignValues(input: CampaignRowInput, lastEventAt: Date | undefined): CampaignValues {
  const { state, schedule, hazardPolicy, workflowId } = input;
  // new Date(): pg gives timestamptz as a Date, but stay lenient should a global type parser give the string.
  const current = state.status === 'closed' || lastEventAt === undefined ? undefined : phaseAt(schedule, new Date(lastEventAt));
  return {
    campaignId: state.campaignId,
    workflowId,
    name: state.name,
    kind: state.template.kind,
    template: state.template,
    templateId: state.template.id,
    hazardPolicy,
    scopeRegions: state.scope.regions,
    scopeIndustries: state.scope.industries,
    leadLeader: state.scope.leadLeader,
    leadDepartment: state.scope.leadDepartment,
    unitCount: state.scope.unitCount,
    startsAt: schedule.startsAt,
    endsAt: schedule.endsAt,
    schedule,
    phaseExtensions: state.phaseExtensions,
    status: state.status,
    currentPhaseId: current?.phaseId ?? null,
    launchedById: state.launchedBy.id,
    launchedByName: state.launchedBy.name,
    launchedByRegionId: state.launchedBy.regionId ?? null,
    closedAt: state.closedAt ?? null,
    version: state.lastSeq,
    state,
  };
}
