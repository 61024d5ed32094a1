import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ENFORCEMENT_PERMISSIONS, type Actor } from '@duban/domain';
import type { EnforcementUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiEnforcementAction } from './enforcement-api-responses.decorator';
import { EnforcementCommandsService } from './enforcement-commands.service';
import { ParseEnforcementCaseIdPipe } from './enforcement-params.pipe';
import { FileRectificationDto, ResumptionInspectionDto, SignResumptionDto, SupervisionCheckDto } from './dto/resumption.dto';

const CaseId = () => Param('caseId', ParseEnforcementCaseIdPipe);

/**
 * Suspension → resumption (复工复产): the unit's rectification, 复产验收, signatures level by level
 * (层层签字), and the checks of a suspended unit (停产期间监管).
 */
@ApiTags('enforcement 执法案件 (四个一律)')
@ApiBearerAuth()
@Controller('enforcement-cases')
export class EnforcementResumptionController {
  constructor(private readonly commands: EnforcementCommandsService) {}

  @Post(':caseId/rectification')
  @Permit(ENFORCEMENT_PERMISSIONS, 'file_rectification')
  @ApiOperation({
    summary: 'File the rectification 复工整改报告',
    description: 'By the suspended unit for itself (or the office recording it), while suspended.',
  })
  @ApiEnforcementAction()
  fileRectification(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: FileRectificationDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'file_rectification', dto);
  }

  @Post(':caseId/resumption-inspections')
  @Permit(ENFORCEMENT_PERMISSIONS, 'record_resumption_inspection')
  @ApiOperation({
    summary: 'Resumption inspection 复产验收',
    description:
      'By inspectors, once the rectification is filed. Passed: the signatures follow (层层签字). Failed at the policy’s limit: 关闭取缔 is required.',
  })
  @ApiEnforcementAction()
  inspect(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: ResumptionInspectionDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'record_resumption_inspection', dto);
  }

  @Post(':caseId/resumption-signatures')
  @Permit(ENFORCEMENT_PERMISSIONS, 'sign_resumption')
  @ApiOperation({
    summary: 'Sign the resumption 层层签字',
    description:
      'One level of the case policy’s chain (e.g. 乡镇 → 县级行业主管部门 → 县级人民政府), in order (409 out of order); the last signature resumes the unit (复工复产). The unit never signs its own resumption (403 `enforcement.resumption.self_signature`).',
  })
  @ApiEnforcementAction()
  sign(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: SignResumptionDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'sign_resumption', dto);
  }

  @Post(':caseId/supervision-checks')
  @Permit(ENFORCEMENT_PERMISSIONS, 'record_supervision_check')
  @ApiOperation({
    summary: 'Check the suspended unit 停产期间监管',
    description: 'By inspectors or the office; a check finding it producing records a new, serious violation (停产整顿期间擅自生产).',
  })
  @ApiEnforcementAction()
  check(@CaseId() caseId: string, @CurrentActor() actor: Actor, @Body() dto: SupervisionCheckDto): Promise<EnforcementUpdateResult> {
    return this.commands.act(caseId, actor, 'record_supervision_check', dto);
  }
}
