import { type ReportMonitoringArgs, TEXT_LIMITS } from '@duban/domain';
import { TextField } from '../../http/field-decorators';

/** 监控报告 (monitoring report), due every period the policy sets while under monitoring. */
export class ReportMonitoringDto implements ReportMonitoringArgs {
  @TextField({ description: '监控情况 (monitoring report text).', max: TEXT_LIMITS.longText })
  text!: string;
}
