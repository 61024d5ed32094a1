import { Inject, Injectable } from '@nestjs/common';
import {
  assessCampaign,
  countCampaignHazards,
  coverageMatrix,
  cstDate,
  matchesUnitFilter,
  measuredSubmissionKinds,
  missingReporters,
  obligationIdPrefix,
  parseCstDay,
  reportsDueOn,
  rollUpsOfDay,
  type GovernmentRollUp,
  targetInputs,
  calendarOrWeekdays,
  targetProgress,
  type Actor,
  type CampaignAssessment,
  type CampaignHazardCounts,
  type CoverageMatrix,
  type Obligation,
  type SubmissionKind,
  type TargetProgress,
} from '@duban/domain';
import {
  CampaignLedgerReader,
  HazardLedgerReader,
  LEDGER_PAGE_MAX,
  type CampaignEscalationRow,
  type CampaignEventKey,
  type CampaignEventRow,
  type CampaignLedgerRow,
  type CampaignSubmissionRow,
  type CampaignUnitRow,
  type DailyReportStatus,
} from '@duban/persistence';
import { campaignViewQuery, campaignWorkflowId, unitObligationsWorkflowId, unitViewQuery, type CampaignView, type UnitView } from '@duban/workflows';
import { CLOCK } from '../config/api-config.tokens';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { CampaignAccess } from './campaign-access';
import { decodeEventCursor, encodeEventCursor, isEventSeq } from '../http/event-cursor';
import type { CampaignEscalationsQuery, CampaignEventsQuery } from './dto/campaign-reads.query';
import type { ListCampaignUnitsQuery } from './dto/list-campaign-units.query';
import type { ListCampaignsQuery } from './dto/list-campaigns.query';

export interface CampaignDetail {
  view?: CampaignView;
  viewSource: 'workflow' | 'none';
  ledger: CampaignLedgerRow;
}

export interface CampaignUnitDetail {
  view?: UnitView;
  viewSource: 'workflow' | 'none';
  ledger: CampaignUnitRow;
}

type Page<T> = { items: T[]; total: number };

export interface CampaignEventPage {
  items: CampaignEventRow[];
  next: string | null;
}

/** What a campaign events cursor carries: [unit id (null: the campaign's own), seq]. */
type CursorKey = [CampaignEventKey['unitId'], CampaignEventKey['seq']];
const isCampaignEventKey = (value: unknown): value is CursorKey =>
  Array.isArray(value) && value.length === 2 && (value[0] === null || typeof value[0] === 'string') && isEventSeq(value[1]);
/** A campaign-wide figure, and whose it is: `null` for the campaign's, a unit id for a unit token's own. */
type Whose<T> = T & { unitId: string | null };

/** Every page of a paged ledger read (LEDGER_PAGE_MAX rows at a time). */
async function allPages<T>(read: (offset: number, limit: number) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const page = await read(rows.length, LEDGER_PAGE_MAX);
    rows.push(...page.items);
    if (page.items.length === 0 || rows.length >= page.total) return rows;
  }
}

/**
 * Campaigns (专项行动), the reads: the campaign ledger from PostgreSQL, the workflows' own views,
 * and the domain's roll-ups over them (一日一汇总, 三个全覆盖, 目标, 考核). A unit token is
 * confined to its own unit's rows in every read.
 */
