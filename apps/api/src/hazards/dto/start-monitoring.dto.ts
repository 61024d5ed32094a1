import { type StartMonitoringArgs, TEXT_LIMITS } from '@duban/domain';
import { TextField } from '../../http/field-decorators';

/** 监控管理 (monitoring) of a major hazard (重大隐患) that cannot be fixed at once. */
export class StartMonitoringDto implements StartMonitoringArgs {
  @TextField({ description: '监控措施 (monitoring measures).', max: TEXT_LIMITS.longText })
  measures!: string;

  @TextField({ description: '监控责任人 (watch person): who watches it, around the clock over holidays (专人值守).', max: TEXT_LIMITS.shortText })
  watchPerson!: string;
}
