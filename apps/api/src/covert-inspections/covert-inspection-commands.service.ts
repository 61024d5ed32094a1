import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  admitCovertInspectionPlan,
  authorize,
  authorizeTerritory,
  conflict,
  COVERT_INSPECTION_PERMISSIONS,
  invalid,
  resolveFeedbackRecipients,
  STANDARD_COVERT_INSPECTION_POLICY,
  type Actor,
  type CommandArgs,
  type CommandInput,
  type CovertInspectionCommand,
  type CovertInspectionCommandType,
  type CovertInspectionPlan,
  type CovertInspectionState,
  type FeedbackRecipientUnits,
} from '@duban/domain';
import { CovertInspectionLedgerReader, RegistryReader } from '@duban/persistence';
import {
  awaitCovertInspectionRegisteredUpdate,
  COVERT_INSPECTION_COMMAND_UPDATES,
  covertInspectionWorkflowId,
  type CovertInspectionUpdateResult,
  type CovertInspectionWorkflowInput,
} from '@duban/workflows';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { commandArgs } from '../http/command-args';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { actionableCovertInspection } from './covert-inspection-access';
import { feedbackRegistryFacts } from './feedback-registry-facts';
import type {
  AcknowledgeFeedbackDto,
  CompleteCovertInspectionDto,
  IssueRectificationOrderDto,
  RecordCovertFindingDto,
} from './dto/covert-inspection-commands.dto';
import type { PlanCovertInspectionDto } from './dto/plan-covert-inspection.dto';

/** The most candidates one plan records (they travel in the workflow's input and its history). */
export const MAX_COVERT_CANDIDATES = 5000;

/** What `POST /covert-inspections` answers: 201 once the ledger row exists, or 202 when no worker registered it in time. */
export type PlanCovertInspectionResult =
  { inspectionId: string; registered: true; state: CovertInspectionState } | { inspectionId: string; registered: false; message: string };

/**
 * Covert inspections (明察暗访), the commands: plans one from the registry's units in scope and
 * starts its workflow; routes each step (findings, on-site orders, feedback, completion) to it
 * as an update, once the actor may see it (404 otherwise: a plan is not betrayed).
 */
@Injectable()
export class CovertInspectionCommandsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly ledger: CovertInspectionLedgerReader,
    private readonly registry: RegistryReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  /** 暗访计划: within the office's territory; the candidates are the registry's enterprises in scope, the sample the seed's. */
  async plan(actor: Actor, dto: PlanCovertInspectionDto): Promise<PlanCovertInspectionResult> {
    authorize(COVERT_INSPECTION_PERMISSIONS, 'plan', actor);
    authorizeTerritory(actor, await this.places.ofRegion(actor, dto.regionId), `region ${dto.regionId}`);
    const { industryIds, seed, ...fields } = commandArgs(dto);
    const units = await this.registry.scope(
      { regionIds: [dto.regionId], ...(industryIds ? { industryIds } : {}), kinds: ['enterprise'] },
      this.now(),
      MAX_COVERT_CANDIDATES + 1,
    );
    if (units.length > MAX_COVERT_CANDIDATES)
      throw invalid('input.out_of_range', 'regionId', `more than ${MAX_COVERT_CANDIDATES} units in scope: narrow it by region or industry`);
    const inspectionId = this.workflows.newResourceId();
    const plan: CovertInspectionPlan = {
      ...fields,
      inspectionId,
      seed: seed ?? randomUUID(),
      candidates: units.map((u) => ({ unitId: u.id, regionId: u.regionId, industryId: u.industryId })),
    };
    admitCovertInspectionPlan(plan, actor);
    const started = await this.workflows.start<CovertInspectionWorkflowInput, CovertInspectionUpdateResult>({
      workflowType: 'covertInspectionWorkflow',
      workflowId: covertInspectionWorkflowId(inspectionId),
      input: { plan, planner: actor, policy: STANDARD_COVERT_INSPECTION_POLICY },
      registered: awaitCovertInspectionRegisteredUpdate,
      subject: `covert inspection ${inspectionId}`,
    });
    return started.registered
      ? { inspectionId, registered: true, state: started.value.state }
      : { inspectionId, registered: false, message: started.message };
  }

  recordFinding(id: string, actor: Actor, dto: RecordCovertFindingDto): Promise<CovertInspectionUpdateResult> {
    return this.act(id, actor, 'record_finding', commandArgs(dto));
  }

  /** 现场整改指令: the feedback's two recipients looked up in the registry (once the inspection is visible), then sent with the order. */
  async issueRectificationOrder(id: string, actor: Actor, dto: IssueRectificationOrderDto): Promise<CovertInspectionUpdateResult> {
    await actionableCovertInspection(this.ledger, id, actor);
    const recipients = await this.feedbackRecipients(dto.unitId);
    return this.send(id, 'issue_rectification_order', { ...commandArgs(dto), ...recipients, actor });
  }

  /** 县区政府 and 行业主管部门 of `unitId`, as the registry holds them now; a 422 naming the recipient it lacks. */
  private async feedbackRecipients(unitId: string): Promise<FeedbackRecipientUnits> {
    return resolveFeedbackRecipients(await feedbackRegistryFacts(this.registry, unitId, this.now()));
  }

  acknowledgeFeedback(id: string, actor: Actor, dto: AcknowledgeFeedbackDto): Promise<CovertInspectionUpdateResult> {
    return this.act(id, actor, 'acknowledge_feedback', commandArgs(dto));
  }

  complete(id: string, actor: Actor, dto: CompleteCovertInspectionDto): Promise<CovertInspectionUpdateResult> {
    return this.act(id, actor, 'complete', commandArgs(dto));
  }

  private async act<T extends CovertInspectionCommandType>(
    id: string,
    actor: Actor,
    type: T,
    args: CommandInput<CovertInspectionCommand, T>,
  ): Promise<CovertInspectionUpdateResult> {
    await actionableCovertInspection(this.ledger, id, actor);
    return this.send(id, type, { ...args, actor } as CommandArgs<CovertInspectionCommand, T>);
  }

  private send<T extends CovertInspectionCommandType>(
    id: string,
    type: T,
    args: CommandArgs<CovertInspectionCommand, T>,
  ): Promise<CovertInspectionUpdateResult> {
    const update: UpdateDefinition<CovertInspectionUpdateResult, [CommandArgs<CovertInspectionCommand, T>]> = COVERT_INSPECTION_COMMAND_UPDATES[type];
    // The ledger knows the inspection, so a workflow Temporal no longer knows has ended: completed, every feedback settled.
    return this.workflows.update(covertInspectionWorkflowId(id), update, args, () =>
      conflict('covert.inspection.completed', `covert inspection ${id} is completed and its feedback settled; it takes no further steps`),
    );
  }
}
