import { type DecideExtensionArgs, TEXT_LIMITS } from '@duban/domain';
import { BooleanField, TextField } from '../../http/field-decorators';

/** 延期审批 (extension decision) by the safety committee office (安委办). */
export class DecideExtensionDto implements DecideExtensionArgs {
  @BooleanField({ description: 'true 批准延期 (approve: the deadline moves and the escalation ladder restarts) | false 不予延期 (refuse).' })
  approve!: boolean;

  @TextField({ description: '审批意见 (reason for the decision).', max: TEXT_LIMITS.longText })
  reason!: string;
}
