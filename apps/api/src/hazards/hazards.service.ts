import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  admitHazardReport,
  authorizeHazardAction,
  conflict,
  type Actor,
  type HazardAction,
  type HazardReport,
  type HazardState,
  type RectificationPlan,
} from '@duban/domain';
import {
  HazardLedgerReader,
  type HazardEscalationRow,
  type HazardEventRow,
  type HazardLedgerRow,
  type HazardLedgerSummary,
} from '@duban/persistence';
import { TEMPORAL_CLIENT } from '@duban/temporal-client';
import {
  awaitRegisteredUpdate,
  claimCompletionUpdate,
  decideExtensionUpdate,
  HAZARD_TASK_QUEUE,
  hazardStateQuery,
  hazardWorkflowId,
  reportMonitoringUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  startMonitoringUpdate,
  submitPlanUpdate,
  verifyUpdate,
  type HazardUpdateResult,
  type HazardWorkflowInput,
} from '@duban/workflows';
import { CLOCK, REGISTRATION_TIMEOUT_MS } from '../config/api-config.tokens';
import { awaitRegistration, notYetRegisteredMessage } from '../temporal/registration';
import type { ClaimCompletionDto } from './dto/claim-completion.dto';
import type { DecideExtensionDto } from './dto/decide-extension.dto';
import type { EscalationsQuery } from './dto/escalations.query';
import type { ListHazardsQuery } from './dto/list-hazards.query';
import type { RectificationPlanDto } from './dto/rectification-plan.dto';
import type { ReportHazardDto } from './dto/report-hazard.dto';
import type { ReportMonitoringDto } from './dto/report-monitoring.dto';
import type { ReportProgressDto } from './dto/report-progress.dto';
import type { RequestExtensionDto } from './dto/request-extension.dto';
import type { StartMonitoringDto } from './dto/start-monitoring.dto';
import type { SummaryQuery } from './dto/summary.query';
import type { VerifyHazardDto } from './dto/verify-hazard.dto';
import { HazardPolicyRegistry } from './hazard-policy-registry';

/** Started by name: the API never imports workflow code. */
const HAZARD_WORKFLOW_TYPE = 'hazardWorkflow';
type HazardWorkflow = (input: HazardWorkflowInput) => Promise<HazardState>;

/**
 * What `POST /hazards` answers: 201 once the ledger row exists (`registered: true`, with the state),
 * or 202 when no worker registered it within the registration timeout (`registered: false`).
 */
export type ReportHazardResult =
  | { hazardId: string; registered: true; state: HazardState }
  | { hazardId: string; registered: false; message: string };

export interface HazardDetail {
  state: HazardState;
  stateSource: 'workflow' | 'ledger';
  ledger?: HazardLedgerRow;
}

/**
 * Hazards (隐患排查治理) for the HTTP API: admits reports and starts their workflows, routes
 * each action to the hazard's workflow as an update, and reads the ledger from PostgreSQL.
 * Every action on an existing hazard goes through `authorizeOn` (the object-level check).
 */
@Injectable()
export class HazardsService {
  private readonly logger = new Logger(HazardsService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly ledger: HazardLedgerReader,
    private readonly policies: HazardPolicyRegistry,
    @Inject(CLOCK) private readonly now: () => Date,
    @Inject(REGISTRATION_TIMEOUT_MS) private readonly registrationTimeoutMs: number,
  ) {}

  /**
   * 隐患登记: everything is checked before the workflow starts (a refusal writes nothing);
   * answers once the report is in the ledger (update-with-start waits for registration), or
   * `registered: false` when no worker has registered it within the registration timeout (the
   * start is not cancelled: the ledger shows the hazard once a worker has processed it).
   */
  async report(actor: Actor, dto: ReportHazardDto): Promise<ReportHazardResult> {
    const policy = this.policies.choose(dto.policyId);
    const report: HazardReport = {
      title: dto.title,
      description: dto.description,
      location: dto.location,
      industry: dto.industry,
      unitId: dto.unitId,
      grade: dto.grade,
      source: dto.source,
      finder: dto.finder,
      deadline: new Date(dto.deadline).toISOString(),
      ...(dto.campaignId !== undefined ? { campaignId: dto.campaignId } : {}),
    };
    admitHazardReport(report, actor, policy, this.now());
    const hazardId = randomUUID();
    const input: HazardWorkflowInput = { hazardId, report, reporter: actor, policy };
    const startWorkflowOperation = new WithStartWorkflowOperation<HazardWorkflow>(HAZARD_WORKFLOW_TYPE, {
      workflowId: hazardWorkflowId(hazardId),
      taskQueue: HAZARD_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
    });
    const registration = await awaitRegistration(
      this.temporal.workflow.executeUpdateWithStart(awaitRegisteredUpdate, { startWorkflowOperation }),
      this.registrationTimeoutMs,
      (error) => this.logger.warn(`hazard ${hazardId} (answered 202) did not register: ${error instanceof Error ? error.message : String(error)}`),
    );
    if (!registration.registered) return { hazardId, registered: false, message: notYetRegisteredMessage(`hazard ${hazardId}`, this.registrationTimeoutMs) };
    return { hazardId, registered: true, state: registration.value.state };
  }

