import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROBLEM_CODES, problemLabel, problemStatus, type FieldError, type ProblemCode } from './problem';

/** The code list for the OpenAPI description: `code` — 中文 (HTTP status or kind), one a line. */
function describeCodes(): string {
  return PROBLEM_CODES.map((code) => `- \`${code}\` (${problemStatus(code)}) ${problemLabel(code)}`).join('\n');
}

export class FieldErrorView implements FieldError {
  @ApiProperty({ description: 'The input, as a path: `deadline`, `funds.amountYuan`, `scope.units[12].regionId`.', example: 'title' })
  field!: string;

  @ApiProperty({ description: 'Why, in English, naming the input.', example: 'title should not be empty' })
  detail!: string;
}

/**
 * Every error: an RFC 9457 problem (`application/problem+json`). `code` is stable and machine
 * readable — a zh-CN interface translates it; `detail` is English for people and logs.
 */
export class ProblemView {
  @ApiProperty({
    description: 'The problem type: `/problems/<code>`, a URI reference the API resolves (GET /problems/{code}).',
    example: '/problems/hazard.plan.five_in_place_missing',
  })
  type!: string;

  @ApiProperty({ description: 'The HTTP reason phrase of `status`.', example: 'Bad Request' })
  title!: string;

  @ApiProperty({ description: 'The HTTP status.', example: 400 })
  status!: number;

  @ApiProperty({
    description: 'Why, in English. A 5xx never carries an internal message (it is logged).',
    example: 'rectification plan does not meet 五到位: missing 资金到位 (funds), 预案到位 (contingency plan)',
  })
  detail!: string;

  @ApiProperty({
    description: `Stable machine code (机器可读错误码), for a zh-CN interface to translate; \`type\` ends with it. The codes, with their status and Chinese words:\n${describeCodes()}`,
    enum: PROBLEM_CODES,
    example: 'hazard.plan.five_in_place_missing',
  })
  code!: ProblemCode;

  @ApiPropertyOptional({
    description: 'The offending input (the first, when several are), e.g. `deadline`, `plan`, `id`, `scope.units[3].regionId`.',
    example: 'plan',
  })
  field?: string;

  @ApiPropertyOptional({ description: 'Body and query validation (`request.invalid`): every input refused, in order.', type: () => [FieldErrorView] })
  errors?: FieldErrorView[];

  @ApiPropertyOptional({
    description:
      '五到位 (`hazard.plan.five_in_place_missing`): every plan item missing — responsibility 责任, measures 措施, funds 资金, deadline 时限, contingency 预案.',
    type: [String],
    example: ['funds', 'contingency'],
  })
  missing?: string[];
}
