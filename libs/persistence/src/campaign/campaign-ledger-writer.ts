import type { DataSource, EntityManager } from 'typeorm';
import {
  phaseAt,
  type Actor,
  type CampaignEvent,
  type CampaignSchedule,
  type CampaignState,
  type HazardPolicy,
  type ScopeUnit,
  type UnitEvent,
  type UnitObligationsState,
} from '@duban/domain';
import { batches, bulkValues, json } from './bulk-values';

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

// Postgres caps a statement at 65,535 parameters: 7 per roster row, 11 per event, 11 per submission.
const ROSTER_BATCH = 500;
const EVENT_BATCH = 1_000;
const SUBMISSION_BATCH = 1_000;

/** Campaign-level events are stored with this unit id (NOT NULL keeps the unique key plain). */
export const CAMPAIGN_LEVEL_UNIT_ID = '';

// ---- campaign_event

const EVENT_COLUMNS = ['campaign_id', 'unit_id', 'seq', 'type', 'at', 'actor_id', 'actor_name', 'actor_role', 'actor_unit_id', 'reason', 'data'] as const;
type EventColumn = (typeof EVENT_COLUMNS)[number];
const EVENT_CASTS: Partial<Record<EventColumn, string>> = { at: '::timestamptz', data: '::jsonb' };

interface AnyEvent {
  seq: number;
  type: string;
  at: string;
  actor: Actor;
  reason: string;
  data: unknown;
}

function eventRow(campaignId: string, unitId: string, event: AnyEvent): Record<EventColumn, unknown> {
  return {
    campaign_id: campaignId,
    unit_id: unitId,
    seq: event.seq,
    type: event.type,
    at: event.at,
    actor_id: event.actor?.id,
    actor_name: event.actor?.name,
    actor_role: event.actor?.role,
    actor_unit_id: event.actor?.unitId ?? null,
    reason: event.reason,
    data: json(event.data),
  };
}

async function insertEvents(manager: EntityManager, campaignId: string, unitId: string, events: AnyEvent[]): Promise<void> {
  for (const batch of batches(events, EVENT_BATCH)) {
    const values = bulkValues(EVENT_COLUMNS, EVENT_CASTS, batch.items.map((event) => eventRow(campaignId, unitId, event)));
    await manager.query(
      `INSERT INTO campaign_event (${EVENT_COLUMNS.join(', ')}) VALUES ${values.sql} ON CONFLICT (campaign_id, unit_id, seq) DO NOTHING`,
      values.params,
    );
  }
}

// ---- campaign

const CAMPAIGN_COLUMNS = [
  'campaign_id', 'workflow_id', 'name', 'kind', 'template', 'template_id', 'hazard_policy', 'scope_regions', 'scope_industries',
  'lead_leader', 'lead_department', 'unit_count', 'starts_at', 'ends_at', 'schedule', 'phase_extensions', 'status',
  'current_phase_id', 'launched_by_id', 'launched_by_name', 'closed_at', 'version', 'state',
] as const;
type CampaignColumn = (typeof CAMPAIGN_COLUMNS)[number];
const CAMPAIGN_CASTS: Partial<Record<CampaignColumn, string>> = {
  template: '::jsonb',
  hazard_policy: '::jsonb',
  scope_regions: '::jsonb',
  scope_industries: '::jsonb',
  starts_at: '::timestamptz',
  ends_at: '::timestamptz',
  schedule: '::jsonb',
  phase_extensions: '::jsonb',
  closed_at: '::timestamptz',
  state: '::jsonb',
};

// Every column but the key follows the newer snapshot; launched_at is not a snapshot column (below).
const UPSERT_CAMPAIGN_SQL = `
  INSERT INTO campaign (${CAMPAIGN_COLUMNS.join(', ')})
  VALUES (${CAMPAIGN_COLUMNS.map((c, i) => `$${i + 1}${CAMPAIGN_CASTS[c] ?? ''}`).join(', ')})
  ON CONFLICT (campaign_id) DO UPDATE SET
    ${CAMPAIGN_COLUMNS.filter((c) => c !== 'campaign_id').map((c) => `${c} = EXCLUDED.${c}`).join(',\n    ')},
    updated_at = now()
  WHERE campaign.version < EXCLUDED.version`;

