import type { DataSource } from 'typeorm';
import type { CampaignState, ScopeUnit } from '@duban/domain';
import type { CampaignPlan } from '@duban/workflows';
import type {
  CampaignCoverageRow,
  CampaignEscalationFilter,
  CampaignEscalationRow,
  CampaignEventFilter,
  CampaignEventRow,
  CampaignHazardCounts,
  CampaignLedgerRow,
  CampaignListFilter,
  CampaignSubmissionFilter,
  CampaignSubmissionRow,
  CampaignUnitFilter,
  CampaignUnitRow,
  CampaignUnitScoreInputs,
  DailyReportStatus,
} from './campaign-ledger-rows';
import { eventFields, iso, isoOrNull, type Raw } from '../sql/row-values';
import { ESCALATIONS_DEFAULT, selectPage, Where } from '../sql/where';

/** loadRosterPage refuses larger pages rather than clamp them: a short page would read as the roster's end. */
export const ROSTER_PAGE_MAX = 5_000;
const CST_DATE = /^\d{4}-\d{2}-\d{2}$/;

// The jsonb template, policy and snapshot stay out of rows: plan() and snapshot() return them.
const CAMPAIGN_COLUMNS = `
  campaign_id, workflow_id, name, kind, template_id, scope_regions, scope_industries, lead_leader, lead_department,
  unit_count, starts_at, ends_at, schedule, phase_extensions, status, current_phase_id, launched_by_id,
  launched_by_name, launched_at, closed_at, version, updated_at`;

const UNIT_COLUMNS = `
  u.campaign_id, u.unit_id, u.roster_index, u.name, u.kind, u.region_id, u.industry_id, u.status, u.enrolled_at,
  u.due, u.on_time, u.late, u.missed, u.zero_reports, u.inspections, u.findings, u.escalation_count,
  u.last_escalation_instrument, u.last_escalated_at, u.hazard_ids, u.score, u.version, u.updated_at`;

const SUBMISSION_COLUMNS = 'unit_id, obligation_id, kind, due_at, submitted_at, on_time, zero, content, actor_id';

const EVENT_COLUMNS = 'e.unit_id, e.seq, e.type, e.at, e.actor_id, e.actor_name, e.actor_role, e.actor_unit_id, e.reason, e.data';

/** pg gives numeric as a string (it may not fit a double); scores do. */
function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function toCampaignRow(r: Raw): CampaignLedgerRow {
  const phases: CampaignLedgerRow['schedule']['phases'] = r.schedule?.phases ?? [];
  return {
    campaignId: r.campaign_id,
    workflowId: r.workflow_id,
    name: r.name,
    kind: r.kind,
    templateId: r.template_id,
    scopeRegions: r.scope_regions,
    scopeIndustries: r.scope_industries,
    leadLeader: r.lead_leader,
    leadDepartment: r.lead_department,
    unitCount: r.unit_count,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    schedule: r.schedule,
    phaseExtensions: r.phase_extensions,
    status: r.status,
    currentPhaseId: r.current_phase_id,
    currentPhase: phases.find((p) => p.phaseId === r.current_phase_id) ?? null,
    launchedBy: { id: r.launched_by_id, name: r.launched_by_name },
    launchedAt: isoOrNull(r.launched_at),
    closedAt: isoOrNull(r.closed_at),
    version: r.version,
    updatedAt: iso(r.updated_at),
  };
}

function countersOf(r: Raw): CampaignUnitRow['counters'] {
  return {
    due: r.due,
    onTime: r.on_time,
    late: r.late,
    missed: r.missed,
    zeroReports: r.zero_reports,
    inspections: r.inspections,
    findings: r.findings,
  };
}

function toUnitRow(r: Raw): CampaignUnitRow {
  return {
    campaignId: r.campaign_id,
    unitId: r.unit_id,
    rosterIndex: r.roster_index,
    name: r.name,
    kind: r.kind,
    regionId: r.region_id,
    industryId: r.industry_id,
    status: r.status,
    enrolledAt: isoOrNull(r.enrolled_at),
    counters: countersOf(r),
    escalationCount: r.escalation_count,
    lastEscalationInstrument: r.last_escalation_instrument,
    lastEscalatedAt: isoOrNull(r.last_escalated_at),
    hazardIds: r.hazard_ids,
    score: numberOrNull(r.score),
    version: r.version,
    updatedAt: iso(r.updated_at),
  };
}

