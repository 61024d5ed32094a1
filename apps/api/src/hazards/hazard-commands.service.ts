import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  admitHazardReport,
  chooseHazardPolicy,
  conflict,
  type Actor,
  type HazardAction,
  type HazardPolicy,
  type HazardReport,
  type HazardState,
  type RectificationPlan,
  workCalendarOf,
} from '@duban/domain';
import { HazardLedgerReader } from '@duban/persistence';
import {
  awaitRegisteredUpdate,
  claimCompletionUpdate,
  decideExtensionUpdate,
  delistUpdate,
  hazardWorkflowId,
  listForSupervisionUpdate,
  reportMonitoringUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  startMonitoringUpdate,
  submitPlanUpdate,
  verifyUpdate,
  type HazardUpdateResult,
  type HazardWorkflowInput,
} from '@duban/workflows';
import { CLOCK, HAZARD_POLICIES } from '../config/api-config.tokens';
import { commandArgs } from '../http/command-args';
import { WorkCalendarResolver } from '../calendar/work-calendar-resolver';
import { EvidenceReferences } from '../evidence/evidence-references';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import type { ClaimCompletionDto } from './dto/claim-completion.dto';
import type { DecideExtensionDto } from './dto/decide-extension.dto';
import type { DelistHazardDto, ListForSupervisionDto } from './dto/list-for-supervision.dto';
import type { RectificationPlanDto } from './dto/rectification-plan.dto';
import type { ReportHazardDto } from './dto/report-hazard.dto';
import type { ReportMonitoringDto } from './dto/report-monitoring.dto';
import type { ReportProgressDto } from './dto/report-progress.dto';
import type { RequestExtensionDto } from './dto/request-extension.dto';
import type { StartMonitoringDto } from './dto/start-monitoring.dto';
import type { VerifyHazardDto } from './dto/verify-hazard.dto';
import { Places } from '../auth/places';
import { authorizeHazardReport, authorizeOnHazard } from './hazard-access';

/**
 * What `POST /hazards` answers: 201 once the ledger row exists (`registered: true`, with the state),
 * or 202 when no worker registered it within the registration timeout (`registered: false`).
 */
export type ReportHazardResult =
  { hazardId: string; registered: true; state: HazardState } | { hazardId: string; registered: false; message: string };

/**
 * Hazards (隐患排查治理), the commands: admits a report and starts its workflow, and routes each
 * action on a hazard to its workflow as an update, after the object-level check.
 */
@Injectable()
export class HazardCommandsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly ledger: HazardLedgerReader,
    private readonly places: Places,
    private readonly calendars: WorkCalendarResolver,
    private readonly evidence: EvidenceReferences,
    @Inject(HAZARD_POLICIES) private readonly policies: HazardPolicy[],
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  /**
   * 隐患登记: everything is checked before the workflow starts (a refusal writes nothing);
   * answers once the report is in the ledger, or `registered: false` when no worker has
   * registered it within the registration timeout. `origin` (a ledger import's file and row) is
   * named in the report's recorded reason.
   */
  async report(actor: Actor, dto: ReportHazardDto, origin?: string): Promise<ReportHazardResult> {
    const { report, policy, calendar } = await this.admit(actor, dto);
    const hazardId = this.workflows.newResourceId();
    const started = await this.workflows.start<HazardWorkflowInput, HazardUpdateResult>({
      workflowType: 'hazardWorkflow',
      workflowId: hazardWorkflowId(hazardId),
      input: { hazardId, report, reporter: actor, policy, calendar, ...(origin === undefined ? {} : { origin }) },
      registered: awaitRegisteredUpdate,
      subject: `hazard ${hazardId}`,
    });
    return started.registered
      ? { hazardId, registered: true, state: started.value.state }
      : { hazardId, registered: false, message: started.message };
  }

  /**
   * The checks a report passes before its workflow starts: the domain's rules with the policy and
   * the calendar it will count on, then the reporter's territory. A refusal throws; nothing is written.
   * The ledger import (隐患台账导入) checks each row with it too, in its dry run.
   */
  async admit(
    actor: Actor,
    dto: ReportHazardDto,
  ): Promise<{ report: HazardReport; policy: HazardPolicy; calendar: HazardWorkflowInput['calendar'] }> {
    const { policyId, ...fields } = commandArgs(dto);
    const policy = chooseHazardPolicy(this.policies, policyId);
    const report: HazardReport = { ...fields, deadline: new Date(dto.deadline).toISOString() };
    const now = this.now();
    // The calendar the workflow will count on, resolved here and handed over in its input.
    const calendar = await this.calendars.calendarFrom(now);
    admitHazardReport(report, actor, policy, now, workCalendarOf(calendar));
    await authorizeHazardReport(this.places, actor, report.unitId);
    return { report, policy, calendar };
  }

  /** 整改方案: the DTO lets items be missing, so that the workflow's 五到位 check names every one at once. */
  submitPlan(hazardId: string, actor: Actor, plan: RectificationPlanDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'submit_plan', submitPlanUpdate, { plan: commandArgs(plan) as RectificationPlan });
  }

  reportProgress(hazardId: string, actor: Actor, dto: ReportProgressDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'report_progress', reportProgressUpdate, commandArgs(dto), dto.attachments);
  }

  claimCompletion(hazardId: string, actor: Actor, dto: ClaimCompletionDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'claim_completion', claimCompletionUpdate, commandArgs(dto), dto.attachments);
  }

  verify(hazardId: string, actor: Actor, dto: VerifyHazardDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'verify', verifyUpdate, commandArgs(dto));
  }

  requestExtension(hazardId: string, actor: Actor, dto: RequestExtensionDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'request_extension', requestExtensionUpdate, commandArgs(dto));
  }

  decideExtension(hazardId: string, actor: Actor, dto: DecideExtensionDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'decide_extension', decideExtensionUpdate, commandArgs(dto));
  }

  startMonitoring(hazardId: string, actor: Actor, dto: StartMonitoringDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'start_monitoring', startMonitoringUpdate, commandArgs(dto));
  }

  reportMonitoring(hazardId: string, actor: Actor, dto: ReportMonitoringDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'report_monitoring', reportMonitoringUpdate, commandArgs(dto));
  }

  /** 挂牌督办 (or a raise, or another tracker); asked again unchanged, it records nothing. */
  listForSupervision(hazardId: string, actor: Actor, dto: ListForSupervisionDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'list', listForSupervisionUpdate, commandArgs(dto));
  }

  delist(hazardId: string, actor: Actor, dto: DelistHazardDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'delist', delistUpdate, commandArgs(dto));
  }

  private async act<A extends { actor: Actor }>(
    hazardId: string,
    actor: Actor,
    action: HazardAction,
    update: UpdateDefinition<HazardUpdateResult, [A]>,
    args: Omit<A, 'actor'>,
    attachments?: readonly string[],
  ): Promise<HazardUpdateResult> {
    await authorizeOnHazard(this.ledger, hazardId, actor, action, this.places);
    // Every digest reference names an uploaded file (422 otherwise) before the workflow records it.
    await this.evidence.requireStored(attachments);
    // The ledger knows the hazard, so a workflow Temporal no longer knows has ended: it was signed off (销号).
    return this.workflows.update(hazardWorkflowId(hazardId), update, { ...args, actor } as A, () =>
      conflict('hazard.closed', `hazard ${hazardId} is closed (已销号); it takes no further actions`),
    );
  }
}
