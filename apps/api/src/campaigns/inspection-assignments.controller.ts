import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CAMPAIGN_PERMISSIONS, type Actor } from '@duban/domain';
import type { InspectionAssignmentRow } from '@duban/persistence';
import type { CampaignUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ParseCampaignIdPipe } from '../http/id-params.pipe';
import { ApiCampaignConflict, ApiCampaignErrors, ApiDecision } from './campaign-api-responses.decorator';
import { CampaignTaskCommandsService } from './campaign-task-commands.service';
import { CampaignTaskReadsService } from './campaign-task-reads.service';
import { AssignInspectorDto, RemoveInspectionAssignmentDto } from './dto/inspection-assignment.dto';
import { InspectionAssignmentView } from './views/campaign-task.view';

class InspectionAssignmentListView {
  @ApiProperty({ description: '检查组分工 (assignments), by unit then inspector.', type: () => [InspectionAssignmentView] })
  items!: InspectionAssignmentView[];
}

/** 检查组分工: which inspectors inspect which units; once a unit has any, only they record its inspections and findings. */
@ApiTags('campaigns 专项行动')
@ApiBearerAuth()
@Controller('campaigns')
export class InspectionAssignmentsController {
  constructor(
    private readonly commands: CampaignTaskCommandsService,
    private readonly reads: CampaignTaskReadsService,
  ) {}

  @Post(':id/inspection-assignments')
  @Permit(CAMPAIGN_PERMISSIONS, 'manage')
  @ApiOperation({
    summary: 'Assign an inspector 检查组分工',
    description:
      'To roster units within the office’s territory. From then on an inspector not assigned to the unit is refused (403 `permission.not_assigned_inspector`). Assigning again where it stands records nothing.',
  })
  @ApiDecision()
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  assign(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Body() dto: AssignInspectorDto): Promise<CampaignUpdateResult> {
    return this.commands.assignInspector(id, actor, dto);
  }

  @Post(':id/inspection-assignments/removals')
  @Permit(CAMPAIGN_PERMISSIONS, 'manage')
  @ApiOperation({
    summary: 'Remove an assignment 撤销检查分工',
    description:
      'The inspector no longer inspects these units; a unit left with no assignment is open to every inspector again. None held: 409 `campaign.inspection.not_assigned`.',
  })
  @ApiDecision()
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  remove(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RemoveInspectionAssignmentDto,
  ): Promise<CampaignUpdateResult> {
    return this.commands.unassignInspector(id, actor, dto);
  }

  @Get(':id/inspection-assignments')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'Assignments 检查组分工', description: 'A unit token sees its own unit’s.' })
  @ApiOkResponse({ type: InspectionAssignmentListView })
  @ApiCampaignErrors()
  list(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor): Promise<{ items: InspectionAssignmentRow[] }> {
    return this.reads.assignments(id, actor);
  }
}
