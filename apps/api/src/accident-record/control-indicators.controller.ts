import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCIDENT_RECORD_PERMISSIONS, type Actor } from '@duban/domain';
import type { ControlIndicatorCheckRow, ControlIndicatorRevisionRow } from '@duban/persistence';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { ParseRegistryIdPipe } from '../registry/registry-id.pipe';
import { ApiRegistryId } from '../registry/registry-api.decorators';
import { ApiRegionNotFound, ApiRegionYear } from './accident-record-api.decorators';
import { AccidentRecordCommandsService } from './accident-record-commands.service';
import { ParseYearPipe } from './accident-record-params.pipe';
import { AccidentRecordReadsService, type ControlIndicatorSet } from './accident-record-reads.service';
import { ListChecksQuery } from './dto/accident-record-queries';
import { PutControlIndicatorsDto } from './dto/put-control-indicators.dto';
import {
  ControlIndicatorCheckView,
  ControlIndicatorRevisionView,
  ControlIndicatorSetView,
  PutControlIndicatorsResultView,
} from './views/control-indicator.view';

/** 控制指标: a region's caps for the year, set by its office, and the monthly checks of them (按月检查). */
@ApiTags('accident-record 控制指标与问责')
@ApiBearerAuth()
@Controller('accident-record/regions/:regionId')
export class ControlIndicatorsController {
  constructor(
    private readonly commands: AccidentRecordCommandsService,
    private readonly reads: AccidentRecordReadsService,
  ) {}

  @Get('indicators/:year')
  @Permit(ACCIDENT_RECORD_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'A region’s control indicators for the year 控制指标',
    description:
      'The caps as set (with who set them, when and why), the revision that holds, the standard policy of the monthly check, and the seed city’s caps offered as a starting point.',
  })
  @ApiRegionYear()
  @ApiOkResponse({ type: ControlIndicatorSetView })
  @ApiCommonErrors()
  indicators(
    @Param('regionId', new ParseRegistryIdPipe('regionId')) regionId: string,
    @Param('year', ParseYearPipe) year: number,
    @CurrentActor() actor: Actor,
  ): Promise<ControlIndicatorSet> {
    return this.reads.indicatorSet(regionId, year, actor);
  }

  @Put('indicators/:year')
  @Permit(ACCIDENT_RECORD_PERMISSIONS, 'set_indicators')
  @ApiOperation({
    summary: 'Set a region’s control indicators for the year 设定控制指标',
    description:
      'By the office, for a region within its territory (属地). The caps replace the earlier set, which stays on record as a revision; the warning shares (预警线) are the office’s own. Safe to retry: the same caps and reason again change nothing (`changed: false`).',
  })
  @ApiRegionYear()
  @ApiOkResponse({ type: PutControlIndicatorsResultView })
  @ApiCommonErrors()
  putIndicators(
    @Param('regionId', new ParseRegistryIdPipe('regionId')) regionId: string,
    @Param('year', ParseYearPipe) year: number,
    @CurrentActor() actor: Actor,
    @Body() dto: PutControlIndicatorsDto,
  ): Promise<ControlIndicatorSet & { changed: boolean }> {
    return this.commands.putIndicators(regionId, year, actor, dto);
  }

  @Get('indicators/:year/revisions')
  @Permit(ACCIDENT_RECORD_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'Every set of caps put for the year 控制指标修订记录', description: 'Newest first: who put each, when and why.' })
  @ApiRegionYear()
  @ApiOkResponse({ type: [ControlIndicatorRevisionView] })
  @ApiCommonErrors()
  revisions(
    @Param('regionId', new ParseRegistryIdPipe('regionId')) regionId: string,
    @Param('year', ParseYearPipe) year: number,
    @CurrentActor() actor: Actor,
  ): Promise<ControlIndicatorRevisionRow[]> {
    return this.reads.revisions(regionId, year, actor);
  }

  @Get('checks')
  @Permit(ACCIDENT_RECORD_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'The monthly checks of a region’s caps 按月检查',
    description:
      'Each cap’s use from 1 January to the month’s end, its share, the highest warning reached (预警) and a breach (突破) with accountability and 一票否决.',
  })
  @ApiRegistryId('regionId', '地区')
  @ApiRegionNotFound()
  @ApiOkResponse({ type: [ControlIndicatorCheckView] })
  @ApiCommonErrors()
  checks(
    @Param('regionId', new ParseRegistryIdPipe('regionId')) regionId: string,
    @CurrentActor() actor: Actor,
    @Query() query: ListChecksQuery,
  ): Promise<ControlIndicatorCheckRow[]> {
    return this.reads.checks(regionId, actor, query.month);
  }
}
