import type { DataSource } from 'typeorm';
import type { CampaignPlan, CampaignState, ScopeUnit } from '@duban/domain';
import type {
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
  DailyReportStatus,
  RollUpInputs,
} from './campaign-ledger-rows';
import { coverageRows } from './campaign-coverage-reads';
import { campaignEscalations, campaignEvents, campaignEventsUpTo } from './campaign-event-reads';
import { campaignHazardCounts, unitScoreInputs } from './campaign-hazard-reads';
import { listSubmissions, reportsForDay, rollUpInputs } from './campaign-report-reads';
import { campaignPlan, campaignSnapshot, getCampaign, listCampaigns } from './campaign-row-reads';
import type { EventPage } from '../events/event-page';
import { getUnit, listUnits, loadRosterPage, signallableUnitIds, streamUnits, unitStatusCounts } from './campaign-unit-reads';
import { watchUnitSettlements, type UnitSettlementWatch } from './campaign-unit-settlements';

export { ROSTER_PAGE_MAX } from './campaign-unit-reads';

/**
 * Read side of the campaign ledger: the roster for the workflows, the plan for unit workflows,
 * and lists, daily roll-ups, coverage and assessment inputs for the API. Never writes. Each
 * concept's SQL lives in its own campaign-*-reads file; this class is their one entry point.
 */
export class CampaignLedgerReader {
  constructor(private readonly dataSource: DataSource) {}

  // ---- for the workflows

  /** A page of the roster in its stable order (roster_index, then unit id); refuses pages over ROSTER_PAGE_MAX. */
  loadRosterPage(campaignId: string, offset: number, limit: number): Promise<ScopeUnit[]> {
    return loadRosterPage(this.dataSource, campaignId, offset, limit);
  }

  /** Every campaign whose roster holds the registry unit (removed or closed included), by campaign id: the audit export of a unit (单位审计导出). */
  async campaignIdsOfUnit(unitId: string): Promise<string[]> {
    const rows: Array<{ campaign_id: string }> = await this.dataSource.query(
      'SELECT campaign_id FROM campaign_unit WHERE unit_id = $1 ORDER BY campaign_id',
      [unitId],
    );
    return rows.map((r) => r.campaign_id);
  }

  /** Units whose workflows may take a signal: all but removed and closed ones (pending included), in roster order. */
  unitIds(campaignId: string): Promise<string[]> {
    return signallableUnitIds(this.dataSource, campaignId);
  }

  /** What a unit workflow needs of its campaign; undefined until the campaign is recorded. */
  plan(campaignId: string): Promise<CampaignPlan | undefined> {
    return campaignPlan(this.dataSource, campaignId);
  }

  // ---- campaigns

  /** Newest first (by start), with the total for paging. */
  list(filter: CampaignListFilter = {}): Promise<{ items: CampaignLedgerRow[]; total: number }> {
    return listCampaigns(this.dataSource, filter);
  }

  get(campaignId: string): Promise<CampaignLedgerRow | undefined> {
    return getCampaign(this.dataSource, campaignId);
  }

  /** The last recorded snapshot of the campaign workflow's state. */
  snapshot(campaignId: string): Promise<CampaignState | undefined> {
    return campaignSnapshot(this.dataSource, campaignId);
  }

  // ---- units

  /** Filtered page of the campaign's units in roster order, with the total. */
  units(campaignId: string, filter: CampaignUnitFilter = {}): Promise<{ items: CampaignUnitRow[]; total: number }> {
    return listUnits(this.dataSource, campaignId, filter);
  }

  /** Every unit the filter matches, in roster order, a keyset page at a time (the export's read). `limit` and `offset` are ignored. */
  streamUnits(campaignId: string, filter: Omit<CampaignUnitFilter, 'limit' | 'offset'> = {}, pageSize?: number): AsyncGenerator<CampaignUnitRow> {
    return streamUnits(this.dataSource, campaignId, filter, pageSize);
  }

  /** How many of the campaign's units are in each status (pending = enrolled in the roster, workflow not yet heard from). */
  unitStatusCounts(campaignId: string): Promise<Record<string, number>> {
    return unitStatusCounts(this.dataSource, campaignId);
  }

  /** Notices as the campaign's units settle: what a closing campaign waits on between counts. */
  watchUnitSettlements(campaignId: string): Promise<UnitSettlementWatch> {
    return watchUnitSettlements(this.dataSource, campaignId);
  }

  unit(campaignId: string, unitId: string): Promise<CampaignUnitRow | undefined> {
    return getUnit(this.dataSource, campaignId, unitId);
  }

  // ---- reports

  /** Submissions, by obligation id prefix and/or unit, in obligation then unit order. */
  submissionsFor(campaignId: string, filter: CampaignSubmissionFilter = {}): Promise<{ items: CampaignSubmissionRow[]; total: number }> {
    return listSubmissions(this.dataSource, campaignId, filter);
  }

  /** 一日一报 for one China Standard Time day (YYYY-MM-DD; RangeError otherwise): who reported, which active units did not. */
  reportsForDay(campaignId: string, cstDate: string): Promise<DailyReportStatus> {
    return reportsForDay(this.dataSource, campaignId, cstDate);
  }

  /** The roster and the day's report submissions: what 一日一汇总 by county is computed from. */
  rollUpInputs(campaignId: string, cstDate: string): Promise<RollUpInputs> {
    return rollUpInputs(this.dataSource, campaignId, cstDate);
  }

  // ---- coverage and assessment

  /** Every unit not removed from the campaign, in roster order, for the coverage matrix. */
  coverageRows(campaignId: string): Promise<CampaignCoverageRow[]> {
    return coverageRows(this.dataSource, campaignId);
  }

  /** The campaign's hazards in the hazard ledger (hazard_ledger.campaign_id). */
  hazardCounts(campaignId: string): Promise<CampaignHazardCounts> {
    return campaignHazardCounts(this.dataSource, campaignId);
  }

  /** Per-unit assessment inputs (考核), in roster order, with each unit's hazards in the hazard ledger. */
  scores(campaignId: string): Promise<CampaignUnitScoreInputs[]> {
    return unitScoreInputs(this.dataSource, campaignId);
  }

  // ---- the audit trail

  /** Escalations of the campaign's units (督办升级 for missed obligations), newest first. */
  escalations(campaignId: string, filter: CampaignEscalationFilter = {}): Promise<CampaignEscalationRow[]> {
    return campaignEscalations(this.dataSource, campaignId, filter);
  }

  /** A page of the audit trail: the campaign's own events first, then each unit's, each in seq order. */
  events(campaignId: string, filter: CampaignEventFilter = {}): Promise<EventPage<CampaignEventRow, CampaignEventKey>> {
    return campaignEvents(this.dataSource, campaignId, filter);
  }

  /** The campaign's own events (unitId null) or one unit's that had happened by `asOf`, in seq order: what the state then is folded from. */
  eventsUpTo(campaignId: string, unitId: string | null, asOf: Date): Promise<CampaignEventRow[]> {
    return campaignEventsUpTo(this.dataSource, campaignId, unitId, asOf);
  }
}