  /** 整改方案: the workflow's 五到位 check names every missing item at once. */
  submitPlan(hazardId: string, actor: Actor, plan: RectificationPlanDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'submit_plan', submitPlanUpdate, { plan: plan as RectificationPlan });
  }

  reportProgress(hazardId: string, actor: Actor, dto: ReportProgressDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'report_progress', reportProgressUpdate, { ...dto });
  }

  claimCompletion(hazardId: string, actor: Actor, dto: ClaimCompletionDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'claim_completion', claimCompletionUpdate, { ...dto });
  }

  verify(hazardId: string, actor: Actor, dto: VerifyHazardDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'verify', verifyUpdate, { ...dto });
  }

  requestExtension(hazardId: string, actor: Actor, dto: RequestExtensionDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'request_extension', requestExtensionUpdate, { ...dto });
  }

  decideExtension(hazardId: string, actor: Actor, dto: DecideExtensionDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'decide_extension', decideExtensionUpdate, { ...dto });
  }

  startMonitoring(hazardId: string, actor: Actor, dto: StartMonitoringDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'start_monitoring', startMonitoringUpdate, { ...dto });
  }

  reportMonitoring(hazardId: string, actor: Actor, dto: ReportMonitoringDto): Promise<HazardUpdateResult> {
    return this.act(hazardId, actor, 'report_monitoring', reportMonitoringUpdate, { ...dto });
  }

  /** 隐患台账: a unit sees only its own unit's rows. */
  list(actor: Actor, query: ListHazardsQuery): Promise<{ items: HazardLedgerRow[]; total: number }> {
    return this.ledger.list({
      unitId: this.scopeUnit(actor, query.unitId),
      industry: query.industry,
      grade: query.grade,
      status: query.status,
      overdue: query.overdue,
      listedForSupervision: query.listed,
      campaignId: query.campaignId,
      limit: query.limit,
      offset: query.offset,
    });
  }

  /** The authoritative state from the workflow, beside the ledger row. */
  async detail(hazardId: string, actor: Actor): Promise<HazardDetail> {
    await this.authorizeOn(hazardId, actor, 'read');
    const [live, ledger] = await Promise.all([this.queryState(hazardId), this.ledger.get(hazardId)]);
    if (live) return { state: live, stateSource: 'workflow', ledger };
    // The workflow is no longer on record (closed past retention): the ledger keeps its last snapshot.
    const snapshot = await this.ledger.snapshot(hazardId);
    if (!snapshot) throw new NotFoundException(`hazard ${hazardId} not found`);
    return { state: snapshot, stateSource: 'ledger', ledger };
  }

  /** The audit trail (履职记录), in order. */
  async events(hazardId: string, actor: Actor): Promise<HazardEventRow[]> {
    await this.authorizeOn(hazardId, actor, 'read');
    return this.ledger.events(hazardId);
  }

  escalations(actor: Actor, query: EscalationsQuery): Promise<HazardEscalationRow[]> {
    return this.ledger.escalations({
      unitId: this.scopeUnit(actor, query.unitId),
      since: query.since !== undefined ? new Date(query.since) : undefined,
      limit: query.limit,
    });
  }

  summary(actor: Actor, query: SummaryQuery): Promise<HazardLedgerSummary> {
    return this.ledger.summary({ unitId: this.scopeUnit(actor, query.unitId), campaignId: query.campaignId });
  }

  /**
   * The object-level check every action and read on one hazard goes through: the hazard
   * must exist (404), and the actor may do `action` to it (403 with the domain's reason).
   */
  private async authorizeOn(hazardId: string, actor: Actor, action: HazardAction): Promise<string> {
    const unitId = await this.ledger.unitOf(hazardId);
    if (unitId === undefined) throw new NotFoundException(`hazard ${hazardId} not found`);
    authorizeHazardAction(action, actor, unitId);
    return unitId;
  }

  private async act<A extends { actor: Actor }>(
    hazardId: string,
    actor: Actor,
    action: HazardAction,
    update: UpdateDefinition<HazardUpdateResult, [A]>,
    body: Omit<A, 'actor'>,
  ): Promise<HazardUpdateResult> {
    await this.authorizeOn(hazardId, actor, action);
    try {
      return await this.temporal.workflow.getHandle(hazardWorkflowId(hazardId)).executeUpdate(update, { args: [{ ...body, actor } as A] });
    } catch (error) {
      // The ledger knows the hazard, so its workflow has ended: it was signed off (销号).
      if (error instanceof WorkflowNotFoundError) throw conflict(`hazard ${hazardId} is closed (已销号); it takes no further actions`);
      throw error;
    }
  }

  private async queryState(hazardId: string): Promise<HazardState | undefined> {
    try {
      return await this.temporal.workflow.getHandle(hazardWorkflowId(hazardId)).query(hazardStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  /** A unit token is confined to its own unit; asking for another unit is refused with the domain's reason. */
  private scopeUnit(actor: Actor, requested: string | undefined): string | undefined {
    if (actor.role !== 'unit') return requested;
    if (requested !== undefined) authorizeHazardAction('read', actor, requested);
    return actor.unitId;
  }
}
