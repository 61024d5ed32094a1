import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { COVERT_EXPOSURE_PERMISSIONS, type Actor, type CovertExposureList } from '@duban/domain';
import type { CovertExposurePublicationRow } from '@duban/persistence';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { CovertExposureService } from './covert-exposure.service';
import { CovertExposureQueryDto, PublishCovertExposureDto } from './dto/covert-exposure.dto';

/** 暗访曝光: what completed covert inspections found, per region and industry, and its publication by the office. */
@ApiTags('covert-inspections 明察暗访')
@ApiBearerAuth()
@Controller('covert-inspections/exposure')
export class CovertExposureController {
  constructor(private readonly exposure: CovertExposureService) {}

  @Get()
  @Permit(COVERT_EXPOSURE_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'The exposure list 暗访曝光',
    description:
      'The findings of the covert inspections completed in the period, grouped per region and industry (of the unit found at), each with its on-site order’s deadline (限时整改), ' +
      'the hazard it became in the hazard ledger (`hazardId`, 隐患台账) and its rectification status from that hazard as of now: ' +
      'rectified 已整改 (signed off or delisted, 已销号) | rectifying 整改中 | overdue 逾期未整改 (the hazard is overdue) | untracked 未跟踪 (no hazard: inspections from before findings became hazards); ' +
      '重大隐患 flagged `listed` (挂牌督办).',
  })
  @ApiOkResponse({
    description:
      '`groups` (regionId, industryId, counts `findings`/`major`/`overdue`, items with `hazardId` and `status` rectified 已整改 | rectifying 整改中 | overdue 逾期未整改 | untracked 未跟踪), `total` and `asOf`.',
  })
  @ApiCommonErrors()
  list(@Query() query: CovertExposureQueryDto): Promise<CovertExposureList> {
    return this.exposure.list(query);
  }

  @Post('publications')
  @Permit(COVERT_EXPOSURE_PERMISSIONS, 'publish')
  @ApiOperation({
    summary: 'Publish a period’s exposure list 发布暗访曝光',
    description:
      'By the office: the list as it stands now, recorded with who, when and why. Retry-safe: the same period and filters again answer the first publication with 200 (`created: false`).',
  })
  @ApiCreatedResponse({ description: 'Published: `publication` (with the list) and `created: true`.' })
  @ApiOkResponse({ description: 'Already published: the first `publication`, `created: false`.' })
  @ApiCommonErrors()
  async publish(
    @CurrentActor() actor: Actor,
    @Body() dto: PublishCovertExposureDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ publication: CovertExposurePublicationRow; created: boolean }> {
    const result = await this.exposure.publish(actor, dto);
    res.status(result.created ? 201 : 200);
    return result;
  }
}
