import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import {
  assertKnownTemplateFields,
  assessCampaign,
  authorizeCampaignAction,
  conflict,
  coverageMatrix,
  cstDate,
  DomainRejection,
  invalid,
  obligationsBetween,
  validateCampaignLaunch,
  type Actor,
  type CampaignAction,
  type CampaignAssessment,
  ledgerRates,
  submissionRate,
  targetProgress,
  type TargetInputs,
  type TargetProgress,
  type CampaignLaunch,
  type CampaignState,
  type Obligation,
  type ScopeUnit,
} from '@duban/domain';
import {
  CampaignLedgerReader,
  HazardLedgerReader,
  LEDGER_PAGE_MAX,
  type CampaignEscalationRow,
  type CampaignEventRow,
  type CampaignHazardCounts,
  type CampaignLedgerRow,
  type CampaignUnitRow,
  type DailyReportStatus,
} from '@duban/persistence';
import { TEMPORAL_CLIENT } from '@duban/temporal-client';
import {
  addUnitUpdate,
  awaitCampaignRegisteredUpdate,
  CAMPAIGN_TASK_QUEUE,
  campaignViewQuery,
  campaignWorkflowId,
  closeCampaignUpdate,
  extendPhaseUpdate,
  pauseCampaignUpdate,
  recordFindingUpdate,
  recordInspectionUpdate,
  removeUnitUpdate,
  resumeCampaignUpdate,
  submitReportUpdate,
  unitObligationsWorkflowId,
  unitViewQuery,
  type CampaignUpdateResult,
  type CampaignView,
  type CampaignWorkflowInput,
  type UnitUpdateResult,
  type UnitView,
  type WithReason,
} from '@duban/workflows';
import { CLOCK, REGISTRATION_TIMEOUT_MS } from '../config/api-config.tokens';
import { HazardPolicyRegistry } from '../hazards/hazard-policy-registry';
import { awaitRegistration, notYetRegisteredMessage } from '../temporal/registration';
import { CampaignTemplatesService, plainTemplate } from './campaign-templates.service';
import type { CampaignEscalationsQuery, CampaignEventsQuery } from './dto/campaign-reads.query';
import type { AddCampaignUnitDto, ExtendPhaseDto } from './dto/campaign-decisions.dto';
import type { LaunchCampaignDto } from './dto/launch-campaign.dto';
import type { ListCampaignUnitsQuery } from './dto/list-campaign-units.query';
import type { ListCampaignsQuery } from './dto/list-campaigns.query';
import type { RecordFindingDto, RecordInspectionDto, SubmitReportDto } from './dto/unit-obligations.dto';

/** Started by name: the API never imports workflow code. */
export const CAMPAIGN_WORKFLOW_TYPE = 'campaignWorkflow';
type CampaignWorkflow = (input: CampaignWorkflowInput) => Promise<CampaignState>;

/**
 * What `POST /campaigns` answers: 201 once the campaign and its roster are in the ledger
 * (`registered: true`, with the view), or 202 when no worker registered it within the
 * registration timeout (`registered: false`).
 */
export type LaunchCampaignResult =
  | { campaignId: string; registered: true; view: CampaignView }
  | { campaignId: string; registered: false; message: string };

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

/** Every page of a paged ledger read (LEDGER_PAGE_MAX rows at a time). */
async function allPages<T>(read: (offset: number, limit: number) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const page = await read(rows.length, LEDGER_PAGE_MAX);
    rows.push(...page.items);
    if (page.items.length === 0 || rows.length >= page.total) return rows;
  }
}

/** Only the fields a ScopeUnit has (the DTO lets the domain check them and name the path). */
function scopeUnitOf(unit: ScopeUnit): ScopeUnit {
  return {
    unitId: unit.unitId,
    name: unit.name,
    kind: unit.kind,
    regionId: unit.regionId,
    ...(unit.industryId !== undefined ? { industryId: unit.industryId } : {}),
  };
}