/** As the domain's ScopeUnit: no industryId key when there is none. */
function toScopeUnit(r: Raw): ScopeUnit {
  return {
    unitId: r.unit_id,
    name: r.name,
    kind: r.kind,
    regionId: r.region_id,
    ...(r.industry_id === null ? {} : { industryId: r.industry_id }),
  };
}

function toEventRow(r: Raw): CampaignEventRow {
  return { unitId: r.unit_id === '' ? null : r.unit_id, ...eventFields(r) } as CampaignEventRow;
}

function toSubmissionRow(r: Raw): CampaignSubmissionRow {
  return {
    unitId: r.unit_id,
    obligationId: r.obligation_id,
    kind: r.kind,
    dueAt: isoOrNull(r.due_at),
    submittedAt: iso(r.submitted_at),
    onTime: r.on_time,
    zero: r.zero,
    content: r.content,
    actorId: r.actor_id,
  };
}

/** The instant a China Standard Time day (UTC+8, no daylight saving) ends. */
function endOfCstDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);
}

/**
 * Read side of the campaign ledger: the roster for the workflows, the plan for unit workflows,
 * and lists, daily roll-ups, coverage and assessment inputs for the API. Never writes.
 */
export class CampaignLedgerReader {
  constructor(private readonly dataSource: DataSource) {}

  // ---- for the workflows

