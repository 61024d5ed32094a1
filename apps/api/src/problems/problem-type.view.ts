import { ApiProperty } from '@nestjs/swagger';
import { PROBLEM_CODES, type ProblemCode } from '../http/problem';

/** One problem type (错误类型): what `/problems/<code>` names. */
export class ProblemTypeView {
  @ApiProperty({ description: 'The stable machine code.', enum: PROBLEM_CODES, example: 'hazard.plan.five_in_place_missing' })
  code!: ProblemCode;

  @ApiProperty({ description: 'The problem type URI a problem carries in `type`.', example: '/problems/hazard.plan.five_in_place_missing' })
  type!: string;

  @ApiProperty({ description: 'The HTTP status problems of this type answer with.', example: 400 })
  status!: number;

  @ApiProperty({ description: 'The HTTP reason phrase of `status`.', example: 'Bad Request' })
  title!: string;

  @ApiProperty({ description: 'The words a zh-CN interface shows (中文说明).', example: '整改方案未达到"五到位"' })
  zh!: string;
}