/**
 * Campaigns (专项行动) for the HTTP API: launches the campaign workflow (update-with-start),
 * routes the office's decisions to it and each unit's reports, inspections and findings to the
 * unit's obligations workflow, and reads the campaign ledger from PostgreSQL. Every action on
 * a unit goes through `authorizeOnUnit` (on the roster → 404, then the domain's rule → 403);
 * a unit token is confined to its own unit's rows in every read.
 */
@Injectable()
export class CampaignsService {
  private readonly logger = new Logger(CampaignsService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly ledger: CampaignLedgerReader,
    private readonly hazards: HazardLedgerReader,
    private readonly templates: CampaignTemplatesService,
    private readonly policies: HazardPolicyRegistry,
    @Inject(CLOCK) private readonly now: () => Date,
    @Inject(REGISTRATION_TIMEOUT_MS) private readonly registrationTimeoutMs: number,
  ) {}

  // ---- launch and the office's decisions

  /**
   * 发起专项行动: the launch is checked in full before the workflow starts (a refusal names the
   * field and starts nothing); answers once the campaign and its roster are in the ledger, or
   * `registered: false` when no worker has registered it within the registration timeout (the
   * start is not cancelled: the ledger shows the campaign once a worker has processed it).
   */
  async launch(actor: Actor, dto: LaunchCampaignDto): Promise<LaunchCampaignResult> {
    authorizeCampaignAction('launch', actor);
    if (dto.templateId !== undefined && dto.template !== undefined) throw invalid('templateId', 'give either templateId or an inline template, not both');
    if (dto.templateId === undefined && dto.template === undefined) {
      throw invalid('templateId', 'templateId (a shipped or posted template, GET /campaign-templates) or an inline template is required');
    }
    const template = dto.template !== undefined ? plainTemplate(dto.template) : await this.templates.resolve(dto.templateId!);
    const hazardPolicy = this.choosePolicy(dto.hazardPolicyId);
    const scope = dto.scope;
    const launch: CampaignLaunch = {
      campaignId: randomUUID(),
      name: dto.name,
      template,
      scope: {
        regions: scope.regions.map((r) => ({ id: r.id, name: r.name })),
        industries: scope.industries.map((i) => ({ id: i.id, name: i.name })),
        units: scope.units.map(scopeUnitOf),
        leadLeader: scope.leadLeader,
        leadDepartment: scope.leadDepartment,
      },
      startsAt: dto.startsAt,
    };
    validateCampaignLaunch(launch, this.now());
    if (dto.template !== undefined) assertKnownTemplateFields(template, 'template');
    launch.startsAt = new Date(launch.startsAt).toISOString();

    const input: CampaignWorkflowInput = { launch, launchedBy: actor, hazardPolicy };
    const startWorkflowOperation = new WithStartWorkflowOperation<CampaignWorkflow>(CAMPAIGN_WORKFLOW_TYPE, {
      workflowId: campaignWorkflowId(launch.campaignId),
      taskQueue: CAMPAIGN_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
    });
    const { campaignId } = launch;
    const registration = await awaitRegistration(
      this.temporal.workflow.executeUpdateWithStart(awaitCampaignRegisteredUpdate, { startWorkflowOperation }),
      this.registrationTimeoutMs,
      (error) => this.logger.warn(`campaign ${campaignId} (answered 202) did not register: ${error instanceof Error ? error.message : String(error)}`),
    );
    if (!registration.registered) return { campaignId, registered: false, message: notYetRegisteredMessage(`campaign ${campaignId}`, this.registrationTimeoutMs) };
    return { campaignId, registered: true, view: registration.value };
  }

  pause(campaignId: string, actor: Actor, reason: string): Promise<CampaignUpdateResult> {
    return this.decide(campaignId, actor, pauseCampaignUpdate, { reason });
  }

  resume(campaignId: string, actor: Actor, reason: string): Promise<CampaignUpdateResult> {
    return this.decide(campaignId, actor, resumeCampaignUpdate, { reason });
  }

  extendPhase(campaignId: string, actor: Actor, dto: ExtendPhaseDto): Promise<CampaignUpdateResult> {
    return this.decide(campaignId, actor, extendPhaseUpdate, { phaseId: dto.phaseId, by: { amount: dto.by.amount, unit: dto.by.unit }, reason: dto.reason });
  }

