import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { REGISTRY_PERMISSIONS, type Actor } from '@duban/domain';
import type { RegistryEntry, RegistryPage } from '@duban/persistence';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { answerCreated } from '../http/created';
import { CreatePersonDto, UpdatePersonDto } from './dto/person.dto';
import { AsOfQuery, ListPeopleQuery } from './dto/registry-queries';
import { RetireDto } from './dto/retire.dto';
import { ApiRegistryChange, ApiRegistryCreate, ApiRegistryGet, ApiRegistryHistory } from './registry-api.decorators';
import { RegistryCommandsService } from './registry-commands.service';
import { ParseRegistryIdPipe } from './registry-id.pipe';
import { RegistryReadsService } from './registry-reads.service';
import { PersonEntryView, PersonPageView } from './views/registry-entry.views';

/** 责任人 (person) in the registry (单位库): every change a version (who, when, why); reads now or as of a moment. */
@ApiTags('registry 单位库')
@ApiBearerAuth()
@Controller('registry/people')
export class RegistryPeopleController {
  constructor(
    private readonly commands: RegistryCommandsService,
    private readonly reads: RegistryReadsService,
  ) {}

  @Post()
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Register a person 责任人登记 (office 安委办 only)',
    description:
      'Version 1, with the reason. Checked in full (a 400 names the field; records it names must exist). The same body again answers 200 and records nothing.',
  })
  @ApiRegistryCreate(PersonEntryView, '责任人')
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreatePersonDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegistryEntry<'person'>> {
    const { entry, created } = await this.commands.create('person', actor, { ...dto });
    if (created) answerCreated(res, `/registry/people/${encodeURIComponent(entry.record.id)}`);
    else res.status(200);
    return entry;
  }

  @Get()
  @Permit(REGISTRY_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'List person records 责任人列表',
    description: 'People (责任人: 主要负责人, 分管领导, 安全管理人员) in force now or `asOf`, by id. A unit token sees only its own unit’s people.',
  })
  @ApiOkResponse({ type: PersonPageView })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListPeopleQuery): Promise<RegistryPage<'person'>> {
    return this.reads.list('person', actor, query);
  }

  @Get(':personId')
  @Permit(REGISTRY_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'One person 责任人详情, now or as of a moment (`asOf`)' })
  @ApiRegistryGet(PersonEntryView, '责任人', 'personId')
  get(
    @Param('personId', new ParseRegistryIdPipe('personId')) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AsOfQuery,
  ): Promise<RegistryEntry<'person'>> {
    return this.reads.get('person', id, actor, query.asOf);
  }

  @Get(':personId/history')
  @Permit(REGISTRY_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'Versions of one person 责任人变更记录: who, when, why' })
  @ApiRegistryHistory(PersonEntryView, '责任人', 'personId')
  history(@Param('personId', new ParseRegistryIdPipe('personId')) id: string, @CurrentActor() actor: Actor): Promise<Array<RegistryEntry<'person'>>> {
    return this.reads.history('person', id, actor);
  }

  @Put(':personId')
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Change a person 责任人变更 (office 安委办 only)',
    description: 'The whole record, at `expectedVersion` (the version you read): another version is a 409. An unchanged record records nothing.',
  })
  @ApiRegistryChange(PersonEntryView, '责任人', 'personId')
  update(
    @Param('personId', new ParseRegistryIdPipe('personId')) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: UpdatePersonDto,
  ): Promise<RegistryEntry<'person'>> {
    return this.commands.update('person', id, actor, { ...dto });
  }

  @Post(':personId/retire')
  @Permit(REGISTRY_PERMISSIONS, 'write')
  @ApiOperation({
    summary: 'Retire a person 责任人注销 (office 安委办 only)',
    description: 'A version too, never a delete: reads as of an earlier moment still find it. A retired record takes no further change.',
  })
  @ApiRegistryChange(PersonEntryView, '责任人', 'personId')
  retire(
    @Param('personId', new ParseRegistryIdPipe('personId')) id: string,
    @CurrentActor() actor: Actor,
    @Body() dto: RetireDto,
  ): Promise<RegistryEntry<'person'>> {
    return this.commands.retire('person', id, actor, dto);
  }
}