@Injectable()
export class CampaignReadsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly access: CampaignAccess,
    private readonly ledger: CampaignLedgerReader,
    private readonly hazards: HazardLedgerReader,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  list(query: ListCampaignsQuery): Promise<Page<CampaignLedgerRow>> {
    return this.ledger.list({ status: query.status, kind: query.kind, limit: query.limit, offset: query.offset });
  }

  /** The authoritative view from the workflow, beside the ledger row. */
  async detail(campaignId: string): Promise<CampaignDetail> {
    const [ledger, view] = await Promise.all([
      this.access.campaign(campaignId),
      this.workflows.query(campaignWorkflowId(campaignId), campaignViewQuery),
    ]);
    return view ? { view, viewSource: 'workflow', ledger } : { viewSource: 'none', ledger };
  }

  /** Per-unit status and counters; a unit token sees only its own row. */
  async units(campaignId: string, actor: Actor, query: ListCampaignUnitsQuery): Promise<Page<CampaignUnitRow>> {
    await this.access.campaign(campaignId);
    const unitId = this.access.ownUnit(actor, query.unitId);
    const filter = { status: query.status, regionId: query.regionId, industryId: query.industryId };
    if (unitId === undefined) return this.ledger.units(campaignId, { ...filter, limit: query.limit, offset: query.offset });
    const row = await this.ledger.unit(campaignId, unitId);
    const matches = row !== undefined && matchesUnitFilter(row, filter);
    return { items: matches && (query.offset ?? 0) === 0 ? [row] : [], total: matches ? 1 : 0 };
  }

  /** One unit's file: the workflow's view (state, open obligations, next due) and its ledger row. */
  async unit(campaignId: string, unitId: string, actor: Actor): Promise<CampaignUnitDetail> {
    const ledger = await this.access.onUnit(campaignId, unitId, actor, 'read');
    const view = await this.workflows.query(unitObligationsWorkflowId(campaignId, unitId), unitViewQuery);
    return view ? { view, viewSource: 'workflow', ledger } : { viewSource: 'none', ledger };
  }

  /** 一日一报、一日一汇总 for a China Standard Time day (default today), with the report obligations due that day. */
  async reports(campaignId: string, actor: Actor, date: string | undefined): Promise<DailyReportStatus & { due: Obligation[] }> {
    const campaign = await this.access.campaign(campaignId);
    const day = date === undefined ? cstDate(this.now()) : parseCstDay(date, 'date');
    const [status, plan] = await Promise.all([this.ledger.reportsForDay(campaignId, day), this.access.plan(campaignId)]);
    const due = reportsDueOn(plan.template, campaign.schedule, day);
    const own = this.access.ownUnit(actor, undefined);
    const mine = <T>(list: T[], unitOf: (x: T) => string) => (own === undefined ? list : list.filter((x) => unitOf(x) === own));
    return {
      date: status.date,
      due,
      received: mine(status.received, (r) => r.unitId),
      missing: missingReporters(
        due,
        mine(status.missing, (id) => id),
      ),
    };
  }

  /** 一日一汇总 by county (比照落实): each government's roll-up of the day and its units' reports. */
  async rollUps(campaignId: string, actor: Actor, date: string | undefined): Promise<{ date: string; rollUps: GovernmentRollUp[] }> {
    const campaign = await this.access.campaign(campaignId);
    const day = date === undefined ? cstDate(this.now()) : parseCstDay(date, 'date');
    const [inputs, plan] = await Promise.all([this.ledger.rollUpInputs(campaignId, day), this.access.plan(campaignId)]);
    const own = this.access.ownUnit(actor, undefined);
    const all = rollUpsOfDay(plan.template, campaign.schedule, inputs.roster, inputs.submissions, day, this.now());
    return { date: day, rollUps: own === undefined ? all : all.filter((r) => r.government.unitId === own) };
  }

  /** 三个全覆盖 / 监管盲区 over the campaign's regions × industries. */
  async coverage(campaignId: string, actor: Actor): Promise<Whose<CoverageMatrix>> {
    const campaign = await this.access.campaign(campaignId);
    const own = this.access.ownUnit(actor, undefined);
    const rows = (await this.ledger.coverageRows(campaignId)).filter((r) => own === undefined || r.unitId === own);
    return { ...coverageMatrix({ regions: campaign.scopeRegions, industries: campaign.scopeIndustries }, rows), unitId: own ?? null };
  }

  /** Each template target (目标) with its current rate from the ledger and whether it is met. */
  async targets(campaignId: string, actor: Actor): Promise<Whose<{ asOf: string; targets: TargetProgress[] }>> {
    const campaign = await this.access.campaign(campaignId);
    const plan = await this.access.plan(campaignId);
    const own = this.access.ownUnit(actor, undefined);
    const now = this.now();
    const scores = (await this.ledger.scores(campaignId)).filter((r) => own === undefined || r.unitId === own);
    const kinds = measuredSubmissionKinds(plan.template);
    const units = kinds.length === 0 ? [] : await this.unitRows(campaignId, own);
    const submissions: Partial<Record<SubmissionKind, CampaignSubmissionRow[]>> = {};
    for (const kind of kinds) {
      submissions[kind] = await allPages((offset, limit) =>
        this.ledger.submissionsFor(campaignId, { obligationIdPrefix: obligationIdPrefix(kind), unitId: own, offset, limit }),
      );
    }
    const inputs = targetInputs(
      scores,
      { template: plan.template, schedule: campaign.schedule, calendar: calendarOrWeekdays(plan.calendar) },
      units,
      submissions,
      now,
    );
    return { asOf: now.toISOString(), unitId: own ?? null, targets: targetProgress(plan.template.targets, inputs) };
  }

  /** The campaign's hazards in the hazard ledger (found / rectifying / signed off / overdue / listed). */
  async hazardCounts(campaignId: string, actor: Actor): Promise<Whose<CampaignHazardCounts>> {
    await this.access.campaign(campaignId);
    const own = this.access.ownUnit(actor, undefined);
    if (own === undefined) return { ...(await this.ledger.hazardCounts(campaignId)), unitId: null };
    // A unit's own: counted from its rows in the hazard ledger, by the rule the ledger's SQL counts the campaign's with.
    const rows = await allPages((offset, limit) => this.hazards.list({ campaignId, unitId: own, offset, limit }));
    return { ...countCampaignHazards(rows), unitId: own };
  }

  async escalations(campaignId: string, actor: Actor, query: CampaignEscalationsQuery): Promise<CampaignEscalationRow[]> {
    await this.access.campaign(campaignId);
    return this.ledger.escalations(campaignId, { unitId: this.access.ownUnit(actor, query.unitId), limit: query.limit });
  }

  /** 考核: every unit scored and ranked, with campaign totals; final once the campaign is closed. */
  async summary(campaignId: string, actor: Actor): Promise<Whose<CampaignAssessment>> {
    const campaign = await this.access.campaign(campaignId);
    const own = this.access.ownUnit(actor, undefined);
    const rows = (await this.ledger.scores(campaignId)).filter((r) => own === undefined || r.unitId === own);
    return { ...assessCampaign(rows, campaign.status === 'closed'), unitId: own ?? null };
  }

  /** A page of 履职记录: a unit token gets the campaign's own events and its own unit's; `next` continues it. */
  async events(campaignId: string, actor: Actor, query: CampaignEventsQuery): Promise<CampaignEventPage> {
    const after = query.cursor === undefined ? undefined : decodeEventCursor(query.cursor, isCampaignEventKey);
    await this.access.campaign(campaignId);
    const own = this.access.ownUnit(actor, query.unitId);
    const unitIds = query.unitId !== undefined ? [query.unitId] : own !== undefined ? [null, own] : undefined;
    const page = await this.ledger.events(campaignId, { unitIds, after: after && { unitId: after[0], seq: after[1] }, limit: query.limit });
    return { items: page.items, next: page.next === null ? null : encodeEventCursor([page.next.unitId, page.next.seq] satisfies CursorKey) };
  }

  private async unitRows(campaignId: string, own: string | undefined): Promise<CampaignUnitRow[]> {
    if (own !== undefined) {
      const row = await this.ledger.unit(campaignId, own);
      return row ? [row] : [];
    }
    return allPages((offset, limit) => this.ledger.units(campaignId, { offset, limit }));
  }
}