  /** 增加单位: refused (409) for a unit already on the roster, unless it was removed. */
  async addUnit(campaignId: string, actor: Actor, dto: AddCampaignUnitDto): Promise<CampaignUpdateResult> {
    authorizeCampaignAction('manage', actor);
    await this.requireCampaign(campaignId);
    const unit = scopeUnitOf(dto.unit);
    const existing = typeof unit.unitId === 'string' ? await this.ledger.unit(campaignId, unit.unitId) : undefined;
    if (existing && existing.status !== 'removed') throw conflict(`unit ${unit.unitId} is already in campaign ${campaignId} (${existing.status})`);
    return this.decide(campaignId, actor, addUnitUpdate, { unit, reason: dto.reason });
  }

  /** 移出单位: the unit must be on the roster (404 otherwise). */
  async removeUnit(campaignId: string, unitId: string, actor: Actor, reason: string | undefined): Promise<CampaignUpdateResult> {
    authorizeCampaignAction('manage', actor);
    if (reason === undefined || reason.trim() === '') throw invalid('reason', 'reason is required (in the body or as ?reason=): every change to a campaign says why');
    await this.requireUnitRow(campaignId, unitId);
    return this.decide(campaignId, actor, removeUnitUpdate, { unitId, reason });
  }

  close(campaignId: string, actor: Actor, reason: string): Promise<CampaignUpdateResult> {
    return this.decide(campaignId, actor, closeCampaignUpdate, { reason });
  }

  // ---- a unit's obligations (单位任务)

  /** 一日一报 / 零报告 / 阶段材料 / 活动信息: from the unit itself. */
  submitReport(campaignId: string, unitId: string, actor: Actor, dto: SubmitReportDto): Promise<UnitUpdateResult> {
    const args = {
      obligationId: dto.obligationId,
      zero: dto.zero,
      content: dto.content,
      ...(dto.hazardsFound !== undefined ? { hazardsFound: dto.hazardsFound } : {}),
      ...(dto.hazardsRectified !== undefined ? { hazardsRectified: dto.hazardsRectified } : {}),
    };
    return this.actOnUnit(campaignId, unitId, actor, 'submit_report', submitReportUpdate, args);
  }

  recordInspection(campaignId: string, unitId: string, actor: Actor, dto: RecordInspectionDto): Promise<UnitUpdateResult> {
    return this.actOnUnit(campaignId, unitId, actor, 'record_inspection', recordInspectionUpdate, { tierId: dto.tierId, checkItemIds: dto.checkItemIds, note: dto.note });
  }

  /** 发现隐患: the unit's workflow opens a hazard in the hazard ledger and answers with its id. */
  recordFinding(campaignId: string, unitId: string, actor: Actor, dto: RecordFindingDto): Promise<UnitUpdateResult & { hazardId: string }> {
    const report = {
      title: dto.title,
      description: dto.description,
      location: dto.location,
      industry: dto.industry,
      grade: dto.grade,
      finder: dto.finder,
      deadline: new Date(dto.deadline).toISOString(),
    };
    return this.actOnUnit(campaignId, unitId, actor, 'record_finding', recordFindingUpdate, report);
  }

  // ---- reads

  list(actor: Actor, query: ListCampaignsQuery): Promise<Page<CampaignLedgerRow>> {
    authorizeCampaignAction('read', actor);
    return this.ledger.list({ status: query.status, kind: query.kind, limit: query.limit, offset: query.offset });
  }

  /** The authoritative view from the workflow, beside the ledger row. */
  async detail(campaignId: string, actor: Actor): Promise<CampaignDetail> {
    authorizeCampaignAction('read', actor);
    const [ledger, view] = await Promise.all([this.requireCampaign(campaignId), this.queryView(campaignWorkflowId(campaignId), campaignViewQuery)]);
    return view ? { view, viewSource: 'workflow', ledger } : { viewSource: 'none', ledger };
  }