  /** A page of the roster in its stable order (roster_index, then unit id). */
  async loadRosterPage(campaignId: string, offset: number, limit: number): Promise<ScopeUnit[]> {
    if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`loadRosterPage: offset must be a whole number ≥ 0, not ${offset}`);
    if (!Number.isInteger(limit) || limit < 1 || limit > ROSTER_PAGE_MAX) {
      throw new RangeError(`loadRosterPage: limit must be a whole number in 1..${ROSTER_PAGE_MAX}, not ${limit}`);
    }
    const rows: Raw[] = await this.dataSource.query(
      `SELECT unit_id, name, kind, region_id, industry_id FROM campaign_unit
        WHERE campaign_id = $1 ORDER BY roster_index, unit_id LIMIT $2 OFFSET $3`,
      [campaignId, limit, offset],
    );
    return rows.map(toScopeUnit);
  }

  /** Units whose workflows may take a signal: all but removed and closed ones (pending included), in roster order. */
  async unitIds(campaignId: string): Promise<string[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT unit_id FROM campaign_unit
        WHERE campaign_id = $1 AND status NOT IN ('removed', 'closed') ORDER BY roster_index, unit_id`,
      [campaignId],
    );
    return rows.map((r) => r.unit_id);
  }

  /** What a unit workflow needs of its campaign; undefined until the campaign is recorded. */
  async plan(campaignId: string): Promise<CampaignPlan | undefined> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT template, state->>'startsAt' AS starts_at, phase_extensions, hazard_policy FROM campaign WHERE campaign_id = $1`,
      [campaignId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return { campaignId, template: r.template, startsAt: r.starts_at, phaseExtensions: r.phase_extensions, hazardPolicy: r.hazard_policy };
  }

  // ---- campaigns

  /** Newest first (by start), with the total for paging. */
  async list(filter: CampaignListFilter = {}): Promise<{ items: CampaignLedgerRow[]; total: number }> {
    const where = new Where().equals('status', filter.status).equals('kind', filter.kind);
    return selectPage(
      this.dataSource,
      { select: CAMPAIGN_COLUMNS, from: 'campaign', where, orderBy: 'starts_at DESC, campaign_id', limit: filter.limit, offset: filter.offset },
      toCampaignRow,
    );
  }

  async get(campaignId: string): Promise<CampaignLedgerRow | undefined> {
    const rows: Raw[] = await this.dataSource.query(`SELECT ${CAMPAIGN_COLUMNS} FROM campaign WHERE campaign_id = $1`, [campaignId]);
    return rows[0] ? toCampaignRow(rows[0]) : undefined;
  }

  /** The last recorded snapshot of the campaign workflow's state. */
  async snapshot(campaignId: string): Promise<CampaignState | undefined> {
    const rows: Raw[] = await this.dataSource.query('SELECT state FROM campaign WHERE campaign_id = $1', [campaignId]);
    return rows[0]?.state;
  }

  // ---- units

  /** Filtered page of the campaign's units in roster order, with the total. */
  async units(campaignId: string, filter: CampaignUnitFilter = {}): Promise<{ items: CampaignUnitRow[]; total: number }> {
    const where = new Where()
      .equals('u.campaign_id', campaignId)
      .equals('u.status', filter.status)
      .equals('u.region_id', filter.regionId)
      .equals('u.industry_id', filter.industryId);
    return selectPage(
      this.dataSource,
      { select: UNIT_COLUMNS, from: 'campaign_unit u', where, orderBy: 'u.roster_index, u.unit_id', limit: filter.limit, offset: filter.offset },
      toUnitRow,
    );
  }

  /** How many of the campaign's units are in each status (pending = enrolled in the roster, workflow not yet heard from). */
  async unitStatusCounts(campaignId: string): Promise<Record<string, number>> {
    const rows: Array<{ status: string; n: number }> = await this.dataSource.query(
      'SELECT status, count(*)::int AS n FROM campaign_unit WHERE campaign_id = $1 GROUP BY status',
      [campaignId],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  async unit(campaignId: string, unitId: string): Promise<CampaignUnitRow | undefined> {
    const rows: Raw[] = await this.dataSource.query(`SELECT ${UNIT_COLUMNS} FROM campaign_unit u WHERE u.campaign_id = $1 AND u.unit_id = $2`, [
      campaignId,
      unitId,
    ]);
    return rows[0] ? toUnitRow(rows[0]) : undefined;
  }

  // ---- reports

  /** Submissions, by obligation id prefix and/or unit, in obligation then unit order. */
  async submissionsFor(campaignId: string, filter: CampaignSubmissionFilter = {}): Promise<{ items: CampaignSubmissionRow[]; total: number }> {
    const where = new Where().equals('campaign_id', campaignId).startsWith('obligation_id', filter.obligationIdPrefix).equals('unit_id', filter.unitId);
    return selectPage(
      this.dataSource,
      { select: SUBMISSION_COLUMNS, from: 'campaign_submission', where, orderBy: 'obligation_id, unit_id', limit: filter.limit, offset: filter.offset },
      toSubmissionRow,
    );
  }

  /**
   * 一日一报 for one China Standard Time day: the report obligations of that day (ids
   * `report:<ref>:<date>`) received, and the active units enrolled before the day ended that
   * sent none. Statuses are today's: a unit paused on that day but active now counts as missing.
   */
  async reportsForDay(campaignId: string, cstDate: string): Promise<DailyReportStatus> {
    if (!CST_DATE.test(cstDate) || Number.isNaN(Date.parse(`${cstDate}T00:00:00+08:00`))) {
      throw new RangeError(`reportsForDay: date must be YYYY-MM-DD, not ${JSON.stringify(cstDate)}`);
    }
    const ofTheDay = `s.kind = 'report' AND right(s.obligation_id, 11) = ':' || $2`;
    const [received, missing] = await Promise.all([
      this.dataSource.query(
        `SELECT s.unit_id, s.obligation_id, s.on_time, s.zero, s.submitted_at
           FROM campaign_submission s
          WHERE s.campaign_id = $1 AND ${ofTheDay}
          ORDER BY s.submitted_at, s.unit_id, s.obligation_id`,
        [campaignId, cstDate],
      ),
      this.dataSource.query(
        `SELECT u.unit_id FROM campaign_unit u
          WHERE u.campaign_id = $1 AND u.status = 'active' AND u.enrolled_at < $3::timestamptz
            AND NOT EXISTS (SELECT 1 FROM campaign_submission s WHERE s.campaign_id = $1 AND s.unit_id = u.unit_id AND ${ofTheDay})
          ORDER BY u.roster_index, u.unit_id`,
        [campaignId, cstDate, endOfCstDay(cstDate).toISOString()],
      ),
    ]);
    return {
      date: cstDate,
      received: (received as Raw[]).map((r) => ({
        unitId: r.unit_id,
        obligationId: r.obligation_id,
        onTime: r.on_time,
        zero: r.zero,
        submittedAt: iso(r.submitted_at),
      })),
      missing: (missing as Raw[]).map((r) => r.unit_id),
    };
  }

  // ---- coverage and assessment

  /** Every unit not removed from the campaign, in roster order, for the coverage matrix. */
  async coverageRows(campaignId: string): Promise<CampaignCoverageRow[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT unit_id, region_id, industry_id, inspections > 0 AS inspected, on_time + late > 0 AS reporting
         FROM campaign_unit WHERE campaign_id = $1 AND status <> 'removed'
        ORDER BY roster_index, unit_id`,
      [campaignId],
    );
    return rows.map((r) => ({
      unitId: r.unit_id,
      regionId: r.region_id,
      ...(r.industry_id === null ? {} : { industryId: r.industry_id }),
      inspected: r.inspected,
      reporting: r.reporting,
    }));
  }

  /** The campaign's hazards in the hazard ledger (hazard_ledger.campaign_id). */
  async hazardCounts(campaignId: string): Promise<CampaignHazardCounts> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT count(*)::int AS found,
              count(*) FILTER (WHERE status = 'signed_off')::int AS signed_off,
              count(*) FILTER (WHERE status = 'signed_off' AND signed_off_at <= deadline)::int AS signed_off_on_time,
              count(*) FILTER (WHERE status <> 'signed_off')::int AS open,
              count(*) FILTER (WHERE status = 'rectifying')::int AS rectifying,
              count(*) FILTER (WHERE overdue)::int AS overdue,
              count(*) FILTER (WHERE overdue AND status <> 'signed_off')::int AS overdue_open,
              count(*) FILTER (WHERE listed_for_supervision)::int AS listed
         FROM hazard_ledger WHERE campaign_id = $1`,
      [campaignId],
    );
    const r = rows[0]!;
    return {
      found: r.found,
      signedOff: r.signed_off,
      signedOffOnTime: r.signed_off_on_time,
      open: r.open,
      rectifying: r.rectifying,
      overdue: r.overdue,
      overdueOpen: r.overdue_open,
      listedForSupervision: r.listed,
    };
  }

  /** Escalations of the campaign's units (督办升级 for missed obligations), newest first. */
  async escalations(campaignId: string, filter: CampaignEscalationFilter = {}): Promise<CampaignEscalationRow[]> {
    const where = new Where().equals('e.campaign_id', campaignId).equals('e.type', 'escalated').raw(`e.unit_id <> ''`).equals('e.unit_id', filter.unitId);
    const limit = where.limit(filter.limit, ESCALATIONS_DEFAULT);
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM campaign_event e ${where} ORDER BY e.at DESC, e.unit_id, e.seq DESC LIMIT ${limit}`,
      where.params,
    );
    return rows.map((r) => toEventRow(r) as CampaignEscalationRow);
  }

  /**
   * Per-unit assessment inputs (考核), in roster order: the unit's counters and escalations, and
   * its hazards in the hazard ledger (joined by campaign and unit). A hazard is rectified on
   * time when it is signed off at or before its deadline there (after approved extensions).
   */
  async scores(campaignId: string): Promise<CampaignUnitScoreInputs[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${UNIT_COLUMNS},
              coalesce(h.found, 0) AS hazards_found,
              coalesce(h.signed_off, 0) AS hazards_signed_off,
              coalesce(h.on_time, 0) AS hazards_on_time
         FROM campaign_unit u
         LEFT JOIN (
           SELECT unit_id,
                  count(*)::int AS found,
                  count(*) FILTER (WHERE status = 'signed_off')::int AS signed_off,
                  count(*) FILTER (WHERE status = 'signed_off' AND signed_off_at <= deadline)::int AS on_time
             FROM hazard_ledger WHERE campaign_id = $1 GROUP BY unit_id
         ) h ON h.unit_id = u.unit_id
        WHERE u.campaign_id = $1
        ORDER BY u.roster_index, u.unit_id`,
      [campaignId],
    );
    return rows.map((r) => ({
      unitId: r.unit_id,
      name: r.name,
      regionId: r.region_id,
      industryId: r.industry_id,
      status: r.status,
      counters: countersOf(r),
      escalations: r.escalation_count,
      hazards: { found: r.hazards_found, signedOff: r.hazards_signed_off, rectifiedOnTime: r.hazards_on_time },
      recordedScore: numberOrNull(r.score),
    }));
  }

  /** The audit trail: the campaign's own events first, then each unit's, each in seq order. */
  async events(campaignId: string, filter: CampaignEventFilter = {}): Promise<CampaignEventRow[]> {
    const unitId = filter.unitId === null ? '' : filter.unitId;
    const where = new Where().equals('e.campaign_id', campaignId).equals('e.unit_id', unitId);
    const rows: Raw[] = await this.dataSource.query(`SELECT ${EVENT_COLUMNS} FROM campaign_event e ${where} ORDER BY e.unit_id, e.seq`, where.params);
    return rows.map(toEventRow);
  }
}
