import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { REGISTRY_PERMISSIONS, type Actor } from '@duban/domain';
import type { RegistryEntry, RegistryPage } from '@duban/persistence';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { answerCreated } from '../http/created';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';
import { AsOfQuery, ListUnitsQuery } from './dto/registry-queries';
import { RetireDto } from './dto/retire.dto';
import { ApiRegistryChange, ApiRegistryCreate, ApiRegistryGet, ApiRegistryHistory } from './registry-api.decorators';
import { RegistryCommandsService } from './registry-commands.service';
import { ParseRegistryIdPipe } from './registry-id.pipe';
import { RegistryReadsService } from './registry-reads.service';
import { UnitEntryView, UnitPageView } from './views/registry-entry.views';

/** 单位 (unit) in the registry (单位库): every change a version (who, when, why); reads now or as of a moment. */
@ApiTags('registry 单位库')
@ApiBearerAuth()
@Controller('registry/units')
export class RegistryUnitsController {
  constructor(
    private readonly commands: RegistryCommandsService,
    private readonly reads: RegistryReadsService,
  ) {}

  @Post()
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Register a unit 单位登记 (office 安委办 only)',
    description:
      'Version 1, with the reason. Checked in full (a 400 names the field; records it names must exist). The same body again answers 200 and records nothing.',
  })
  @ApiRegistryCreate(UnitEntryView, '单位')
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto, @Res({ passthrough: true }) res: Response): Promise<RegistryEntry<'unit'>> {
    const { entry, created } = await this.commands.create('unit', actor, { ...dto });
    if (created) answerCreated(res, `/registry/units/${encodeURIComponent(entry.record.id)}`);
    else res.status(200);
    return entry;
  }

  @Get()
  @Permit(REGISTRY_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'List unit records 单位列表',
    description:
      'Units (单位库: licensed or not, producing, closed or under renovation) in force now or `asOf`, by id: region (and below) × industry × kind × status. A unit token sees only its own unit.',
  })
  @ApiOkResponse({ type: UnitPageView })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListUnitsQuery): Promise<RegistryPage<'unit'>> {
    return this.reads.list('unit', actor, query);
  }

  @Get(':unitId')
  @Permit(REGISTRY_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'One unit 单位详情, now or as of a moment (`asOf`)' })
  @ApiRegistryGet(UnitEntryView, '单位', 'unitId')
  get(
    @Param('unitId', new ParseRegistryIdPipe('unitId')) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AsOfQuery,
  ): Promise<RegistryEntry<'unit'>> {
    return this.reads.get('unit', id, actor, query.asOf);
  }

  @Get(':unitId/history')
  @Permit(REGISTRY_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'Versions of one unit 单位变更记录: who, when, why' })
  @ApiRegistryHistory(UnitEntryView, '单位', 'unitId')
  history(@Param('unitId', new ParseRegistryIdPipe('unitId')) id: string, @CurrentActor() actor: Actor): Promise<Array<RegistryEntry<'unit'>>> {
    return this.reads.history('unit', id, actor);
  }

  @Put(':unitId')
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Change a unit 单位变更 (office 安委办 only)',
    description: 'The whole record, at `expectedVersion` (the version you read): another version is a 409. An unchanged record records nothing.',
  })
  @ApiRegistryChange(UnitEntryView, '单位', 'unitId')
  update(
    @Param('unitId', new ParseRegistryIdPipe('unitId')) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: UpdateUnitDto,
  ): Promise<RegistryEntry<'unit'>> {
    return this.commands.update('unit', id, actor, { ...dto });
  }

  @Post(':unitId/retire')
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Retire a unit 单位注销 (office 安委办 only)',
    description: 'A version too, never a delete: reads as of an earlier moment still find it. A retired record takes no further change.',
  })
  @ApiRegistryChange(UnitEntryView, '单位', 'unitId')
  retire(
    @Param('unitId', new ParseRegistryIdPipe('unitId')) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RetireDto,
  ): Promise<RegistryEntry<'unit'>> {
    return this.commands.retire('unit', id, actor, dto);
  }
}