  /** Per-unit status and counters; a unit token sees only its own row. */
  async units(campaignId: string, actor: Actor, query: ListCampaignUnitsQuery): Promise<Page<CampaignUnitRow>> {
    await this.requireCampaign(campaignId);
    const unitId = this.scopeUnit(actor, query.unitId);
    if (unitId === undefined) {
      return this.ledger.units(campaignId, { status: query.status, regionId: query.regionId, industryId: query.industryId, limit: query.limit, offset: query.offset });
    }
    const row = await this.ledger.unit(campaignId, unitId);
    const matches =
      row !== undefined &&
      (query.status === undefined || row.status === query.status) &&
      (query.regionId === undefined || row.regionId === query.regionId) &&
      (query.industryId === undefined || row.industryId === query.industryId);
    return { items: matches && (query.offset ?? 0) === 0 ? [row] : [], total: matches ? 1 : 0 };
  }

  /** One unit's file: the workflow's view (state, open obligations, next due) and its ledger row. */
  async unit(campaignId: string, unitId: string, actor: Actor): Promise<CampaignUnitDetail> {
    const ledger = await this.authorizeOnUnit(campaignId, unitId, actor, 'read');
    const view = await this.queryView(unitObligationsWorkflowId(campaignId, unitId), unitViewQuery);
    return view ? { view, viewSource: 'workflow', ledger } : { viewSource: 'none', ledger };
  }

