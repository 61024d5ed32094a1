import { TEXT_LIMITS, type AddRespondentArgs, type CloseCaseArgs, type FlagCriminalArgs, type RecordViolationArgs } from '@duban/domain';
import { NestedField, TextField } from '../../http/field-decorators';
import { RespondentDto, ViolationDto } from './case-filing.dto';

const reason = (what: string) => TextField({ description: `事由 (${what}).`, max: TEXT_LIMITS.longText });
const legalBasis = (what: string) =>
  TextField({ description: `法律依据 (${what}).`, max: TEXT_LIMITS.shortText, example: '《安全生产法》第一百一十三条' });

/** 追加当事人 (一并处罚): another party punished for the violation. */
export class AddRespondentDto implements AddRespondentArgs {
  @NestedField(() => RespondentDto, { description: '当事人 (the respondent added).' })
  respondent!: RespondentDto;

  @reason('why this party is punished too')
  reason!: string;

  @legalBasis('the article that reaches this party')
  legalBasis!: string;
}

/** 违法行为: another illegal act found in the case. */
export class RecordViolationDto implements RecordViolationArgs {
  @NestedField(() => ViolationDto, { description: '违法行为 (the violation).' })
  violation!: ViolationDto;

  @reason('how it was found')
  reason!: string;
}

/** 涉嫌犯罪: the case then closes only once referred and answered (行刑衔接). */
export class FlagCriminalDto implements FlagCriminalArgs {
  @reason('the facts suggesting a crime')
  reason!: string;

  @legalBasis('the criminal provision, e.g. 《刑法》第一百三十四条')
  legalBasis!: string;
}

/** 结案: refused while the close validator names why (行刑衔接, an open suspension, no measure). */
export class CloseCaseDto implements CloseCaseArgs {
  @TextField({ description: '结案结论 (conclusion).', max: TEXT_LIMITS.longText })
  conclusion!: string;

  @legalBasis('结案依据')
  legalBasis!: string;
}
