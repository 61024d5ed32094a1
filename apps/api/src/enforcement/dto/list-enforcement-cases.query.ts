import {
  ENFORCEMENT_MEASURE_LABELS,
  ENFORCEMENT_MEASURES,
  SUSPENSION_STATUS_LABELS,
  SUSPENSION_STATUSES,
  CASE_ORIGIN_LABELS,
  CASE_ORIGINS,
} from '@duban/domain';
import type { CaseOrigin, EnforcementMeasure, SuspensionStatus } from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { BooleanQueryField, DateTimeField, EnumField, IdField } from '../../http/field-decorators';
import { PageQuery } from '../../http/paging.query';

export const CASE_STATUSES = ['open', 'closed'] as const;

/** Filters of the enforcement ledger (执法台账). A unit token sees only its own unit's cases. */
export class ListEnforcementCasesQuery extends PageQuery {
  @IdField({ description: "被执法单位 (unit) id. Forced to the caller's own unit for a unit token.", optional: true })
  unitId?: string;

  @IdField({ description: '立案地区 (the case’s region, the registry’s of its unit) id, exact match.', optional: true })
  regionId?: string;

  @IdField({ description: '行业 (the registry’s industry id of the unit), exact match.', optional: true })
  industryId?: string;

  @EnumField(CASE_STATUSES, { description: '案件状态 (status): open 办理中 | closed 已结案.', optional: true })
  status?: (typeof CASE_STATUSES)[number];

  @EnumField(CASE_ORIGINS, { description: `案件来源 (origin): ${describeEnum(CASE_ORIGIN_LABELS)}.`, optional: true })
  origin?: CaseOrigin;

  @EnumField(ENFORCEMENT_MEASURES, {
    description: `已作出的措施 (measure decided, 四个一律): ${describeEnum(ENFORCEMENT_MEASURE_LABELS)}.`,
    optional: true,
  })
  measure?: EnforcementMeasure;

  @EnumField(SUSPENSION_STATUSES, { description: `停产整顿进展 (suspension status): ${describeEnum(SUSPENSION_STATUS_LABELS)}.`, optional: true })
  suspensionStatus?: SuspensionStatus;

  @BooleanQueryField({ description: '停产中 (suspended now and supervised): true | false.' })
  suspended?: boolean;

  @BooleanQueryField({ description: '涉嫌犯罪 (flagged criminal): true | false.' })
  criminal?: boolean;

  @BooleanQueryField({ description: '移送司法 (referred to the judiciary): true | false.' })
  referred?: boolean;

  @BooleanQueryField({ description: '关闭取缔 (closure imposed): true | false.' })
  closureImposed?: boolean;

  @DateTimeField({ description: '立案于此时或之后 (opened at or after), ISO 8601.', optional: true })
  openedFrom?: string;

  @DateTimeField({ description: '立案于此时之前 (opened before, exclusive), ISO 8601.', optional: true })
  openedBefore?: string;
}
