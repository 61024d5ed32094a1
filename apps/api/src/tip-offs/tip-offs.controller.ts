import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TIP_OFF_PERMISSIONS, type Actor } from '@duban/domain';
import type { TipOffLedgerRow } from '@duban/persistence';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { AsOfQuery } from '../http/as-of.query';
import { AuditTrailPageQuery } from '../http/audit-trail-page.query';
import { answerCreated, locationHeader, retryAfterHeader } from '../http/created';
import { UUID_PATTERN } from '../http/id-params.pipe';
import { IntakeTipOffDto } from './dto/intake-tip-off.dto';
import { ListTipOffsQuery } from './dto/list-tip-offs.query';
import { VerifyTipOffDto } from './dto/verify-tip-off.dto';
import { ParseTipOffIdPipe } from './parse-tip-off-id.pipe';
import { TipOffAsOfReadsService, type TipOffAsOfDetail } from './tip-off-as-of-reads.service';
import { TipOffCommandsService, type IntakeTipOffResult, type VerifyTipOffResult } from './tip-off-commands.service';
import { TipOffReadsService, type TipOffDetail, type TipOffEventPage } from './tip-off-reads.service';

const ApiTipOffId = () =>
  ApiParam({
    name: 'id',
    description: '举报编号 (tip-off id), a UUID; anything else is a 400 naming `id`.',
    schema: { type: 'string', format: 'uuid', pattern: UUID_PATTERN },
  });
const ApiTipOffNotFound = () => ApiProblem(404, '举报不存在 (tip-off not found, `resource.not_found`).');

@ApiTags('tip-offs 举报核查')
@ApiBearerAuth()
@Controller('tip-offs')
export class TipOffsController {
  constructor(
    private readonly commands: TipOffCommandsService,
    private readonly reads: TipOffReadsService,
    private readonly asOf: TipOffAsOfReadsService,
  ) {}

  @Post()
  @Permit(TIP_OFF_PERMISSIONS, 'intake')
  @ApiOperation({
    summary: 'Take in a tip-off or media report 举报受理',
    description:
      'By the safety committee office (安委办), for a region within its territory (属地). Opens a verification obligation (核查) due under the tip-off policy (default 24 h after `receivedAt`); 核查逾期 once it passes. 201 with `Location` once the ledger (举报台账) row exists, 202 with `Retry-After` when no worker registered it in time.',
  })
  @ApiCreatedResponse({
    description: '受理成功 (registered): `registered: true` and the state; `Location: /tip-offs/{tipOffId}`.',
    headers: locationHeader('tip-off'),
  })
  @ApiAcceptedResponse({
    description: '已受理，待登记 (accepted, not yet registered): read it back at `Location` later.',
    headers: { ...locationHeader('tip-off'), ...retryAfterHeader },
  })
  @ApiCommonErrors()
  async intake(@CurrentActor() actor: Actor, @Body() dto: IntakeTipOffDto, @Res({ passthrough: true }) res: Response): Promise<IntakeTipOffResult> {
    const result = await this.commands.intake(actor, dto);
    answerCreated(res, `/tip-offs/${result.tipOffId}`, result.registered);
    return result;
  }

  @Get()
  @Permit(TIP_OFF_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'The tip-off ledger 举报台账',
    description:
      'From PostgreSQL, the most urgent 核查期限 first, only tips about the reader’s territory (属地). Filters: status, 核查逾期 (overdue), channel, accident.',
  })
  @ApiOkResponse({ description: '`items` (ledger rows) and `total`.' })
  @ApiCommonErrors()
  list(@CurrentActor() actor: Actor, @Query() query: ListTipOffsQuery): Promise<{ items: TipOffLedgerRow[]; total: number }> {
    return this.reads.list(actor, query);
  }

  @Get(':id')
  @Permit(TIP_OFF_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'One tip-off 举报: authoritative state (from its workflow) and ledger row',
    description: 'With `asOf` (某一时刻的状态): the state at that moment, folded from the events recorded up to it; no ledger row.',
  })
  @ApiTipOffId()
  @ApiOkResponse({
    description: '`state`, `stateSource` (workflow | ledger | events) and the `ledger` row; on an `asOf` read, `asOf` echoed and no row.',
  })
  @ApiCommonErrors()
  @ApiTipOffNotFound()
  detail(
    @Param('id', ParseTipOffIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: AsOfQuery,
  ): Promise<TipOffDetail | TipOffAsOfDetail> {
    return query.asOf === undefined ? this.reads.detail(id, actor) : this.asOf.detail(id, actor, query.asOf);
  }

  @Get(':id/events')
  @Permit(TIP_OFF_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Audit trail 履职记录 of a tip-off: who took it in, who verified it, when and why',
    description: 'In seq order; pass `next` back as `cursor`.',
  })
  @ApiTipOffId()
  @ApiOkResponse({ description: '`items` (events) and `next`.' })
  @ApiCommonErrors()
  @ApiTipOffNotFound()
  events(@Param('id', ParseTipOffIdPipe) id: string, @CurrentActor() actor: Actor, @Query() query: AuditTrailPageQuery): Promise<TipOffEventPage> {
    return this.reads.events(id, actor, query);
  }

  @Post(':id/verification')
  @Permit(TIP_OFF_PERMISSIONS, 'verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record the verification 核查结果: 属实 (an accident) or 不属实',
    description:
      'By the office. Verified: name the accident on record (`accidentId`: the tip is recorded on it, 谎报 where its numbers were understated) or a new one (`newAccident`: its record is opened from the tip, 瞒报 against the unit). The answer names the accident opened or updated (`accident`).',
  })
  @ApiTipOffId()
  @ApiOkResponse({ description: 'The events recorded, the state after them, and `accident` ({accidentId, link: opened | updated} or null).' })
  @ApiCommonErrors()
  @ApiTipOffNotFound()
  @ApiProblem(409, '已核查 (already verified: `tip_off.already_verified`), or the accident named is closed (`accident.investigation.closed`).')
  verify(@Param('id', ParseTipOffIdPipe) id: string, @CurrentActor() actor: Actor, @Body() dto: VerifyTipOffDto): Promise<VerifyTipOffResult> {
    return this.commands.verify(id, actor, dto);
  }
}
