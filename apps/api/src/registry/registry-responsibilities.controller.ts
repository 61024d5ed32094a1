import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { REGISTRY_PERMISSIONS, type Actor } from '@duban/domain';
import type { RegistryEntry, RegistryPage } from '@duban/persistence';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { answerCreated } from '../http/created';
import { CreateResponsibilityDto, UpdateResponsibilityDto } from './dto/responsibility.dto';
import { AsOfQuery, ListResponsibilitiesQuery } from './dto/registry-queries';
import { RetireDto } from './dto/retire.dto';
import { ApiRegistryChange, ApiRegistryCreate, ApiRegistryGet, ApiRegistryHistory } from './registry-api.decorators';
import { RegistryCommandsService } from './registry-commands.service';
import { ParseRegistryIdPipe } from './registry-id.pipe';
import { RegistryReadsService } from './registry-reads.service';
import { ResponsibilityEntryView, ResponsibilityPageView } from './views/registry-entry.views';

/** 责任关系 (responsibility link) in the registry (单位库): every change a version (who, when, why); reads now or as of a moment. */
@ApiTags('registry 单位库')
@ApiBearerAuth()
@Controller('registry/responsibilities')
export class RegistryResponsibilitiesController {
  constructor(
    private readonly commands: RegistryCommandsService,
    private readonly reads: RegistryReadsService,
  ) {}

  @Post()
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Register a responsibility link 责任关系登记 (office 安委办 only)',
    description:
      'Version 1, with the reason. Checked in full (a 400 names the field; records it names must exist). The same body again answers 200 and records nothing.',
  })
  @ApiRegistryCreate(ResponsibilityEntryView, '责任关系')
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateResponsibilityDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegistryEntry<'responsibility'>> {
    const { entry, created } = await this.commands.create('responsibility', actor, { ...dto });
    if (created) answerCreated(res, `/registry/responsibilities/${encodeURIComponent(entry.record.id)}`);
    else res.status(200);
    return entry;
  }

  @Get()
  @Permit(REGISTRY_PERMISSIONS, 'read_reference')
  @ApiOperation({
    summary: 'List responsibility link records 责任关系列表',
    description: 'Responsibility links (属地, 分管, 监管, 主管, 主体) in force now or `asOf`, by id; `unitId` selects those held by or for a unit.',
  })
  @ApiOkResponse({ type: ResponsibilityPageView })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListResponsibilitiesQuery): Promise<RegistryPage<'responsibility'>> {
    return this.reads.list('responsibility', actor, query);
  }

  @Get(':id')
  @Permit(REGISTRY_PERMISSIONS, 'read_reference')
  @ApiOperation({ summary: 'One responsibility link 责任关系详情, now or as of a moment (`asOf`)' })
  @ApiRegistryGet(ResponsibilityEntryView, '责任关系', 'id')
  get(
    @Param('id', new ParseRegistryIdPipe('id')) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AsOfQuery,
  ): Promise<RegistryEntry<'responsibility'>> {
    return this.reads.get('responsibility', id, actor, query.asOf);
  }

  @Get(':id/history')
  @Permit(REGISTRY_PERMISSIONS, 'read_reference')
  @ApiOperation({ summary: 'Versions of one responsibility link 责任关系变更记录: who, when, why' })
  @ApiRegistryHistory(ResponsibilityEntryView, '责任关系', 'id')
  history(@Param('id', new ParseRegistryIdPipe('id')) id: string, @CurrentActor() actor: Actor): Promise<Array<RegistryEntry<'responsibility'>>> {
    return this.reads.history('responsibility', id, actor);
  }

  @Put(':id')
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Change a responsibility link 责任关系变更 (office 安委办 only)',
    description: 'The whole record, at `expectedVersion` (the version you read): another version is a 409. An unchanged record records nothing.',
  })
  @ApiRegistryChange(ResponsibilityEntryView, '责任关系', 'id')
  update(
    @Param('id', new ParseRegistryIdPipe('id')) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: UpdateResponsibilityDto,
  ): Promise<RegistryEntry<'responsibility'>> {
    return this.commands.update('responsibility', id, actor, { ...dto });
  }

  @Post(':id/retire')
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Retire a responsibility link 责任关系注销 (office 安委办 only)',
    description: 'A version too, never a delete: reads as of an earlier moment still find it. A retired record takes no further change.',
  })
  @ApiRegistryChange(ResponsibilityEntryView, '责任关系', 'id')
  retire(
    @Param('id', new ParseRegistryIdPipe('id')) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RetireDto,
  ): Promise<RegistryEntry<'responsibility'>> {
    return this.commands.retire('responsibility', id, actor, dto);
  }
}
