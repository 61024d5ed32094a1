import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OVERSIGHT_PERMISSIONS, type Actor } from '@duban/domain';
import { ParseAccidentIdPipe } from '../accidents/accident-params.pipe';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { ApiHazardId, ApiHazardNotFound } from '../hazards/hazard-api-responses.decorator';
import { ApiAccidentId, ApiAccidentNotFound } from '../accidents/accident-api-responses.decorator';
import { ParseHazardIdPipe } from '../http/id-params.pipe';
import { OversightsService, type OversightList } from './oversights.service';

const WHAT =
  'The signed inspections of the same unit in the look-back (365 days by default) before it that recorded nothing there, latest first, each with who signed it (`signedBy`) and who else it names (`alsoNamed`): ' +
  'a campaign inspection 专项行动检查 whose inspector reported no hazard at the unit that China day; a covert inspection 明察暗访 that sampled the unit and recorded no finding there; ' +
  'a resumption inspection 复产验收 that passed; a supervision check 停产期间监管检查 that found the unit not producing. `why` says which. For the office and auditors (纪委监委、审计), within their territory.';

/** 疏漏追责 (谁排查、谁签字、谁负责): the earlier signed inspections behind a later major hazard or accident. */
@ApiTags('oversights 疏漏追责')
@ApiBearerAuth()
@Controller()
export class OversightsController {
  constructor(private readonly oversights: OversightsService) {}

  @Get('hazards/:id/oversights')
  @Permit(OVERSIGHT_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Oversights behind a major hazard 重大隐患疏漏追责',
    description: `${WHAT} A general hazard (一般隐患) is refused with 409 \`oversight.trigger.not_major\`.`,
  })
  @ApiHazardId()
  @ApiOkResponse({ description: '`trigger` (the hazard, its unit, its report time), `window`, `policy` (with its source) and `items`.' })
  @ApiCommonErrors()
  @ApiHazardNotFound()
  @ApiProblem(409, '一般隐患不追溯疏漏 (a general hazard: `oversight.trigger.not_major`).')
  forHazard(@Param('id', ParseHazardIdPipe) id: string, @CurrentActor() actor: Actor): Promise<OversightList> {
    return this.oversights.forHazard(id, actor);
  }

  @Get('accidents/:id/oversights')
  @Permit(OVERSIGHT_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'Oversights behind an accident 事故疏漏追责', description: `${WHAT} The window ends when the accident happened.` })
  @ApiAccidentId()
  @ApiOkResponse({ description: '`trigger` (the accident, its unit, when it happened), `window`, `policy` (with its source) and `items`.' })
  @ApiCommonErrors()
  @ApiAccidentNotFound()
  forAccident(@Param('id', ParseAccidentIdPipe) id: string, @CurrentActor() actor: Actor): Promise<OversightList> {
    return this.oversights.forAccident(id, actor);
  }
}
