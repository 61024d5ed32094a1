import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every refusal: 400 invalid (输入有误), 401, 403 forbidden (无权操作), 404, 409 conflict (当前状态不允许). */
export class ErrorResponseView {
  @ApiProperty({ description: 'HTTP status.', example: 400 })
  statusCode!: number;

  @ApiProperty({ description: 'HTTP reason phrase.', example: 'Bad Request' })
  error!: string;

  @ApiProperty({
    description: 'Why, in words (a list of messages for body validation errors, each naming its field).',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'rectification plan does not meet 五到位: missing 资金到位 (funds), 预案到位 (contingency plan)',
  })
  message!: string | string[];

  @ApiPropertyOptional({ description: 'The offending input field, e.g. `deadline`, `plan`, `id`.', example: 'plan' })
  field?: string;

  @ApiPropertyOptional({
    description: 'More detail, e.g. `{ missing: ["funds", "contingency"] }` for 五到位, `{ fields: [...] }` for body validation.',
    type: 'object',
    additionalProperties: true,
  })
  details?: Record<string, unknown>;
}
