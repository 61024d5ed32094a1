import {
  HAZARD_GRADES,
  HAZARD_LEDGER_SORT_LABELS,
  HAZARD_LEDGER_SORTS,
  HAZARD_STATUSES,
  LISTING_LEVELS,
  TEXT_LIMITS,
  type HazardGrade,
  type HazardLedgerSort,
  type HazardStatus,
  type ListingLevel,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { BooleanQueryField, EnumField, IdField, TextField } from '../../http/field-decorators';
import { PageQuery } from '../../http/paging.query';

/** Filters of the hazard ledger (隐患台账). A unit token sees only its own unit. */
export class ListHazardsQuery extends PageQuery {
  @IdField({ description: "责任单位 (responsible unit) id. Forced to the caller's own unit for a unit token.", optional: true })
  unitId?: string;

  @TextField({ description: '行业 (industry), exact match.', max: TEXT_LIMITS.shortText, optional: true })
  industry?: string;

  @EnumField(HAZARD_GRADES, { description: '隐患等级 (grade): general 一般隐患 | major 重大隐患.', optional: true })
  grade?: HazardGrade;

  @EnumField(HAZARD_STATUSES, {
    description: '状态 (status): awaiting_plan 待制定整改方案 | rectifying 整改中 | awaiting_verification 待验收 | signed_off 已销号.',
    optional: true,
  })
  status?: HazardStatus;

  @BooleanQueryField({ description: '逾期 (overdue): true | false.' })
  overdue?: boolean;

  @BooleanQueryField({ description: '挂牌督办 (listed for supervision): true | false.' })
  listed?: boolean;

  @EnumField(LISTING_LEVELS, {
    description: '挂牌级别 (listing level): county 县级 | city 市级 | province 省级 — the hazards that level listed (closed listings included).',
    optional: true,
  })
  listingLevel?: ListingLevel;

  @IdField({ description: '专项行动 (campaign) id.', optional: true })
  campaignId?: string;

  @EnumField(HAZARD_LEDGER_SORTS, {
    description: `排序 (sort; \`-\` reverses, ties in hazard id order): ${describeEnum(HAZARD_LEDGER_SORT_LABELS)}. Default deadline.`,
    optional: true,
  })
  sort?: HazardLedgerSort;
}
