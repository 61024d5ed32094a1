import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CAMPAIGN_PERMISSIONS, type Actor } from '@duban/domain';
import type { CampaignEscalationRow } from '@duban/persistence';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ParseCampaignIdPipe } from '../http/id-params.pipe';
import { ApiCampaignErrors } from './campaign-api-responses.decorator';
import { CampaignReadsService, type CampaignEventPage } from './campaign-reads.service';
import { CampaignEscalationsQuery, CampaignEventsQuery, DailyReportsQuery } from './dto/campaign-reads.query';
import { CampaignEventPageView } from './views/campaign-event-page.view';
import { CampaignRollUpsView } from './views/campaign-roll-up.view';
import { CampaignEscalationRowView, CampaignHazardsView, DailyReportStatusView } from './views/campaign-ledger.view';
import { CampaignAssessmentView, CampaignCoverageView, CampaignTargetsView } from './views/campaign-report.view';

/** What a campaign has come to (a unit token: its own unit only): 一日一汇总, 三个全覆盖, 目标, 隐患, 督办升级, 考核, 履职记录. */
@ApiTags('campaigns 专项行动')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignReadsController {
  constructor(private readonly reads: CampaignReadsService) {}

  @Get(':id/reports')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Daily roll-up 一日一汇总: reports received (已报) and missing (未报) on a day',
    description: 'Default today, China Standard Time. A unit token sees only its own.',
  })
  @ApiOkResponse({ type: DailyReportStatusView })
  @ApiCampaignErrors()
  reports(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: DailyReportsQuery,
  ): ReturnType<CampaignReadsService['reports']> {
    return this.reads.reports(id, actor, query.date);
  }

  @Get(':id/roll-ups')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: "Roll-ups by county 一日一汇总 (比照落实): each government's summary, its units reported and missing",
    description:
      "Default today, China Standard Time. Per government on the roster, per roll-up due that day: on time, late, missing or pending, what it summarised, and its units' reports. A unit token: its own only.",
  })
  @ApiOkResponse({ type: CampaignRollUpsView })
  @ApiCampaignErrors()
  rollUps(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: DailyReportsQuery,
  ): ReturnType<CampaignReadsService['rollUps']> {
    return this.reads.rollUps(id, actor, query.date);
  }

  @Get(':id/coverage')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Coverage 三个全覆盖 and blind spots 监管盲区',
    description: 'Region × industry cells with units in scope, inspected and reporting; gaps; rates. A unit token: its own row only.',
  })
  @ApiOkResponse({ type: CampaignCoverageView })
  @ApiCampaignErrors()
  coverage(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor): ReturnType<CampaignReadsService['coverage']> {
    return this.reads.coverage(id, actor);
  }

  @Get(':id/targets')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Targets 目标 (e.g. 五个100%): current rate and whether met',
    description: 'Each rate with its numerator and denominator and what they count (口径). A unit token: its own.',
  })
  @ApiOkResponse({ type: CampaignTargetsView })
  @ApiCampaignErrors()
  targets(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor): ReturnType<CampaignReadsService['targets']> {
    return this.reads.targets(id, actor);
  }

  @Get(':id/hazards')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Hazards 隐患: found, rectifying, signed off, overdue, listed',
    description: 'From the hazard ledger (隐患台账). A unit token: its own.',
  })
  @ApiOkResponse({ type: CampaignHazardsView })
  @ApiCampaignErrors()
  hazards(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor): ReturnType<CampaignReadsService['hazardCounts']> {
    return this.reads.hazardCounts(id, actor);
  }

  @Get(':id/escalations')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Escalations 督办升级 for missed obligations (提醒 → 通报 → 约谈), newest first',
    description: 'A unit token sees only its own.',
  })
  @ApiOkResponse({ type: [CampaignEscalationRowView] })
  @ApiCampaignErrors()
  escalations(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: CampaignEscalationsQuery,
  ): Promise<CampaignEscalationRow[]> {
    return this.reads.escalations(id, actor, query);
  }

  @Get(':id/summary')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Assessment 考核: every unit scored and ranked, with totals',
    description: 'Available any time; `final` once the campaign is closed. A unit token: its own.',
  })
  @ApiOkResponse({ type: CampaignAssessmentView })
  @ApiCampaignErrors()
  summary(@Param('id', ParseCampaignIdPipe) id: string, @CurrentActor() actor: Actor): ReturnType<CampaignReadsService['summary']> {
    return this.reads.summary(id, actor);
  }

  @Get(':id/events')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Audit trail 履职记录: who was told what, what they reported, who checked, what happened when late',
    description:
      "The campaign's own events, then each unit's, each in seq order; a page at a time: pass `next` back as `cursor` until it is null. A unit token: the campaign's own and its own unit's.",
  })
  @ApiOkResponse({ type: CampaignEventPageView })
  @ApiCampaignErrors()
  events(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: CampaignEventsQuery,
  ): Promise<CampaignEventPage> {
    return this.reads.events(id, actor, query);
  }
}
