import {
  REGION_LEVEL_LABELS,
  REGION_LEVELS,
  UNIT_KINDS,
  UNIT_STATUS_LABELS,
  UNIT_STATUSES,
  type RegionLevel,
  type UnitKind,
  type UnitStatus,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { BooleanQueryField, DateTimeField, EnumField } from '../../http/field-decorators';
import { PageQuery } from '../../http/paging.query';
import { RegistryIdField } from './registry-fields';

const AS_OF = '截至 (as of), ISO 8601 date-time: the version in force then (default: now).';

/** `?asOf=` of one record's read. */
export class AsOfQuery {
  @DateTimeField({ description: AS_OF, optional: true, example: '2026-03-01T00:00:00.000Z' })
  asOf?: string;
}

/** What every registry list takes: paging, a moment, and whether retired (已注销) records are included. */
class RegistryListQuery extends PageQuery {
  @DateTimeField({ description: AS_OF, optional: true })
  asOf?: string;

  @BooleanQueryField({ description: '含已注销 (include retired records): true | false (default).' })
  includeRetired?: boolean;
}

export class ListRegionsQuery extends RegistryListQuery {
  @RegistryIdField('属地 (region) id: this region and everything below it.', true)
  regionId?: string;

  @EnumField(REGION_LEVELS, { description: `层级 (level): ${describeEnum(REGION_LEVEL_LABELS)}.`, optional: true })
  level?: RegionLevel;
}

export class ListIndustriesQuery extends RegistryListQuery {
  @RegistryIdField('行业 (industry) id: this industry and those below it.', true)
  industryId?: string;
}

export class ListUnitsQuery extends RegistryListQuery {
  @RegistryIdField('属地 (region) id: units in this region and everything below it.', true)
  regionId?: string;

  @RegistryIdField('行业 (industry) id: units of this industry (and those below it); a department through its 主管部门 links.', true)
  industryId?: string;

  @EnumField(UNIT_KINDS, { description: '单位类型 (kind): government | department | enterprise.', optional: true })
  kind?: UnitKind;

  @EnumField(UNIT_STATUSES, { description: `状态 (status): ${describeEnum(UNIT_STATUS_LABELS)}.`, optional: true })
  status?: UnitStatus;
}

export class ListPeopleQuery extends RegistryListQuery {
  @RegistryIdField("所在单位 (unit) id. Forced to the caller's own unit for a unit token.", true)
  unitId?: string;
}

export class ListResponsibilitiesQuery extends RegistryListQuery {
  @RegistryIdField('单位 (unit) id: links held by or for this unit.', true)
  unitId?: string;
}