// The time of the last campaign-level event the snapshot reflects (this batch's or an earlier one's).
const LAST_EVENT_AT_SQL = `
  SELECT at FROM campaign_event
   WHERE campaign_id = $1 AND unit_id = '' AND seq <= $2
   ORDER BY seq DESC LIMIT 1`;

// From the event log rather than the snapshot (which has no launch time), and outside the version
// guard: a late batch carrying the `launched` event still fills it in.
const SET_LAUNCHED_AT_SQL = `
  UPDATE campaign c SET launched_at = e.at, updated_at = now()
    FROM campaign_event e
   WHERE c.campaign_id = $1 AND c.launched_at IS NULL
     AND e.campaign_id = $1 AND e.unit_id = '' AND e.type = 'launched'`;

function campaignParams(input: CampaignLedgerRecordInput, workflowId: string, lastEventAt: Date | undefined): unknown[] {
  const { state, schedule, hazardPolicy } = input;
  // new Date(): pg gives timestamptz as a Date, but stay lenient should a global type parser give the string.
  const current = state.status === 'closed' || lastEventAt === undefined ? undefined : phaseAt(schedule, new Date(lastEventAt));
  const row: Record<CampaignColumn, unknown> = {
    campaign_id: state.campaignId,
    workflow_id: workflowId,
    name: state.name,
    kind: state.template.kind,
    template: json(state.template),
    template_id: state.template.id,
    hazard_policy: json(hazardPolicy),
    scope_regions: json(state.scope.regions),
    scope_industries: json(state.scope.industries),
    lead_leader: state.scope.leadLeader,
    lead_department: state.scope.leadDepartment,
    unit_count: state.scope.unitCount,
    starts_at: schedule.startsAt,
    ends_at: schedule.endsAt,
    schedule: json(schedule),
    phase_extensions: json(state.phaseExtensions),
    status: state.status,
    current_phase_id: current?.phaseId ?? null,
    launched_by_id: state.launchedBy.id,
    launched_by_name: state.launchedBy.name,
    closed_at: state.closedAt ?? null,
    version: state.lastSeq,
    state: json(state),
  };
  return CAMPAIGN_COLUMNS.map((column) => row[column] ?? null);
}

// ---- campaign_unit

const ROSTER_COLUMNS = ['campaign_id', 'unit_id', 'roster_index', 'name', 'kind', 'region_id', 'industry_id'] as const;
type RosterColumn = (typeof ROSTER_COLUMNS)[number];

const UNIT_COLUMNS = [
  'campaign_id', 'unit_id', 'name', 'kind', 'region_id', 'industry_id', 'status', 'enrolled_at',
  'due', 'on_time', 'late', 'missed', 'zero_reports', 'inspections', 'findings',
  'escalation_count', 'last_escalation_instrument', 'last_escalated_at', 'hazard_ids', 'score', 'version',
] as const;
type UnitColumn = (typeof UNIT_COLUMNS)[number];
const UNIT_CASTS: Partial<Record<UnitColumn, string>> = {
  enrolled_at: '::timestamptz',
  last_escalated_at: '::timestamptz',
  hazard_ids: '::jsonb',
  score: '::numeric',
};
// Not updated on conflict: the key, the roster position, and the score (kept once known, below).
const UNIT_FOLLOWS_SNAPSHOT = UNIT_COLUMNS.filter((c) => c !== 'campaign_id' && c !== 'unit_id' && c !== 'score');

