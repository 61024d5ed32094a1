import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  assertKnownTemplateFields,
  chooseHazardPolicy,
  chooseRoster,
  chooseTemplate,
  conflict,
  invalid,
  validateCampaignLaunch,
  type Actor,
  type CampaignAction,
  type CampaignLaunch,
  type CampaignScope,
  type HazardPolicy,
  workCalendarOf,
} from '@duban/domain';
import { CampaignLedgerReader, RegistryReader } from '@duban/persistence';
import {
  addUnitUpdate,
  awaitCampaignRegisteredUpdate,
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
  type CampaignUpdateResult,
  type CampaignView,
  type CampaignWorkflowInput,
  type UnitUpdateResult,
  type WithReason,
} from '@duban/workflows';
import { CLOCK, HAZARD_POLICIES } from '../config/api-config.tokens';
import { commandArgs } from '../http/command-args';
import { WorkCalendarResolver } from '../calendar/work-calendar-resolver';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { CampaignAccess } from './campaign-access';
import { CampaignTemplatesService } from './campaign-templates.service';
import { readRegistryRoster } from './registry-roster';
import { InspectionAssignmentCheck } from './inspection-assignment-check';
import type { AddCampaignUnitDto, ExtendPhaseDto } from './dto/campaign-decisions.dto';
import type { CampaignScopeDto, LaunchCampaignDto } from './dto/launch-campaign.dto';
import type { RecordFindingDto, RecordInspectionDto, SubmitReportDto } from './dto/unit-obligations.dto';

/**
 * What `POST /campaigns` answers: 201 once the campaign and its roster are in the ledger
 * (`registered: true`, with the view), or 202 when no worker registered it within the
 * registration timeout (`registered: false`).
 */
export type LaunchCampaignResult =
  { campaignId: string; registered: true; view: CampaignView } | { campaignId: string; registered: false; message: string };

/**
 * Campaigns (专项行动), the commands: launches the campaign workflow, routes the office's
 * decisions to it and each unit's reports, inspections and findings to the unit's obligations
 * workflow, each after the object-level checks of `CampaignAccess`.
 */