  /**
   * 一日一报、一日一汇总 for a China Standard Time day (default today), with the report
   * obligations due that day (`due`, their cut-offs). On a day with none due (before the start,
   * a phase without the report, after the end) no unit is missing.
   */
  async reports(campaignId: string, actor: Actor, date: string | undefined): Promise<DailyReportStatus & { due: Obligation[] }> {
    const campaign = await this.requireCampaign(campaignId);
    const day = date ?? cstDate(this.now());
    const [y, m, d] = day.split('-').map(Number);
    if (new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) !== day) throw invalid('date', `date ${JSON.stringify(day)} is not a calendar day`);
    const [status, plan] = await Promise.all([this.ledger.reportsForDay(campaignId, day), this.ledger.plan(campaignId)]);
    const dayStart = Date.parse(`${day}T00:00:00+08:00`);
    const due = plan
      ? obligationsBetween(plan.template, campaign.schedule, new Date(dayStart - 1), new Date(dayStart + 86_400_000 - 1)).filter((o) => o.kind === 'report')
      : [];
    const own = this.scopeUnit(actor, undefined);
    const mine = <T>(list: T[], unitOf: (x: T) => string) => (own === undefined ? list : list.filter((x) => unitOf(x) === own));
    return {
      date: status.date,
      due,
      received: mine(status.received, (r) => r.unitId),
      missing: plan && due.length === 0 ? [] : mine(status.missing, (id) => id),
    };
  }

  /** 三个全覆盖 / 监管盲区 over the campaign's regions × industries. */
  async coverage(campaignId: string, actor: Actor): Promise<ReturnType<typeof coverageMatrix> & { unitId: string | null }> {
    const campaign = await this.requireCampaign(campaignId);
    const own = this.scopeUnit(actor, undefined);
    const rows = (await this.ledger.coverageRows(campaignId)).filter((r) => own === undefined || r.unitId === own);
    return { ...coverageMatrix({ regions: campaign.scopeRegions, industries: campaign.scopeIndustries }, rows), unitId: own ?? null };
  }

  /** Each template target (目标) with its current rate from the ledger and whether it is met. */
  async targets(campaignId: string, actor: Actor): Promise<{ asOf: string; unitId: string | null; targets: TargetProgress[] }> {
    const campaign = await this.requireCampaign(campaignId);
    const plan = await this.ledger.plan(campaignId);
    if (!plan) throw new NotFoundException(`campaign ${campaignId} not found`);
    const own = this.scopeUnit(actor, undefined);
    const now = this.now();
    const scores = (await this.ledger.scores(campaignId)).filter((r) => own === undefined || r.unitId === own);
    const metrics = new Set(plan.template.targets.map((t) => t.metric));
    const kinds = (['deliverable', 'activity'] as const).filter((kind) => metrics.has(kind === 'deliverable' ? 'deliverables_on_time_rate' : 'activities_reported_rate'));
    const units = kinds.length === 0 ? [] : await this.unitRows(campaignId, own);
    const submissions = async (kind: 'deliverable' | 'activity') =>
      allPages((offset, limit) => this.ledger.submissionsFor(campaignId, { obligationIdPrefix: `${kind}:`, unitId: own, offset, limit }));
    const none = { part: 0, whole: 0 };
    const inputs: TargetInputs = {
      ...ledgerRates(scores),
      deliverables_on_time_rate: kinds.includes('deliverable')
        ? submissionRate('deliverable', plan.template, campaign.schedule, units, await submissions('deliverable'), now)
        : none,
      activities_reported_rate: kinds.includes('activity')
        ? submissionRate('activity', plan.template, campaign.schedule, units, await submissions('activity'), now)
        : none,
    };
    return { asOf: now.toISOString(), unitId: own ?? null, targets: targetProgress(plan.template.targets, inputs) };
  }

  /** The campaign's hazards in the hazard ledger (found / rectifying / signed off / overdue / listed). */
  async hazardCounts(campaignId: string, actor: Actor): Promise<CampaignHazardCounts & { unitId: string | null }> {
    await this.requireCampaign(campaignId);
    const own = this.scopeUnit(actor, undefined);
    if (own === undefined) return { ...(await this.ledger.hazardCounts(campaignId)), unitId: null };
    // A unit's own: counted from its rows in the hazard ledger, as hazardCounts counts the campaign's.
    const rows = await allPages((offset, limit) => this.hazards.list({ campaignId, unitId: own, offset, limit }));
    const signedOff = rows.filter((r) => r.status === 'signed_off');
    return {
      found: rows.length,
      signedOff: signedOff.length,
      signedOffOnTime: signedOff.filter((r) => r.signedOffAt !== null && Date.parse(r.signedOffAt) <= Date.parse(r.deadline)).length,
      open: rows.length - signedOff.length,
      rectifying: rows.filter((r) => r.status === 'rectifying').length,
      overdue: rows.filter((r) => r.overdue).length,
      overdueOpen: rows.filter((r) => r.overdue && r.status !== 'signed_off').length,
      listedForSupervision: rows.filter((r) => r.listedForSupervision).length,
      unitId: own,
    };
  }

  async escalations(campaignId: string, actor: Actor, query: CampaignEscalationsQuery): Promise<CampaignEscalationRow[]> {
    await this.requireCampaign(campaignId);
    return this.ledger.escalations(campaignId, { unitId: this.scopeUnit(actor, query.unitId), limit: query.limit });
  }

  /** 考核: every unit scored and ranked, with campaign totals; final once the campaign is closed. */
  async summary(campaignId: string, actor: Actor): Promise<CampaignAssessment & { unitId: string | null }> {
    const campaign = await this.requireCampaign(campaignId);
    const own = this.scopeUnit(actor, undefined);
    const rows = (await this.ledger.scores(campaignId)).filter((r) => own === undefined || r.unitId === own);
    return { ...assessCampaign(rows, campaign.status === 'closed'), unitId: own ?? null };
  }

  /** 履职记录: a unit token gets the campaign's own events and its own unit's. */
  async events(campaignId: string, actor: Actor, query: CampaignEventsQuery): Promise<CampaignEventRow[]> {
    await this.requireCampaign(campaignId);
    const own = this.scopeUnit(actor, query.unitId);
    if (own === undefined) return this.ledger.events(campaignId, query.unitId !== undefined ? { unitId: query.unitId } : {});
    if (query.unitId !== undefined) return this.ledger.events(campaignId, { unitId: own });
    const [campaignLevel, mine] = await Promise.all([this.ledger.events(campaignId, { unitId: null }), this.ledger.events(campaignId, { unitId: own })]);
    return [...campaignLevel, ...mine];
  }

  // ---- the checks every call goes through

  private async requireCampaign(campaignId: string): Promise<CampaignLedgerRow> {
    const campaign = await this.ledger.get(campaignId);
    if (!campaign) throw new NotFoundException(`campaign ${campaignId} not found`);
    return campaign;
  }

  private async requireUnitRow(campaignId: string, unitId: string): Promise<CampaignUnitRow> {
    const row = await this.ledger.unit(campaignId, unitId);
    if (row) return row;
    await this.requireCampaign(campaignId);
    throw new NotFoundException(`unit ${unitId} is not in campaign ${campaignId}`);
  }

  /**
   * The object-level check of every action and read on one unit: the campaign exists and the
   * unit is on its roster (404), and the actor may do `action` to that unit (403, the domain's reason).
   */
  private async authorizeOnUnit(campaignId: string, unitId: string, actor: Actor, action: CampaignAction): Promise<CampaignUnitRow> {
    const row = await this.requireUnitRow(campaignId, unitId);
    authorizeCampaignAction(action, actor, unitId);
    return row;
  }

  /** A unit token is confined to its own unit; asking for another is refused with the domain's reason. */
  private scopeUnit(actor: Actor, requested: string | undefined): string | undefined {
    if (actor.role !== 'unit') return requested;
    if (requested !== undefined) authorizeCampaignAction('read', actor, requested);
    return actor.unitId;
  }

  private async decide<A extends WithReason>(
    campaignId: string,
    actor: Actor,
    update: UpdateDefinition<CampaignUpdateResult, [A]>,
    body: Omit<A, 'actor'>,
  ): Promise<CampaignUpdateResult> {
    authorizeCampaignAction('manage', actor);
    await this.requireCampaign(campaignId);
    try {
      return await this.temporal.workflow.getHandle(campaignWorkflowId(campaignId)).executeUpdate(update, { args: [{ ...body, actor } as A] });
    } catch (error) {
      // The ledger knows the campaign, so its workflow has ended: it was closed.
      if (error instanceof WorkflowNotFoundError) throw conflict(`campaign ${campaignId} has ended (已结束); it takes no further decisions`);
      throw error;
    }
  }

  private async actOnUnit<R extends UnitUpdateResult, A extends { actor: Actor }>(
    campaignId: string,
    unitId: string,
    actor: Actor,
    action: CampaignAction,
    update: UpdateDefinition<R, [A]>,
    body: Omit<A, 'actor'>,
  ): Promise<R> {
    const row = await this.authorizeOnUnit(campaignId, unitId, actor, action);
    try {
      return await this.temporal.workflow.getHandle(unitObligationsWorkflowId(campaignId, unitId)).executeUpdate(update, { args: [{ ...body, actor } as A] });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        if (row.status === 'pending') {
          throw conflict(`unit ${unitId}'s obligations in campaign ${campaignId} have not started yet (待纳入): the campaign is still enrolling its units — try again shortly`);
        }
        throw conflict(`unit ${unitId} is ${row.status} in campaign ${campaignId}; its obligations take no further actions`);
      }
      throw error;
    }
  }

  /** The workflow's own view, or undefined when the workflow is not (or no longer) on record. */
  private async queryView<T>(workflowId: string, query: QueryDefinition<T, []>): Promise<T | undefined> {
    try {
      return await this.temporal.workflow.getHandle(workflowId).query(query);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  private async unitRows(campaignId: string, own: string | undefined): Promise<CampaignUnitRow[]> {
    if (own !== undefined) {
      const row = await this.ledger.unit(campaignId, own);
      return row ? [row] : [];
    }
    return allPages((offset, limit) => this.ledger.units(campaignId, { offset, limit }));
  }

  private choosePolicy(policyId: string | undefined) {
    try {
      return this.policies.choose(policyId);
    } catch (error) {
      if (error instanceof DomainRejection && error.field === 'policyId') throw invalid('hazardPolicyId', error.message.replace(/policyId/g, 'hazardPolicyId'), error.details);
      throw error;
    }
  }
}
