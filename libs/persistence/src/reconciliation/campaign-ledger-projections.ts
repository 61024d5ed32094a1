import {
  currentCampaignSchedule,
  unitObligationsWorkflowId,
  type CampaignEvent,
  type CampaignState,
  type HazardPolicy,
  type UnitObligationsState,
} from '@duban/domain';
import { CampaignEventRecord, CAMPAIGN_LEVEL_UNIT_ID } from '../campaign/campaign-event-record.entity';
import { CampaignLedgerEntry } from '../campaign/campaign-ledger-entry.entity';
import { campaignValues } from '../campaign/campaign-row-upsert';
import { projectOfficeWork } from '../campaign/campaign-task-writes';
import { CampaignUnitEntry } from '../campaign/campaign-unit-entry.entity';
import { unitValues, upsertUnitRow } from '../campaign/campaign-unit-upsert';
import type { LedgerProjection, WorkflowProjection } from './ledger-projections';

/**
 * A campaign (专项行动) as CampaignLedgerWriter.recordCampaign projects it: the `campaign` row
 * and the campaign's own events in campaign_event (unit_id ''). The row's current phase is the
 * one its last event fell in and its launch time the `launched` event's, both from the events;
 * its hazard policy is the record activity's input (the state has none). The office's tasks and
 * inspector assignments are written again from the events on repair (inserts that find their
 * row do nothing, removals replay in order), but not compared. The roster (campaign_unit rows
 * before their units run) is written from the launch by its own activity: not reconciled here.
 */
export const CAMPAIGN_PROJECTION: LedgerProjection = {
  ledger: CampaignLedgerEntry,
  events: CampaignEventRecord,
  rowKey: ['campaignId'],
  eventKey: ['campaignId', 'unitId'],
  keyOf: (state) => ({ campaignId: (state as CampaignState).campaignId, unitId: CAMPAIGN_LEVEL_UNIT_ID }),
  idOf: (state) => (state as CampaignState).campaignId,
  row: (projection) => {
    const state = projection.state as CampaignState;
    const hazardPolicy = projection.lastRecordInput?.['hazardPolicy'] as HazardPolicy | undefined;
    // Every record carries it; a campaign's history without one cannot be compared (the run reports it).
    if (!hazardPolicy) throw new Error(`campaign ${state.campaignId}: no recordCampaignEvents input carries its hazard policy`);
    const reflected = projection.events.filter((e) => e.seq <= state.lastSeq);
    const lastEventAt = reflected.at(-1)?.at;
    const launchedAt = projection.events.find((e) => e.type === 'launched')?.at ?? null;
    const row = campaignValues(
      { state, schedule: currentCampaignSchedule(state), hazardPolicy, workflowId: projection.workflowId },
      lastEventAt === undefined ? undefined : new Date(lastEventAt),
    );
    return { ...row, launchedAt };
  },
  alsoWrite: (manager, { state, events }) => projectOfficeWork(manager, (state as CampaignState).campaignId, events as CampaignEvent[]),
};

/**
 * One unit of a campaign (责任单位) as recordUnit projects it: its campaign_unit row from the
 * state, and its events counted by seq only. The unit workflow records through a LOCAL activity,
 * whose input is not in history, so its events cannot be read back and compared: that needs the
 * workflow replayed to capture them (replay capture, being built in libs/audit), and until then
 * a missing or extra seq is reported and left for that (never faked). The roster position is
 * the roster's, kept; the submissions (campaign_submission) are not compared either.
 */
export const CAMPAIGN_UNIT_PROJECTION: LedgerProjection = {
  ledger: CampaignUnitEntry,
  events: CampaignEventRecord,
  rowKey: ['campaignId', 'unitId'],
  eventKey: ['campaignId', 'unitId'],
  keyOf: (state) => ({ campaignId: (state as UnitObligationsState).campaignId, unitId: (state as UnitObligationsState).unit.unitId }),
  idOf: (state) => `${(state as UnitObligationsState).campaignId}/${(state as UnitObligationsState).unit.unitId}`,
  row: ({ state }) => unitValues(state as UnitObligationsState),
  rowKept: ['rosterIndex'],
  eventComparison: 'seq_only',
  insertRow: (manager, projection: WorkflowProjection) => upsertUnitRow(manager, projection.state as UnitObligationsState),
  workflowIdOfRow: (key) => unitObligationsWorkflowId(key['campaignId']!, key['unitId']!),
  // A roster row starts at version 0 and waits for its unit's workflow (launches go in batches).
  orphanScanExcludes: 'version = 0',
};