// A unit added mid-campaign may report before anything put it on the roster: it is appended
// (ties with a concurrent append are possible and harmless: paging orders by index, then unit id).
const UPSERT_UNIT_SQL = `
  INSERT INTO campaign_unit (roster_index, ${UNIT_COLUMNS.join(', ')})
  VALUES (
    (SELECT coalesce(max(roster_index) + 1, 0) FROM campaign_unit WHERE campaign_id = $1),
    ${UNIT_COLUMNS.map((c, i) => `$${i + 1}${UNIT_CASTS[c] ?? ''}`).join(', ')})
  ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
    ${UNIT_FOLLOWS_SNAPSHOT.map((c) => `${c} = EXCLUDED.${c}`).join(',\n    ')},
    score = coalesce(EXCLUDED.score, campaign_unit.score),
    updated_at = now()
  WHERE campaign_unit.version < EXCLUDED.version`;

function unitParams(state: UnitObligationsState, events: UnitEvent[]): unknown[] {
  const { unit, counters } = state;
  const lastEscalation = state.escalations.at(-1);
  // The score is not in the state: kept when a `closed` event carries one in its data (the domain's
  // closed event has no payload today; scores() gives what the domain's scoreUnit needs instead).
  const closedData = events.filter((e) => e.type === 'closed').at(-1)?.data as { score?: unknown } | undefined;
  const score = typeof closedData?.score === 'number' && Number.isFinite(closedData.score) ? closedData.score : null;
  const row: Record<UnitColumn, unknown> = {
    campaign_id: state.campaignId,
    unit_id: unit.unitId,
    name: unit.name,
    kind: unit.kind,
    region_id: unit.regionId,
    industry_id: unit.industryId ?? null,
    status: state.status,
    enrolled_at: state.enrolledAt,
    due: counters.due,
    on_time: counters.onTime,
    late: counters.late,
    missed: counters.missed,
    zero_reports: counters.zeroReports,
    inspections: counters.inspections,
    findings: counters.findings,
    escalation_count: state.escalations.length,
    last_escalation_instrument: lastEscalation?.instrument ?? null,
    last_escalated_at: lastEscalation?.at ?? null,
    hazard_ids: json(state.hazardIds),
    score,
    version: state.lastSeq,
  };
  return UNIT_COLUMNS.map((column) => row[column] ?? null);
}

// ---- campaign_submission

const SUBMISSION_COLUMNS = ['campaign_id', 'unit_id', 'obligation_id', 'kind', 'due_at', 'submitted_at', 'on_time', 'zero', 'content', 'actor_id', 'seq'] as const;
type SubmissionColumn = (typeof SUBMISSION_COLUMNS)[number];
const SUBMISSION_CASTS: Partial<Record<SubmissionColumn, string>> = { due_at: '::timestamptz', submitted_at: '::timestamptz' };

async function insertSubmissions(manager: EntityManager, state: UnitObligationsState, events: UnitEvent[]): Promise<void> {
  const reports = events.filter((e): e is Extract<UnitEvent, { type: 'report_submitted' }> => e.type === 'report_submitted');
  for (const batch of batches(reports, SUBMISSION_BATCH)) {
    const rows = batch.items.map(
      (event): Record<SubmissionColumn, unknown> => ({
        campaign_id: state.campaignId,
        unit_id: state.unit.unitId,
        obligation_id: event.data.obligationId,
        // Obligation ids read `<kind>:<ref>:<date>` (report:daily:2026-12-01).
        kind: String(event.data.obligationId).split(':', 1)[0],
        due_at: null,
        submitted_at: event.at,
        on_time: event.data.onTime,
        zero: event.data.zero,
        content: event.data.content,
        actor_id: event.actor?.id,
        seq: event.seq,
      }),
    );
    const values = bulkValues(SUBMISSION_COLUMNS, SUBMISSION_CASTS, rows);
    // Whatever order batches arrive in, the earliest event for an obligation is the one kept.
    await manager.query(
      `INSERT INTO campaign_submission (${SUBMISSION_COLUMNS.join(', ')}) VALUES ${values.sql}
       ON CONFLICT (campaign_id, unit_id, obligation_id) DO UPDATE SET
         ${SUBMISSION_COLUMNS.slice(3).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
       WHERE campaign_submission.seq > EXCLUDED.seq`,
      values.params,
    );
  }
}

