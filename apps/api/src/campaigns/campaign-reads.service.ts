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
  withinBounds,
  type Actor,
  type CampaignAssessment,
  type CampaignHazardCounts,
  type CoverageMatrix,
  type ListBounds,
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
import { isScoped, Places } from '../auth/places';
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
/** A campaign-wide figure, and whose it is: `null` for the campaign's (within the reader's scope), a unit id for a unit token's own. */
type Whose<T> = T & { unitId: string | null };

/** Whose a figure is: a unit token's own unit, or null (the campaign's, within the reader's scope). */
const ownOf = (actor: Actor): string | null =>
  actor.role === 'unit' && actor.unitId !== undefined && actor.industryId === undefined ? actor.unitId : null;

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
 * and the domain's roll-ups over them (一日一汇总, 三个全覆盖, 目标, 考核). The campaign must lie
 * on the reader's line, and its units' rows are bounded by the reader's scope (a unit's own, a
 * department's industry, an office's territory): paged lists in their SQL, roll-ups over the
 * whole roster here.
 */
@Injectable()
export class CampaignReadsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly access: CampaignAccess,
    private readonly ledger: CampaignLedgerReader,
    private readonly hazards: HazardLedgerReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  /** The campaigns on the reader's line: launched above every territory, in its region or below, or in a region above it. */
  async list(actor: Actor, query: ListCampaignsQuery): Promise<Page<CampaignLedgerRow>> {
    const regionPath = await this.places.regionPathOf(actor);
    const line = isScoped(actor) && actor.regionId !== undefined ? { regionId: actor.regionId, regionPath } : undefined;
    return this.ledger.list({ status: query.status, kind: query.kind, line, limit: query.limit, offset: query.offset });
  }

  /** The authoritative view from the workflow, beside the ledger row. */
  async detail(campaignId: string, actor: Actor): Promise<CampaignDetail> {
    const ledger = await this.access.readable(campaignId, actor);
    const view = await this.workflows.query(campaignWorkflowId(campaignId), campaignViewQuery);
    return view ? { view, viewSource: 'workflow', ledger } : { viewSource: 'none', ledger };
  }

  /** Per-unit status and counters, within the reader's scope (a unit token: its own row). */
  async units(campaignId: string, actor: Actor, query: ListCampaignUnitsQuery): Promise<Page<CampaignUnitRow>> {
    await this.access.readable(campaignId, actor);
    const bounds = await this.access.bounds(actor, query.unitId);
    const filter = { status: query.status, regionId: query.regionId, industryId: query.industryId };
    if (bounds.unitId === undefined) return this.ledger.units(campaignId, { ...filter, bounds, limit: query.limit, offset: query.offset });
    const row = await this.ledger.unit(campaignId, bounds.unitId);
    const placeOf = await this.access.placesOf(actor, [bounds.unitId]);
    const matches = row !== undefined && matchesUnitFilter(row, filter) && withinBounds(bounds, placeOf(row.unitId));
    return { items: matches && (query.offset ?? 0) === 0 ? [row] : [], total: matches ? 1 : 0 };
  }

  /** One unit's file: the workflow's view (state, open obligations, next due) and its ledger row. */
  async unit(campaignId: string, unitId: string, actor: Actor): Promise<CampaignUnitDetail> {
    await this.access.readable(campaignId, actor);
    const ledger = await this.access.onUnit(campaignId, unitId, actor, 'read');
    const view = await this.workflows.query(unitObligationsWorkflowId(campaignId, unitId), unitViewQuery);
    return view ? { view, viewSource: 'workflow', ledger } : { viewSource: 'none', ledger };
  }

  /** 一日一报、一日一汇总 for a China Standard Time day (default today), with the report obligations due that day. */
  async reports(campaignId: string, actor: Actor, date: string | undefined): Promise<DailyReportStatus & { due: Obligation[] }> {
    const campaign = await this.access.readable(campaignId, actor);
    const day = date === undefined ? cstDate(this.now()) : parseCstDay(date, 'date');
    const [status, plan] = await Promise.all([this.ledger.reportsForDay(campaignId, day), this.access.plan(campaignId)]);
    const due = reportsDueOn(plan.template, campaign.schedule, day);
    const within = await this.within(actor, [...status.received.map((r) => r.unitId), ...status.missing]);
    const mine = <T>(list: T[], unitOf: (x: T) => string) => list.filter((x) => within(unitOf(x)));
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
    const campaign = await this.access.readable(campaignId, actor);
    const day = date === undefined ? cstDate(this.now()) : parseCstDay(date, 'date');
    const [inputs, plan] = await Promise.all([this.ledger.rollUpInputs(campaignId, day), this.access.plan(campaignId)]);
    const all = rollUpsOfDay(plan.template, campaign.schedule, inputs.roster, inputs.submissions, day, this.now());
    // A government's roll-up is read where the government itself may be read.
    const within = await this.within(
      actor,
      all.map((r) => r.government.unitId),
    );
    return { date: day, rollUps: all.filter((r) => within(r.government.unitId)) };
  }

  /** 三个全覆盖 / 监管盲区 over the campaign's regions × industries. */
  async coverage(campaignId: string, actor: Actor): Promise<Whose<CoverageMatrix>> {
    const campaign = await this.access.readable(campaignId, actor);
    const all = await this.ledger.coverageRows(campaignId);
    const within = await this.within(
      actor,
      all.map((r) => r.unitId),
    );
    const rows = all.filter((r) => within(r.unitId));
    return { ...coverageMatrix({ regions: campaign.scopeRegions, industries: campaign.scopeIndustries }, rows), unitId: ownOf(actor) };
  }

  /** Each template target (目标) with its current rate from the ledger and whether it is met. */
  async targets(campaignId: string, actor: Actor): Promise<Whose<{ asOf: string; targets: TargetProgress[] }>> {
    const campaign = await this.access.readable(campaignId, actor);
    const plan = await this.access.plan(campaignId);
    const bounds = await this.access.bounds(actor, undefined);
    const now = this.now();
    const all = await this.ledger.scores(campaignId);
    const within = await this.within(
      actor,
      all.map((r) => r.unitId),
    );
    const scores = all.filter((r) => within(r.unitId));
    const kinds = measuredSubmissionKinds(plan.template);
    const units = kinds.length === 0 ? [] : await this.unitRows(campaignId, bounds);
    const submissions: Partial<Record<SubmissionKind, CampaignSubmissionRow[]>> = {};
    for (const kind of kinds) {
      submissions[kind] = await allPages((offset, limit) =>
        this.ledger.submissionsFor(campaignId, { obligationIdPrefix: obligationIdPrefix(kind), bounds, offset, limit }),
      );
    }
    const inputs = targetInputs(
      scores,
      { template: plan.template, schedule: campaign.schedule, calendar: calendarOrWeekdays(plan.calendar) },
      units,
      submissions,
      now,
    );
    return { asOf: now.toISOString(), unitId: ownOf(actor), targets: targetProgress(plan.template.targets, inputs) };
  }

  /** The campaign's hazards in the hazard ledger (found / rectifying / signed off / overdue / listed). */
  async hazardCounts(campaignId: string, actor: Actor): Promise<Whose<CampaignHazardCounts>> {
    await this.access.readable(campaignId, actor);
    const bounds = await this.access.bounds(actor, undefined);
    if (Object.keys(bounds).length === 0) return { ...(await this.ledger.hazardCounts(campaignId)), unitId: null };
    // Within the reader's scope: counted from its rows in the hazard ledger, by the rule the ledger's SQL counts the campaign's with.
    const rows = await allPages((offset, limit) => this.hazards.list({ campaignId, bounds, offset, limit }));
    return { ...countCampaignHazards(rows), unitId: ownOf(actor) };
  }

  async escalations(campaignId: string, actor: Actor, query: CampaignEscalationsQuery): Promise<CampaignEscalationRow[]> {
    await this.access.readable(campaignId, actor);
    return this.ledger.escalations(campaignId, { bounds: await this.access.bounds(actor, query.unitId), limit: query.limit });
  }

  /** 考核: every unit scored and ranked, with campaign totals; final once the campaign is closed. */
  async summary(campaignId: string, actor: Actor): Promise<Whose<CampaignAssessment>> {
    const campaign = await this.access.readable(campaignId, actor);
    const all = await this.ledger.scores(campaignId);
    const within = await this.within(
      actor,
      all.map((r) => r.unitId),
    );
    return {
      ...assessCampaign(
        all.filter((r) => within(r.unitId)),
        campaign.status === 'closed',
      ),
      unitId: ownOf(actor),
    };
  }

  /** A page of 履职记录: the campaign's own events and those of the units within the reader's scope; `next` continues it. */
  async events(campaignId: string, actor: Actor, query: CampaignEventsQuery): Promise<CampaignEventPage> {
    const after = query.cursor === undefined ? undefined : decodeEventCursor(query.cursor, isCampaignEventKey);
    await this.access.readable(campaignId, actor);
    const { unitId, ...scope } = await this.access.bounds(actor, query.unitId);
    // One unit asked for: its events only; a unit token: the campaign's own and its unit's; territory and industry bound the rest.
    const unitIds = query.unitId !== undefined ? [query.unitId] : unitId !== undefined ? [null, unitId] : undefined;
    const bounds = Object.keys(scope).length > 0 ? { bounds: scope } : {};
    const page = await this.ledger.events(campaignId, {
      unitIds,
      ...bounds,
      after: after && { unitId: after[0], seq: after[1] },
      limit: query.limit,
    });
    return { items: page.items, next: page.next === null ? null : encodeEventCursor([page.next.unitId, page.next.seq] satisfies CursorKey) };
  }

  private async unitRows(campaignId: string, bounds: ListBounds): Promise<CampaignUnitRow[]> {
    return allPages((offset, limit) => this.ledger.units(campaignId, { bounds, offset, limit }));
  }

  /** Whether each of `unitIds`' rows is within the reader's scope (a whole-roster read, bounded here). */
  private async within(actor: Actor, unitIds: readonly string[]): Promise<(unitId: string) => boolean> {
    const bounds = await this.access.bounds(actor, undefined);
    if (Object.keys(bounds).length === 0) return () => true;
    const placeOf = await this.access.placesOf(actor, unitIds);
    return (unitId) => withinBounds(bounds, placeOf(unitId));
  }
}
