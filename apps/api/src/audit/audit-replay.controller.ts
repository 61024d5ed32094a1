import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AUDIT_PERMISSIONS, type Actor } from '@duban/domain';
import type { ReplayReport } from '@duban/audit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { ID_PARAM_SCHEMA, ParseCampaignIdPipe } from '../http/id-params.pipe';
import { AuditReplayService } from './audit-replay.service';
import { ReplayReportView } from './views/replay-report.view';

/** 重放审计: auditors prove that the workflow code still explains every recorded history (谁排查、谁签字、谁负责). */
@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditReplayController {
  constructor(private readonly replays: AuditReplayService) {}

  @Get('workflows/:workflowId/replay')
  @Permit(AUDIT_PERMISSIONS, 'replay')
  @ApiOperation({
    summary: 'Replay one workflow 重放一个流程',
    description:
      'Every run of the workflow (across continue-as-new), replayed against the current workflow code: per run ok, or the failure (nondeterminism 不确定性 and the event where it diverged). The caller must be allowed to read what the id stands for (隐患, 专项行动, 单位 …).',
  })
  @ApiParam({ name: 'workflowId', description: '流程编号 (workflow id): hazard-…, campaign-…, campaign-…-unit-…, accident-…; any other is a 404.' })
  @ApiOkResponse({ type: ReplayReportView })
  @ApiCommonErrors()
  @ApiProblem(403, '无权 (not an auditor or the office, or the aggregate lies outside the caller’s scope).')
  @ApiProblem(404, '不存在 (no such aggregate, or no such workflow on the Temporal server).')
  replayWorkflow(@Param('workflowId') workflowId: string, @CurrentActor() actor: Actor): Promise<ReplayReport> {
    return this.replays.replayWorkflow(workflowId, actor);
  }

  @Get('campaigns/:campaignId/replay')
  @Permit(AUDIT_PERMISSIONS, 'replay')
  @ApiOperation({
    summary: 'Replay a campaign’s tree 重放专项行动',
    description:
      'The campaign, every unit’s obligations and every hazard found in it, each across its runs, replayed as one report with totals (histories, runs, events, events/s, failures).',
  })
  @ApiParam({ name: 'campaignId', description: '专项行动编号 (campaign id).', schema: ID_PARAM_SCHEMA })
  @ApiOkResponse({ type: ReplayReportView })
  @ApiCommonErrors()
  @ApiProblem(403, '无权 (not an auditor or the office, or the campaign is not on the caller’s line).')
  @ApiProblem(404, '专项行动不存在 (campaign not found).')
  replayCampaign(@Param('campaignId', ParseCampaignIdPipe) campaignId: string, @CurrentActor() actor: Actor): Promise<ReplayReport> {
    return this.replays.replayCampaign(campaignId, actor);
  }
}
