import type { DataSource } from 'typeorm';
import {
  isUnitOpen,
  type CampaignEvent,
  type CampaignSchedule,
  type CampaignState,
  type HazardPolicy,
  type ScopeUnit,
  type UnitEvent,
  type UnitObligationsState,
} from '@duban/domain';
import { CAMPAIGN_LEVEL_UNIT_ID } from './campaign-event-record.entity';
import { appendCampaignEvents } from './campaign-event-log';
import { insertRoster, nextRosterIndex } from './campaign-roster-insert';
import { upsertCampaignRow } from './campaign-row-upsert';
import { projectOfficeWork } from './campaign-task-writes';
import { insertSubmissions, reportsSubmitted, submittedKind } from './campaign-submission-insert';
import { notifyUnitSettled } from './campaign-unit-settlements';
import { upsertUnitRow } from './campaign-unit-upsert';

export { CAMPAIGN_LEVEL_UNIT_ID } from './campaign-event-record.entity';

export interface CampaignLedgerRecordInput {
  /** Campaign-level events to append; may repeat ones already recorded (retries) or be empty. */
  events: CampaignEvent[];
  /** The state after those events (its `lastSeq` is the row's version). */
  state: CampaignState;
  /** The schedule after the state's phase extensions. */
  schedule: CampaignSchedule;
  hazardPolicy: HazardPolicy;
  /** Default `campaign-<campaignId>`, the id the campaign workflow runs under. */
  workflowId?: string;
}

export interface CampaignUnitRecordInput {
  /** One unit's events to append; may repeat ones already recorded or be empty. */
  events: UnitEvent[];
  /** The unit's state after those events (its `lastSeq` is the unit row's version). */
  state: UnitObligationsState;
}

function checkSeq(owner: string, seq: number, lastSeq: number): void {
  if (!Number.isInteger(seq) || seq < 1 || seq > lastSeq) {
    throw new Error(`CampaignLedgerWriter: event seq ${seq} of ${owner} is outside 1..${lastSeq} (state.lastSeq)`);
  }
}

/**
 * Writes campaigns, their rosters and their units' progress. Called from Temporal activities, so
 * every write tolerates at-least-once delivery and reordering, as the hazard ledger's does:
 * events are keyed by (campaign_id, unit_id, seq), re-recorded unchanged as a no-op; rows never
 * move back in `version`, so a late, older snapshot cannot overwrite a newer one. A unit's writes
 * come from a local activity, which may run again for a lost workflow task with other content
 * under the same seqs: the later write wins (eventLogAppender, upsertUnitRow). A batch that
 * does not fit its state is a caller bug: it is refused before anything is written.
 */
export class CampaignLedgerWriter {
  constructor(private readonly dataSource: DataSource) {}

  /** A campaign's new events and its row, in one transaction. */
  async recordCampaign(input: CampaignLedgerRecordInput): Promise<void> {
    const { events, state } = input;
    for (const event of events) {
      if (event.campaignId !== state.campaignId) {
        throw new Error(`CampaignLedgerWriter: event seq ${event.seq} belongs to campaign ${event.campaignId}, not ${state.campaignId}`);
      }
      checkSeq(`campaign ${state.campaignId}`, event.seq, state.lastSeq);
    }
    const workflowId = input.workflowId ?? `campaign-${state.campaignId}`;
    await this.dataSource.transaction(async (manager) => {
      await appendCampaignEvents(manager, state.campaignId, CAMPAIGN_LEVEL_UNIT_ID, events);
      await projectOfficeWork(manager, state.campaignId, events);
      const launched = events.some((event) => event.type === 'launched');
      await upsertCampaignRow(manager, { state, schedule: input.schedule, hazardPolicy: input.hazardPolicy, workflowId }, launched);
    });
  }

  /**
   * Puts units on the campaign's roster (insert-or-ignore: a unit already there keeps its row and
   * position). Positions are `startIndex + i`; without `startIndex` the units are appended after
   * the roster's last position. Returns how many units the roster holds.
   */
  async saveRoster(campaignId: string, units: ScopeUnit[], startIndex?: number): Promise<number> {
    if (startIndex !== undefined && (!Number.isInteger(startIndex) || startIndex < 0)) {
      throw new Error(`CampaignLedgerWriter: startIndex must be a whole number ≥ 0, not ${startIndex}`);
    }
    for (const unit of units) {
      if (typeof unit?.unitId !== 'string' || unit.unitId === CAMPAIGN_LEVEL_UNIT_ID) {
        throw new Error(`CampaignLedgerWriter: a roster unit of campaign ${campaignId} has no unitId`);
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const base = startIndex ?? (await nextRosterIndex(manager, campaignId));
      return insertRoster(manager, campaignId, units, base);
    });
  }

  /** One unit's new events, its submissions and its row, in one transaction. */
  async recordUnit(input: CampaignUnitRecordInput): Promise<void> {
    const { events, state } = input;
    const unitId = state.unit?.unitId;
    if (typeof unitId !== 'string' || unitId === CAMPAIGN_LEVEL_UNIT_ID) {
      throw new Error(`CampaignLedgerWriter: the unit state of campaign ${state.campaignId} has no unitId`);
    }
    for (const event of events) {
      if (event.campaignId !== state.campaignId || event.unitId !== unitId) {
        throw new Error(
          `CampaignLedgerWriter: event seq ${event.seq} belongs to unit ${event.unitId} of campaign ${event.campaignId}, not ${unitId} of ${state.campaignId}`,
        );
      }
      checkSeq(`unit ${unitId} of campaign ${state.campaignId}`, event.seq, state.lastSeq);
    }
    const reports = reportsSubmitted(events);
    for (const report of reports) {
      if (submittedKind(report) === undefined) {
        throw new Error(
          `CampaignLedgerWriter: event seq ${report.seq} of unit ${unitId} submits ${JSON.stringify(report.data.obligationId)}, not an obligation id`,
        );
      }
    }
    await this.dataSource.transaction(async (manager) => {
      await appendCampaignEvents(manager, state.campaignId, unitId, events);
      await insertSubmissions(manager, state, reports);
      await upsertUnitRow(manager, state);
      if (!isUnitOpen(state)) await notifyUnitSettled(manager, state.campaignId);
    });
  }
}
