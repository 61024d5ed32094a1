import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { conflict, selectTargetUnits, type Actor, type CampaignTaskSpec } from '@duban/domain';
import { CampaignTaskReader } from '@duban/persistence';
import {
  addTaskUpdate,
  assignInspectorUpdate,
  campaignWorkflowId,
  unassignInspectorUpdate,
  type CampaignUpdateResult,
  type WithReason,
} from '@duban/workflows';
import { commandArgs } from '../http/command-args';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { CampaignAccess } from './campaign-access';
import type { AddCampaignTaskDto } from './dto/campaign-task.dto';
import type { AssignInspectorDto, RemoveInspectionAssignmentDto } from './dto/inspection-assignment.dto';

/**
 * What offices add below a campaign, the commands: their own tasks (下达本级任务, 比照落实) and
 * inspector assignments (检查组分工). The targets are read from the roster here (the workflow
 * keeps no roster); the campaign decider checks each lies within the office's territory.
 */
@Injectable()
export class CampaignTaskCommandsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly access: CampaignAccess,
    private readonly tasks: CampaignTaskReader,
  ) {}

  /** 下达本级任务: for the listed roster units, or every roster unit within the office's territory. */
  async addTask(campaignId: string, actor: Actor, dto: AddCampaignTaskDto): Promise<CampaignUpdateResult> {
    const { reason, ...spec } = commandArgs(dto);
    const units = await this.targets(campaignId, spec.unitIds, actor);
    return this.decide(campaignId, addTaskUpdate, { task: spec as CampaignTaskSpec, units, reason, actor });
  }

  async assignInspector(campaignId: string, actor: Actor, dto: AssignInspectorDto): Promise<CampaignUpdateResult> {
    const { inspectorId, inspectorName, unitIds, reason } = commandArgs(dto);
    const units = await this.targets(campaignId, unitIds, actor);
    return this.decide(campaignId, assignInspectorUpdate, { inspectorId, inspectorName, units, reason, actor });
  }

  async unassignInspector(campaignId: string, actor: Actor, dto: RemoveInspectionAssignmentDto): Promise<CampaignUpdateResult> {
    const { inspectorId, unitIds, reason } = commandArgs(dto);
    const units = await this.targets(campaignId, unitIds, actor);
    return this.decide(campaignId, unassignInspectorUpdate, { inspectorId, units, reason, actor });
  }

  /** The roster units acted on: the campaign must lie on the office's line (a county acts below the city's campaign, never on the next county's), each unit within its territory. */
  private async targets(campaignId: string, unitIds: string[] | undefined, actor: Actor) {
    await this.access.readable(campaignId, actor);
    return selectTargetUnits(await this.tasks.targetableUnits(campaignId), unitIds, actor);
  }

  private decide<A extends WithReason>(
    campaignId: string,
    update: UpdateDefinition<CampaignUpdateResult, [A]>,
    args: A,
  ): Promise<CampaignUpdateResult> {
    // The ledger knows the campaign, so a workflow Temporal no longer knows has ended: it was closed.
    return this.workflows.update(campaignWorkflowId(campaignId), update, args, () =>
      conflict('campaign.ended', `campaign ${campaignId} has ended (已结束); it takes no further decisions`),
    );
  }
}
