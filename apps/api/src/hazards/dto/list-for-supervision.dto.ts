import { LISTING_LEVEL_LABELS, LISTING_LEVELS, TEXT_LIMITS, type ListHazardArgs, type ListingLevel, type ListingTracker } from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { EnumField, IdField, NestedField, TextField } from '../../http/field-decorators';

/** 跟踪督办责任人: who tracks the listed hazard to 销号, for which unit. */
export class ListingTrackerDto implements ListingTracker {
  @TextField({ description: '跟踪督办责任人 (tracker): name and post.', max: TEXT_LIMITS.shortText, example: '市应急管理局 孙科长' })
  name!: string;

  @IdField({ description: '责任人 (person id in the registry), when known.', optional: true })
  personId?: string;

  @IdField({ description: "督办责任单位 (the unit that tracks it); the listing office's own unit when absent.", optional: true })
  unitId?: string;
}

/** 挂牌督办 by an office: list the hazard, raise its level, or name another tracker. */
export class ListForSupervisionDto implements ListHazardArgs {
  @EnumField(LISTING_LEVELS, {
    description: `挂牌级别 (listing level): ${describeEnum(LISTING_LEVEL_LABELS)}. Raised, never lowered.`,
  })
  level!: ListingLevel;

  @NestedField(() => ListingTrackerDto, { description: '跟踪督办责任人 (who tracks it to 销号).' })
  tracker!: ListingTrackerDto;

  @TextField({
    description: '事由 (reason): the committee decision or document (挂牌督办通知).',
    max: TEXT_LIMITS.longText,
    example: '市安委会挂牌督办',
  })
  reason!: string;
}

/** 挂牌销号: the listing level closes the listing of a signed-off hazard. */
export class DelistHazardDto {
  @TextField({ description: '销号意见 (reason).', max: TEXT_LIMITS.longText, example: '经市安委会复核, 同意销号' })
  reason!: string;
}