// ---------------------------------------------------------------------------

function checkSeq(owner: string, seq: number, lastSeq: number): void {
  if (!Number.isInteger(seq) || seq < 1 || seq > lastSeq) {
    throw new Error(`CampaignLedgerWriter: event seq ${seq} of ${owner} is outside 1..${lastSeq} (state.lastSeq)`);
  }
}

/**
 * Writes campaigns, their rosters and their units' progress. Called from Temporal activities, so
 * every write tolerates at-least-once delivery and reordering, as the hazard ledger's does:
 * events are keyed by (campaign_id, unit_id, seq) and inserted with DO NOTHING; rows only move
 * forward in `version`, so a late, older snapshot cannot overwrite a newer one.
 */
export class CampaignLedgerWriter {
  constructor(private readonly dataSource: DataSource) {}

  /** A campaign's new events and its row, in one transaction. */
  async recordCampaign(input: CampaignLedgerRecordInput): Promise<void> {
    const { events, state } = input;
    // A mismatched batch is a caller bug: refuse it before anything is written.
    for (const event of events) {
      if (event.campaignId !== state.campaignId) {
        throw new Error(`CampaignLedgerWriter: event seq ${event.seq} belongs to campaign ${event.campaignId}, not ${state.campaignId}`);
      }
      checkSeq(`campaign ${state.campaignId}`, event.seq, state.lastSeq);
    }
    const workflowId = input.workflowId ?? `campaign-${state.campaignId}`;
    await this.dataSource.transaction(async (manager) => {
      await insertEvents(manager, state.campaignId, CAMPAIGN_LEVEL_UNIT_ID, events);
      const last: Array<{ at: Date }> = await manager.query(LAST_EVENT_AT_SQL, [state.campaignId, state.lastSeq]);
      await manager.query(UPSERT_CAMPAIGN_SQL, campaignParams(input, workflowId, last[0]?.at));
      if (events.some((event) => event.type === 'launched')) await manager.query(SET_LAUNCHED_AT_SQL, [state.campaignId]);
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
      let base = startIndex;
      if (base === undefined) {
        // Serialises appends to one campaign's roster, so two never take the same positions.
        await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`duban:campaign_unit:${campaignId}`]);
        const next: Array<{ next: number }> = await manager.query(
          'SELECT coalesce(max(roster_index) + 1, 0)::int AS next FROM campaign_unit WHERE campaign_id = $1',
          [campaignId],
        );
        base = next[0]!.next;
      }
      for (const batch of batches(units, ROSTER_BATCH)) {
        const rows = batch.items.map(
          (unit, i): Record<RosterColumn, unknown> => ({
            campaign_id: campaignId,
            unit_id: unit.unitId,
            roster_index: base + batch.offset + i,
            name: unit.name,
            kind: unit.kind,
            region_id: unit.regionId,
            industry_id: unit.industryId ?? null,
          }),
        );
        const values = bulkValues(ROSTER_COLUMNS, {}, rows);
        await manager.query(
          `INSERT INTO campaign_unit (${ROSTER_COLUMNS.join(', ')}) VALUES ${values.sql} ON CONFLICT (campaign_id, unit_id) DO NOTHING`,
          values.params,
        );
      }
      const counted: Array<{ total: number }> = await manager.query('SELECT count(*)::int AS total FROM campaign_unit WHERE campaign_id = $1', [
        campaignId,
      ]);
      return counted[0]!.total;
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
    await this.dataSource.transaction(async (manager) => {
      await insertEvents(manager, state.campaignId, unitId, events);
      await insertSubmissions(manager, state, events);
      await manager.query(UPSERT_UNIT_SQL, unitParams(state, events));
    });
  }
}
