import { TEXT_LIMITS } from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { EnumField, IdField, NestedField, NestedListField, TextField } from '../../http/field-decorators';
import { OPENABLE_CASE_ORIGINS, OPENABLE_ORIGIN_LABELS, RespondentDto, ViolationDto, type OpenableCaseOrigin } from './case-filing.dto';

/**
 * 立案: the unit, where the case comes from, the violation, whom it names (一并处罚) and the law it
 * is opened under. The region and industry are the registry's (单位库), never the caller's.
 */
export class OpenEnforcementCaseDto {
  @IdField({
    description: '被执法单位 (the enterprise the case is against), as the registry knows it; unknown → 404 naming `unitId`.',
    example: 'unit-001',
  })
  unitId!: string;

  @EnumField(OPENABLE_CASE_ORIGINS, {
    description: `案件来源 (origin): ${describeEnum(OPENABLE_ORIGIN_LABELS)}. Cases from a hazard (隐患逾期不整改, 整改不合格) are opened by Duban by the hazard's policy, not here (400 naming \`origin\`).`,
  })
  origin!: OpenableCaseOrigin;

  @IdField({ description: '来源记录编号 (the covert inspection or accident the case comes from); required for those origins.', optional: true })
  sourceRef?: string;

  @NestedField(() => ViolationDto, { description: '违法行为 (the violation the case is opened for).' })
  violation!: ViolationDto;

  @NestedListField(() => RespondentDto, {
    description: '当事人 (respondents, 一并处罚): the enterprise (required), and e.g. its 法定代表人 and 实际控制人.',
    minItems: 1,
    maxItems: 20,
  })
  respondents!: RespondentDto[];

  @TextField({ description: '立案依据 (the law the case is opened under).', max: TEXT_LIMITS.shortText, example: '《安全生产法》第一百一十三条' })
  legalBasis!: string;
}
