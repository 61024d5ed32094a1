import { type RequestExtensionArgs, TEXT_LIMITS } from '@duban/domain';
import { DateTimeField, TextField } from '../../http/field-decorators';

/** 申请延期 (extension request) by the responsible unit; the office decides. */
export class RequestExtensionDto implements RequestExtensionArgs {
  @DateTimeField({
    description: "申请的整改期限 (requested deadline), ISO 8601 date-time: after the current 整改期限 and within the policy's longest deadline.",
  })
  requestedDeadline!: string;

  @TextField({ description: '延期理由 (reason).', max: TEXT_LIMITS.longText })
  reason!: string;
}
