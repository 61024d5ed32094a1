import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CAMPAIGN_PERMISSIONS, type Actor } from '@duban/domain';
import type { CampaignLedgerRow } from '@duban/persistence';
import type { CampaignUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { answerCreated, locationHeader, retryAfterHeader } from '../http/created';
import { ParseCampaignIdPipe, ParseUnitIdPipe } from '../http/id-params.pipe';
import { ApiCampaignConflict, ApiCampaignErrors, ApiDecision, ApiUnitId } from './campaign-api-responses.decorator';
import { CampaignCommandsService, type LaunchCampaignResult } from './campaign-commands.service';
import { CampaignReadsService, type CampaignDetail } from './campaign-reads.service';
import {
  AddCampaignUnitDto,
  CampaignDecisionDto,
  ExtendPhaseDto,
  RemoveCampaignUnitDto,
  RemoveCampaignUnitQuery,
} from './dto/campaign-decisions.dto';
import { LaunchCampaignDto } from './dto/launch-campaign.dto';
import { ListCampaignsQuery } from './dto/list-campaigns.query';
import { CampaignDetailView, CampaignLedgerPageView } from './views/campaign-ledger.view';
import { CampaignUpdateResultView, LaunchCampaignAcceptedView, LaunchCampaignResultView } from './views/campaign-state.view';

import { AsOfQuery } from '../http/as-of.query';
import { CampaignAsOfReadsService, type CampaignAsOfDetail } from './campaign-as-of-reads.service';
/** Campaigns (专项行动): launching one, the list and one campaign, and the office's decisions (安委办). */
@ApiTags('campaigns 专项行动')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly commands: CampaignCommandsService,
    private readonly reads: CampaignReadsService,
    private readonly asOf: CampaignAsOfReadsService,
  ) {}

  @Post()
  @Permit(CAMPAIGN_PERMISSIONS, 'launch')
  @ApiOperation({
    summary: 'Launch a campaign 发起专项行动',
    description:
      'A template (shipped, posted, or inline) over a scope (regions × industries × units, 分管领导, 牵头部门) from `startsAt`. Checked in full before the campaign workflow starts — a 400 names the field (`scope.units`, `templateId`, `template.phases[1].duration.amount` …). Answers 201 with `Location` once the campaign and its roster are in the ledger, or 202 with `Location` and `Retry-After` when no worker has registered it within the registration timeout (DUBAN_REGISTRATION_TIMEOUT_MS, default 20 s); a roster of thousands of units is accepted (body up to 5 MB), their obligations workflows then start in batches.',
  })
  @ApiCreatedResponse({
    description: 'Launched (已发起): `registered: true`, the campaign and its roster are in the ledger; `Location: /campaigns/{campaignId}`.',
    type: LaunchCampaignResultView,
    headers: locationHeader('campaign'),
  })
  @ApiAcceptedResponse({
    description:
      'Accepted, not yet registered (已受理，待登记): Temporal took the start (it is not cancelled), but no worker registered the campaign in time; the ledger shows it once a worker has processed it. Do not launch it again: read it back at `Location` after `Retry-After` seconds (GET /campaigns/:id answers 404 until it is registered).',
    type: LaunchCampaignAcceptedView,
    headers: { ...locationHeader('campaign'), ...retryAfterHeader },
  })
  @ApiCommonErrors()
  async launch(
    @CurrentActor() actor: Actor,
    @Body() dto: LaunchCampaignDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LaunchCampaignResult> {
    const result = await this.commands.launch(actor, dto);
    answerCreated(res, `/campaigns/${result.campaignId}`, result.registered);
    return result;
  }

  @Get()
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Campaigns 专项行动台账',
    description:
      'From PostgreSQL, newest start first: those on the reader’s line (属地) — launched above every territory, in its region or below, or in a region above it (the city’s campaign for its counties).',
  })
  @ApiOkResponse({ type: CampaignLedgerPageView })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListCampaignsQuery): Promise<{ items: CampaignLedgerRow[]; total: number }> {
    return this.reads.list(actor, query);
  }

  @Get(':id')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'One campaign 专项行动详情: authoritative view (its workflow) and ledger row',
    description:
      'With `asOf` (某一时刻的状态): the view at that moment, built from the state folded from the events recorded up to it; no ledger row.',
  })
  @ApiOkResponse({ type: CampaignDetailView })
  @ApiCampaignErrors()
  detail(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AsOfQuery,
  ): Promise<CampaignDetail | CampaignAsOfDetail> {
    return query.asOf === undefined ? this.reads.detail(id, actor) : this.asOf.detail(id, actor, query.asOf);
  }

  @Post(':id/pause')
  @Permit(CAMPAIGN_PERMISSIONS, 'manage')
  @ApiOperation({ summary: 'Pause 暂停', description: 'Units owe nothing while paused; every unit is told. Needs a reason (事由).' })
  @ApiDecision()
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  pause(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Body() dto: CampaignDecisionDto): Promise<CampaignUpdateResult> {
    return this.commands.pause(id, actor, dto.reason);
  }

  @Post(':id/resume')
  @Permit(CAMPAIGN_PERMISSIONS, 'manage')
  @ApiOperation({ summary: 'Resume 恢复', description: 'Obligations that fell due during the pause are not owed.' })
  @ApiDecision()
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  resume(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: CampaignDecisionDto,
  ): Promise<CampaignUpdateResult> {
    return this.commands.resume(id, actor, dto.reason);
  }

  @Post(':id/phase-extensions')
  @Permit(CAMPAIGN_PERMISSIONS, 'manage')
  @ApiOperation({ summary: 'Extend a phase 延长阶段', description: 'A phase that has not ended; every later phase and obligation moves with it.' })
  @ApiDecision()
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  extendPhase(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: ExtendPhaseDto,
  ): Promise<CampaignUpdateResult> {
    return this.commands.extendPhase(id, actor, dto);
  }

  @Post(':id/units')
  @Permit(CAMPAIGN_PERMISSIONS, 'manage')
  @ApiOperation({ summary: 'Add a unit 增加单位', description: "In one of the campaign's regions (and industries); its obligations start from now." })
  @ApiCreatedResponse({
    description:
      "Added (已增加): the events recorded and the campaign after them; `Location: /campaigns/{id}/units/{unitId}`, the unit's file (单位任务).",
    type: CampaignUpdateResultView,
    headers: locationHeader('unit on the roster'),
  })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  async addUnit(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: AddCampaignUnitDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignUpdateResult> {
    const result = await this.commands.addUnit(id, actor, dto);
    answerCreated(res, `/campaigns/${encodeURIComponent(id)}/units/${encodeURIComponent(dto.unit.unitId)}`);
    return result;
  }

  @Delete(':id/units/:unitId')
  @Permit(CAMPAIGN_PERMISSIONS, 'manage')
  @ApiOperation({ summary: 'Remove a unit 移出单位', description: 'The reason (事由) in the body `{ reason }` or as `?reason=`.' })
  @ApiUnitId()
  @ApiBody({ type: RemoveCampaignUnitDto, required: false, description: '`{ reason }`, or give `?reason=` instead.' })
  @ApiDecision()
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  removeUnit(
    @Param('id', ParseCampaignIdPipe) id: string,
    @Param('unitId', ParseUnitIdPipe) unitId: string,
    @CurrentActor() actor: Actor,
    @Query() query: RemoveCampaignUnitQuery,
    @Body() dto: RemoveCampaignUnitDto,
  ): Promise<CampaignUpdateResult> {
    return this.commands.removeUnit(id, unitId, actor, dto?.reason ?? query.reason);
  }

  @Post(':id/close')
  @Permit(CAMPAIGN_PERMISSIONS, 'manage')
  @ApiOperation({ summary: 'Close 结束专项行动', description: "Every unit's file is settled and closed; the assessment (考核) becomes final." })
  @ApiDecision()
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  close(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor, @Body() dto: CampaignDecisionDto): Promise<CampaignUpdateResult> {
    return this.commands.close(id, actor, dto.reason);
  }
}
