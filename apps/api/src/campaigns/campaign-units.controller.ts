import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CAMPAIGN_PERMISSIONS, type Actor } from '@duban/domain';
import type { CampaignUnitRow } from '@duban/persistence';
import type { UnitUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ParseCampaignIdPipe, ParseUnitIdPipe } from '../http/id-params.pipe';
import { answerCreated, locationHeader } from '../http/created';
import { ApiCampaignConflict, ApiCampaignErrors, ApiUnitEvent, ApiUnitId } from './campaign-api-responses.decorator';
import { AsOfQuery } from '../http/as-of.query';
import { ApiLedgerExport, sendLedgerExport } from '../http/ledger-export';
import { CampaignAsOfReadsService, type CampaignUnitAsOfDetail } from './campaign-as-of-reads.service';
import { CampaignCommandsService } from './campaign-commands.service';
import { CampaignReadsService, type CampaignUnitDetail } from './campaign-reads.service';
import { CampaignUnitsExportService } from './campaign-units-export.service';
import { CampaignUnitsExportQuery } from './dto/campaign-units-export.query';
import { ListCampaignUnitsQuery } from './dto/list-campaign-units.query';
import { RecordFindingDto, RecordInspectionDto, SubmitReportDto } from './dto/unit-obligations.dto';
import { CampaignUnitDetailView, CampaignUnitPageView } from './views/campaign-ledger.view';
import { FindingResultView, SubmissionRecordView } from './views/unit-obligations.view';

/** A campaign's units (单位任务): their roster rows and files, and what each unit reports and is found to have. A unit token: its own only. */
@ApiTags('campaigns 专项行动')
@ApiBearerAuth()
@ApiExtraModels(SubmissionRecordView)
@Controller('campaigns')
export class CampaignUnitsController {
  constructor(
    private readonly commands: CampaignCommandsService,
    private readonly reads: CampaignReadsService,
    private readonly asOf: CampaignAsOfReadsService,
    private readonly exports: CampaignUnitsExportService,
  ) {}

  @Get(':id/units')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'Units 单位任务台账: status and counters per unit', description: 'Roster order. A unit token sees only its own row.' })
  @ApiOkResponse({ type: CampaignUnitPageView })
  @ApiCampaignErrors()
  units(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: ListCampaignUnitsQuery,
  ): Promise<{ items: CampaignUnitRow[]; total: number }> {
    return this.reads.units(id, actor, query);
  }

  // Declared before GET /campaigns/:id/units/:unitId, so that it is matched first.
  @Get(':id/units/ledger.xlsx')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiLedgerExport({
    summary: 'Export the campaign’s units as Excel 单位任务台账导出 (.xlsx)',
    description:
      'Every unit GET /campaigns/:id/units lists for the same filters (no paging), in roster order, with its status and counters (应报, 按时, 迟报, 漏报, 零报告, 检查, 发现隐患, 督办); a unit token: its own row only.',
    name: '单位任务台账',
  })
  @ApiCampaignErrors()
  async exportUnits(
    @Param('id', ParseCampaignIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: CampaignUnitsExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    await sendLedgerExport(res, await this.exports.open(id, actor, query));
  }

  @Get(':id/units/:unitId')
  @Permit(CAMPAIGN_PERMISSIONS, 'read')
  @ApiOperation({
    summary: "One unit's file 单位任务: state, open obligations (待报), next due",
    description:
      'A unit token may read only its own. With `asOf` (某一时刻的状态): the view at that moment, built from the state folded from the events recorded up to it; no ledger row. `state.settledUntil` as of a moment is its last recorded event’s time.',
  })
  @ApiUnitId()
  @ApiOkResponse({ type: CampaignUnitDetailView })
  @ApiCampaignErrors()
  unit(
    @Param('id', ParseCampaignIdPipe) id: string,
    @Param('unitId', ParseUnitIdPipe) unitId: string,
    @CurrentActor() actor: Actor,
    @Query() query: AsOfQuery,
  ): Promise<CampaignUnitDetail | CampaignUnitAsOfDetail> {
    return query.asOf === undefined ? this.reads.unit(id, unitId, actor) : this.asOf.unit(id, unitId, actor, query.asOf);
  }

  @Post(':id/units/:unitId/reports')
  @Permit(CAMPAIGN_PERMISSIONS, 'submit_report')
  @ApiOperation({
    summary: 'Report 报送: 一日一报 / 周报 / 阶段材料 / 活动信息, or 零报告',
    description:
      'By the unit itself, for one of its obligations (ids from GET /campaigns/:id/units/:unitId). A missed one may still be reported late (迟报).',
  })
  @ApiUnitId()
  @ApiUnitEvent()
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  submitReport(
    @Param('id', ParseCampaignIdPipe) id: string,
    @Param('unitId', ParseUnitIdPipe) unitId: string,
    @CurrentActor() actor: Actor,
    @Body() dto: SubmitReportDto,
  ): Promise<UnitUpdateResult> {
    return this.commands.submitReport(id, unitId, actor, dto);
  }

  @Post(':id/units/:unitId/inspections')
  @Permit(CAMPAIGN_PERMISSIONS, 'record_inspection')
  @ApiOperation({
    summary: 'Record an inspection 检查记录',
    description: 'By an inspector (检查组), the office, or the unit for its own self-inspection (自查).',
  })
  @ApiUnitId()
  @ApiUnitEvent()
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  recordInspection(
    @Param('id', ParseCampaignIdPipe) id: string,
    @Param('unitId', ParseUnitIdPipe) unitId: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RecordInspectionDto,
  ): Promise<UnitUpdateResult> {
    return this.commands.recordInspection(id, unitId, actor, dto);
  }

  @Post(':id/units/:unitId/findings')
  @Permit(CAMPAIGN_PERMISSIONS, 'record_finding')
  @ApiOperation({
    summary: 'Record a finding 发现隐患',
    description:
      "By an inspector, the office, or the unit self-reporting (自查自报). The finding becomes a hazard in the hazard ledger (隐患台账), under the campaign's hazard policy.",
  })
  @ApiUnitId()
  @ApiCreatedResponse({
    description: "Recorded: a new hazard (`Location: /hazards/{hazardId}`; its workflow starts from the unit's, so GET may answer 404 for a moment).",
    type: FindingResultView,
    headers: locationHeader('hazard'),
  })
  @ApiCampaignErrors()
  @ApiCampaignConflict()
  async recordFinding(
    @Param('id', ParseCampaignIdPipe) id: string,
    @Param('unitId', ParseUnitIdPipe) unitId: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RecordFindingDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UnitUpdateResult & { hazardId: string }> {
    const result = await this.commands.recordFinding(id, unitId, actor, dto);
    answerCreated(res, `/hazards/${result.hazardId}`);
    return result;
  }
}
