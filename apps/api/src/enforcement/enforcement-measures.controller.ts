import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ENFORCEMENT_PERMISSIONS, type Actor } from '@duban/domain';
import type { EnforcementUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiEnforcementAction } from './enforcement-api-responses.decorator';
import { EnforcementCommandsService } from './enforcement-commands.service';
import { ParseEnforcementCaseIdPipe } from './enforcement-params.pipe';
import { ImposeClosureDto, ImposeFineDto, ImposeSuspensionDto, RecordReferralOutcomeDto, ReferToJudiciaryDto } from './dto/measures.dto';

const CaseId = () => Param('caseId', ParseEnforcementCaseIdPipe);

/** The measures of 四个一律 the office decides on a case: 停产整顿, 上限处罚, 移送司法 (and its answer), 关闭取缔. */
@ApiTags('enforcement 执法案件 (四个一律)')
@ApiBearerAuth()
@Controller('enforcement-cases')
export class EnforcementMeasuresController {
  constructor(private readonly commands: EnforcementCommandsService) {}

  @Post(':caseId/suspension')
  @Permit(ENFORCEMENT_PERMISSIONS, 'impose_suspension')
  @ApiOperation({
    summary: 'Suspend the unit 停产整顿',
    description:
      'By the office, on the enterprise respondent. The unit stays supervised (停产不停监管) until resumed (复工复产) or closed (关闭取缔).',
  })
  @ApiEnforcementAction()
  suspend(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: ImposeSuspensionDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'impose_suspension', dto);
  }

  @Post(':caseId/fine')
  @Permit(ENFORCEMENT_PERMISSIONS, 'impose_fine')
  @ApiOperation({
    summary: 'The maximum fine 上限处罚',
    description: 'By the office, on one respondent: the amount must be the cited article’s upper limit (400 naming `amountYuan` otherwise).',
  })
  @ApiEnforcementAction()
  fine(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: ImposeFineDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'impose_fine', dto);
  }

  @Post(':caseId/judicial-referral')
  @Permit(ENFORCEMENT_PERMISSIONS, 'refer_to_judiciary')
  @ApiOperation({
    summary: 'Refer to the judiciary 移送司法',
    description: 'By the office: the respondents referred and the receiving authority (e.g. 县公安局).',
  })
  @ApiEnforcementAction()
  refer(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: ReferToJudiciaryDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'refer_to_judiciary', dto);
  }

  @Post(':caseId/referral-outcome')
  @Permit(ENFORCEMENT_PERMISSIONS, 'record_referral_outcome')
  @ApiOperation({
    summary: 'The judiciary’s answer 司法机关答复',
    description: 'By the office: a criminal case opened (立案), or returned for administrative handling.',
  })
  @ApiEnforcementAction()
  referralOutcome(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: RecordReferralOutcomeDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'record_referral_outcome', dto);
  }

  @Post(':caseId/closure')
  @Permit(ENFORCEMENT_PERMISSIONS, 'impose_closure')
  @ApiOperation({
    summary: 'Close the unit down 关闭取缔',
    description: 'By the office; final (经停产整顿仍未达到要求的, 一律关闭取缔; or an illegal business).',
  })
  @ApiEnforcementAction()
  closeDown(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: ImposeClosureDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'impose_closure', dto);
  }
}
