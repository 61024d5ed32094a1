import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { REGISTRY_PERMISSIONS, type Actor } from '@duban/domain';
import type { RegistryEntry, RegistryPage } from '@duban/persistence';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { answerCreated } from '../http/created';
import { CreateRegionDto, UpdateRegionDto } from './dto/region.dto';
import { AsOfQuery, ListRegionsQuery } from './dto/registry-queries';
import { RetireDto } from './dto/retire.dto';
import { ApiRegistryChange, ApiRegistryCreate, ApiRegistryGet, ApiRegistryHistory } from './registry-api.decorators';
import { RegistryCommandsService } from './registry-commands.service';
import { ParseRegistryIdPipe } from './registry-id.pipe';
import { RegistryReadsService } from './registry-reads.service';
import { RegionEntryView, RegionPageView } from './views/registry-entry.views';

/** 属地 (region) in the registry (单位库): every change a version (who, when, why); reads now or as of a moment. */
@ApiTags('registry 单位库')
@ApiBearerAuth()
@Controller('registry/regions')
export class RegistryRegionsController {
  constructor(
    private readonly commands: RegistryCommandsService,
    private readonly reads: RegistryReadsService,
  ) {}

  @Post()
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Register a region 属地登记 (office 安委办 only)',
    description:
      'Version 1, with the reason. Checked in full (a 400 names the field; records it names must exist). The same body again answers 200 and records nothing.',
  })
  @ApiRegistryCreate(RegionEntryView, '属地')
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateRegionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegistryEntry<'region'>> {
    const { entry, created } = await this.commands.create('region', actor, { ...dto });
    if (created) answerCreated(res, `/registry/regions/${encodeURIComponent(entry.record.id)}`);
    else res.status(200);
    return entry;
  }

  @Get()
  @Permit(REGISTRY_PERMISSIONS, 'read_reference')
  @ApiOperation({
    summary: 'List region records 属地列表',
    description: 'Regions (属地) in force now or `asOf`, by id; `regionId` selects a region and everything below it (a county and its towns).',
  })
  @ApiOkResponse({ type: RegionPageView })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListRegionsQuery): Promise<RegistryPage<'region'>> {
    return this.reads.list('region', actor, query);
  }

  @Get(':id')
  @Permit(REGISTRY_PERMISSIONS, 'read_reference')
  @ApiOperation({ summary: 'One region 属地详情, now or as of a moment (`asOf`)' })
  @ApiRegistryGet(RegionEntryView, '属地', 'id')
  get(
    @Param('id', new ParseRegistryIdPipe('id')) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AsOfQuery,
  ): Promise<RegistryEntry<'region'>> {
    return this.reads.get('region', id, actor, query.asOf);
  }

  @Get(':id/history')
  @Permit(REGISTRY_PERMISSIONS, 'read_reference')
  @ApiOperation({ summary: 'Versions of one region 属地变更记录: who, when, why' })
  @ApiRegistryHistory(RegionEntryView, '属地', 'id')
  history(@Param('id', new ParseRegistryIdPipe('id')) id: string, @CurrentActor() actor: Actor): Promise<Array<RegistryEntry<'region'>>> {
    return this.reads.history('region', id, actor);
  }

  @Put(':id')
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Change a region 属地变更 (office 安委办 only)',
    description: 'The whole record, at `expectedVersion` (the version you read): another version is a 409. An unchanged record records nothing.',
  })
  @ApiRegistryChange(RegionEntryView, '属地', 'id')
  update(
    @Param('id', new ParseRegistryIdPipe('id')) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: UpdateRegionDto,
  ): Promise<RegistryEntry<'region'>> {
    return this.commands.update('region', id, actor, { ...dto });
  }

  @Post(':id/retire')
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Retire a region 属地注销 (office 安委办 only)',
    description: 'A version too, never a delete: reads as of an earlier moment still find it. A retired record takes no further change.',
  })
  @ApiRegistryChange(RegionEntryView, '属地', 'id')
  retire(
    @Param('id', new ParseRegistryIdPipe('id')) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RetireDto,
  ): Promise<RegistryEntry<'region'>> {
    return this.commands.retire('region', id, actor, dto);
  }
}