@Injectable()
export class CampaignCommandsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly access: CampaignAccess,
    private readonly ledger: CampaignLedgerReader,
    private readonly templates: CampaignTemplatesService,
    private readonly registry: RegistryReader,
    private readonly calendars: WorkCalendarResolver,
    private readonly assignments: InspectionAssignmentCheck,
    @Inject(HAZARD_POLICIES) private readonly policies: HazardPolicy[],
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  /**
   * 发起专项行动: the launch is checked in full before the workflow starts (a refusal names the
   * field and starts nothing); answers once the campaign and its roster are in the ledger, or
   * `registered: false` when no worker has registered it within the registration timeout.
   */
  async launch(actor: Actor, dto: LaunchCampaignDto): Promise<LaunchCampaignResult> {
    const choice = chooseTemplate(dto);
    const template = choice.source === 'inline' ? commandArgs(choice.template) : await this.templates.resolve(choice.templateId);
    const hazardPolicy = chooseHazardPolicy(this.policies, dto.hazardPolicyId, 'hazardPolicyId');
    const launch: CampaignLaunch = {
      campaignId: this.workflows.newResourceId(),
      name: dto.name,
      template,
      scope: await this.roster(dto.scope, dto.startsAt),
      startsAt: dto.startsAt,
    };
    const now = this.now();
    // The calendar the campaign and its units will count on, resolved here and handed over in the input.
    const calendar = await this.calendars.calendarFrom(now);
    validateCampaignLaunch(launch, now, workCalendarOf(calendar));
    if (choice.source === 'inline') assertKnownTemplateFields(template, 'template');
    launch.startsAt = new Date(launch.startsAt).toISOString();
    await this.access.launch(
      actor,
      dto.scope.selector?.regionIds,
      launch.scope.units.map((u) => u.unitId),
    );

    const { campaignId } = launch;
    const started = await this.workflows.start<CampaignWorkflowInput, CampaignView>({
      workflowType: 'campaignWorkflow',
      workflowId: campaignWorkflowId(campaignId),
      input: { launch, launchedBy: actor, hazardPolicy, calendar },
      registered: awaitCampaignRegisteredUpdate,
      subject: `campaign ${campaignId}`,
    });
    return started.registered ? { campaignId, registered: true, view: started.value } : { campaignId, registered: false, message: started.message };
  }

  /**
   * The roster a launch records: the body's, or the registry's units the selector matches as of
   * the start (a campaign launched in March keeps the scope it had in March).
   */
  private async roster(scope: CampaignScopeDto, startsAt: string): Promise<CampaignScope> {
    const choice = chooseRoster(scope);
    const { selector: _selector, ...given } = commandArgs(scope);
    if (choice.source === 'body') return given as CampaignScope;
    return { ...given, ...(await readRegistryRoster(this.registry, choice.selector, new Date(startsAt))) };
  }

  pause(campaignId: string, actor: Actor, reason: string): Promise<CampaignUpdateResult> {
    return this.decide(campaignId, actor, pauseCampaignUpdate, { reason });
  }

  resume(campaignId: string, actor: Actor, reason: string): Promise<CampaignUpdateResult> {
    return this.decide(campaignId, actor, resumeCampaignUpdate, { reason });
  }

  extendPhase(campaignId: string, actor: Actor, dto: ExtendPhaseDto): Promise<CampaignUpdateResult> {
    return this.decide(campaignId, actor, extendPhaseUpdate, commandArgs(dto));
  }

  /** 增加单位: refused (409) for a unit already on the roster, unless it was removed. */
  async addUnit(campaignId: string, actor: Actor, dto: AddCampaignUnitDto): Promise<CampaignUpdateResult> {
    const args = commandArgs(dto);
    const { unitId } = args.unit;
    await this.access.unitToAdd(campaignId, actor, unitId);
    const existing = typeof unitId === 'string' ? await this.ledger.unit(campaignId, unitId) : undefined;
    if (existing && existing.status !== 'removed')
      throw conflict('campaign.unit.already_enrolled', `unit ${unitId} is already in campaign ${campaignId} (${existing.status})`);
    return this.decide(campaignId, actor, addUnitUpdate, args, false);
  }

  /** 移出单位: the unit must be on the roster (404 otherwise). */
  async removeUnit(campaignId: string, unitId: string, actor: Actor, reason: string | undefined): Promise<CampaignUpdateResult> {
    if (reason === undefined || reason.trim() === '')
      throw invalid(
        'campaign.decision.reason_required',
        'reason',
        'reason is required (in the body or as ?reason=): every change to a campaign says why',
      );
    await this.access.onUnit(campaignId, unitId, actor, 'manage');
    return this.decide(campaignId, actor, removeUnitUpdate, { unitId, reason });
  }

  close(campaignId: string, actor: Actor, reason: string): Promise<CampaignUpdateResult> {
    return this.decide(campaignId, actor, closeCampaignUpdate, { reason });
  }

  // ---- a unit's obligations (单位任务)

  /** 一日一报 / 零报告 / 阶段材料 / 活动信息: from the unit itself. */
  submitReport(campaignId: string, unitId: string, actor: Actor, dto: SubmitReportDto): Promise<UnitUpdateResult> {
    return this.actOnUnit(campaignId, unitId, actor, 'submit_report', submitReportUpdate, commandArgs(dto));
  }

  async recordInspection(campaignId: string, unitId: string, actor: Actor, dto: RecordInspectionDto): Promise<UnitUpdateResult> {
    await this.assignments.authorize(campaignId, unitId, actor);
    return this.actOnUnit(campaignId, unitId, actor, 'record_inspection', recordInspectionUpdate, commandArgs(dto));
  }

  /** 发现隐患: the unit's workflow opens a hazard in the hazard ledger and answers with its id. */
  async recordFinding(campaignId: string, unitId: string, actor: Actor, dto: RecordFindingDto): Promise<UnitUpdateResult & { hazardId: string }> {
    await this.assignments.authorize(campaignId, unitId, actor);
    const report = { ...commandArgs(dto), deadline: new Date(dto.deadline).toISOString() };
    return this.actOnUnit(campaignId, unitId, actor, 'record_finding', recordFindingUpdate, report);
  }

  private async decide<A extends WithReason>(
    campaignId: string,
    actor: Actor,
    update: UpdateDefinition<CampaignUpdateResult, [A]>,
    args: Omit<A, 'actor'>,
    // Adding a unit is checked on the unit (a county adds its own units to the city's campaign), not on the campaign's territory.
    onCampaignTerritory = true,
  ): Promise<CampaignUpdateResult> {
    if (onCampaignTerritory) await this.access.managed(campaignId, actor);
    // The ledger knows the campaign, so a workflow Temporal no longer knows has ended: it was closed.
    return this.workflows.update(campaignWorkflowId(campaignId), update, { ...args, actor } as A, () =>
      conflict('campaign.ended', `campaign ${campaignId} has ended (已结束); it takes no further decisions`),
    );
  }

  private async actOnUnit<R extends UnitUpdateResult, A extends { actor: Actor }>(
    campaignId: string,
    unitId: string,
    actor: Actor,
    action: CampaignAction,
    update: UpdateDefinition<R, [A]>,
    args: Omit<A, 'actor'>,
  ): Promise<R> {
    const row = await this.access.onUnit(campaignId, unitId, actor, action);
    return this.workflows.update(unitObligationsWorkflowId(campaignId, unitId), update, { ...args, actor } as A, () =>
      row.status === 'pending'
        ? conflict(
            'campaign.unit.not_started',
            `unit ${unitId}'s obligations in campaign ${campaignId} have not started yet (待纳入): the campaign is still enrolling its units — try again shortly`,
          )
        : conflict('campaign.unit.inactive', `unit ${unitId} is ${row.status} in campaign ${campaignId}; its obligations take no further actions`),
    );
  }
}
