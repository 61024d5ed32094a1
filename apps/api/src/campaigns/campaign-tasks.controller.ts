import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CAMPAIGN_PERMISSIONS, type Actor } from '@duban/domain';
import type { CampaignUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { answerCreated, locationHeader } from '../http/created';
import { ParseCampaignIdPipe } from '../http/id-params.pipe';
import { ApiCampaignConflict, ApiCampaignErrors } from './campaign-api-responses.decorator';
import { CampaignTaskCommandsService } from './campaign-task-commands.service';
import { CampaignTaskReadsService, type CampaignTaskListItem } from './campaign-task-reads.service';
import { AddCampaignTaskDto } from './dto/campaign-task.dto';
import { CampaignTaskView } from './views/campaign-task.view';
import { CampaignUpdateResultView } from './views/campaign-state.view';

class CampaignTaskListView {
  @ApiProperty({ description: '本级任务 (tasks), in the order they were added.', type: () => [CampaignTaskView] }) items!: CampaignTaskView[];
}

/** 比照落实: an office's own tasks below a campaign, for the roster units within its territory. */
@ApiTags('campaigns 专项行动')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignTasksController {
  constructor(
    private readonly commands: CampaignTaskCommandsService,
    private readonly reads: CampaignTaskReadsService,
  ) {}

  @Post(':id/tasks')
  @Permit(CAMPAIGN_PERMISSIONS, 'manage')
  @ApiOperation({
    summary: 'Add a task 下达本级任务 (比照落实)',
    description:
      'An office adds its own task for roster units within its territory (属地): each owes it like a phase deliverable (obligation `deliverable:task:{taskId}`, reported through POST /campaigns/{id}/units/{unitId}/reports), missed and escalated on its ladder. A unit outside the territory: 403 `permission.outside_territory` naming it. Idempotent by taskId.',
  })
  @ApiCreatedResponse({
    description:
      'Added (已下达), or the same task again: the events recorded (none for a repeat) and the campaign after them; `Location: /campaigns/{id}/tasks`.',
    type: CampaignUpdateResultView,
    headers: locationHeader('task list'),
  })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  async add(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: AddCampaignTaskDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignUpdateResult> {
    const result = await this.commands.addTask(id, actor, dto);
    answerCreated(res, `/campaigns/${encodeURIComponent(id)}/tasks`);
    return result;
  }

  @Get(':id/tasks')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Tasks 本级任务: who added each, at which level (region), for which units',
    description: 'A unit token sees the tasks that bind it.',
  })
  @ApiOkResponse({ type: CampaignTaskListView })
  @ApiCampaignErrors()
  list(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor): Promise<{ items: CampaignTaskListItem[] }> {
    return this.reads.list(id, actor);
  }
}
