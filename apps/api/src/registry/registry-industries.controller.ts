import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { REGISTRY_PERMISSIONS, type Actor } from '@duban/domain';
import type { RegistryEntry, RegistryPage } from '@duban/persistence';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { answerCreated } from '../http/created';
import { CreateIndustryDto, UpdateIndustryDto } from './dto/industry.dto';
import { AsOfQuery, ListIndustriesQuery } from './dto/registry-queries';
import { RetireDto } from './dto/retire.dto';
import { ApiRegistryChange, ApiRegistryCreate, ApiRegistryGet, ApiRegistryHistory } from './registry-api.decorators';
import { RegistryCommandsService } from './registry-commands.service';
import { ParseRegistryIdPipe } from './registry-id.pipe';
import { RegistryReadsService } from './registry-reads.service';
import { IndustryEntryView, IndustryPageView } from './views/registry-entry.views';

/** 行业 (industry) in the registry (单位库): every change a version (who, when, why); reads now or as of a moment. */
@ApiTags('registry 单位库')
@ApiBearerAuth()
@Controller('registry/industries')
export class RegistryIndustriesController {
  constructor(
    private readonly commands: RegistryCommandsService,
    private readonly reads: RegistryReadsService,
  ) {}

  @Post()
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Register a industry 行业登记 (office 安委办 only)',
    description:
      'Version 1, with the reason. Checked in full (a 400 names the field; records it names must exist). The same body again answers 200 and records nothing.',
  })
  @ApiRegistryCreate(IndustryEntryView, '行业')
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateIndustryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegistryEntry<'industry'>> {
    const { entry, created } = await this.commands.create('industry', actor, { ...dto });
    if (created) answerCreated(res, `/registry/industries/${encodeURIComponent(entry.record.id)}`);
    else res.status(200);
    return entry;
  }

  @Get()
  @Permit(REGISTRY_PERMISSIONS, 'read_reference')
  @ApiOperation({
    summary: 'List industry records 行业列表',
    description: 'Industries (行业) in force now or `asOf`, by id; `industryId` selects an industry and those below it.',
  })
  @ApiOkResponse({ type: IndustryPageView })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListIndustriesQuery): Promise<RegistryPage<'industry'>> {
    return this.reads.list('industry', actor, query);
  }

  @Get(':id')
  @Permit(REGISTRY_PERMISSIONS, 'read_reference')
  @ApiOperation({ summary: 'One industry 行业详情, now or as of a moment (`asOf`)' })
  @ApiRegistryGet(IndustryEntryView, '行业', 'id')
  get(
    @Param('id', new ParseRegistryIdPipe('id')) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AsOfQuery,
  ): Promise<RegistryEntry<'industry'>> {
    return this.reads.get('industry', id, actor, query.asOf);
  }

  @Get(':id/history')
  @Permit(REGISTRY_PERMISSIONS, 'read_reference')
  @ApiOperation({ summary: 'Versions of one industry 行业变更记录: who, when, why' })
  @ApiRegistryHistory(IndustryEntryView, '行业', 'id')
  history(@Param('id', new ParseRegistryIdPipe('id')) id: string, @CurrentActor() actor: Actor): Promise<Array<RegistryEntry<'industry'>>> {
    return this.reads.history('industry', id, actor);
  }

  @Put(':id')
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Change a industry 行业变更 (office 安委办 only)',
    description: 'The whole record, at `expectedVersion` (the version you read): another version is a 409. An unchanged record records nothing.',
  })
  @ApiRegistryChange(IndustryEntryView, '行业', 'id')
  update(
    @Param('id', new ParseRegistryIdPipe('id')) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: UpdateIndustryDto,
  ): Promise<RegistryEntry<'industry'>> {
    return this.commands.update('industry', id, actor, { ...dto });
  }

  @Post(':id/retire')
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Retire a industry 行业注销 (office 安委办 only)',
    description: 'A version too, never a delete: reads as of an earlier moment still find it. A retired record takes no further change.',
  })
  @ApiRegistryChange(IndustryEntryView, '行业', 'id')
  retire(
    @Param('id', new ParseRegistryIdPipe('id')) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RetireDto,
  ): Promise<RegistryEntry<'industry'>> {
    return this.commands.retire('industry', id, actor, dto);
  }
}
