import { TEXT_LIMITS, type CovertExposureQuery } from '@duban/domain';
import { DayField, IdField, TextField } from '../../http/field-decorators';

/** 暗访曝光: the inspections completed in a period (China days, inclusive), optionally one region's or one industry's. */
export class CovertExposureQueryDto implements CovertExposureQuery {
  @DayField({ description: '起始日 (first day), YYYY-MM-DD, China time: inspections completed on or after it.' })
  from!: string;

  @DayField({ description: '截止日 (last day), YYYY-MM-DD, China time, inclusive; at most 366 days after `from`.' })
  to!: string;

  @IdField({ description: '区域 (region) id: findings at units in it, or of inspections its office ran.', optional: true })
  regionId?: string;

  @IdField({ description: '行业 (industry) id of the units found at.', optional: true })
  industry?: string;
}

/** 发布曝光: the office publishes a period's list, with why (recorded with who and when). */
export class PublishCovertExposureDto extends CovertExposureQueryDto {
  @TextField({ description: '发布事由 (why it is published), e.g. 7月暗访情况通报.', max: TEXT_LIMITS.longText })
  reason!: string;
}
