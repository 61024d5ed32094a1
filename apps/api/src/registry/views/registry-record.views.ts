import { ApiProperty } from '@nestjs/swagger';
import {
  ENTERPRISE_KINDS,
  PERSON_ROLES,
  REGION_LEVELS,
  RESPONSIBILITY_HOLDER_KINDS,
  RESPONSIBILITY_TARGET_KINDS,
  RESPONSIBILITY_TYPE_LABELS,
  RESPONSIBILITY_TYPES,
  UNIT_KINDS,
  UNIT_STATUS_LABELS,
  UNIT_STATUSES,
  type EnterpriseKind,
  type IndustryRecord,
  type PersonRecord,
  type PersonRole,
  type RegionLevel,
  type RegionRecord,
  type ResponsibilityHolderKind,
  type ResponsibilityRecord,
  type ResponsibilityTargetKind,
  type ResponsibilityType,
  type UnitKind,
  type UnitRecord,
  type UnitStatus,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';

const nullableId = (description: string) => ({ description, type: String, nullable: true });

export class RegionRecordView implements RegionRecord {
  @ApiProperty({ description: '属地编号 (region id).' }) id!: string;
  @ApiProperty({ description: '名称 (name).' }) name!: string;
  @ApiProperty({ description: '层级 (level).', enum: REGION_LEVELS }) level!: RegionLevel;
  @ApiProperty(nullableId('上级属地 (parent) id; null for a province.')) parentId!: string | null;
  @ApiProperty(nullableId('行政区划代码 (official code), or null.')) code!: string | null;
}

export class IndustryRecordView implements IndustryRecord {
  @ApiProperty({ description: '行业编号 (industry id).' }) id!: string;
  @ApiProperty({ description: '行业名称 (name).' }) name!: string;
  @ApiProperty(nullableId('上级行业 (parent) id, or null.')) parentId!: string | null;
}

export class UnitRecordView implements UnitRecord {
  @ApiProperty({ description: '单位编号 (unit id).' }) id!: string;
  @ApiProperty({ description: '单位名称 (name).' }) name!: string;
  @ApiProperty({ description: '单位类型 (kind).', enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ description: '所在属地 (region) id.' }) regionId!: string;
  @ApiProperty(nullableId('行业 (industry) id; null for a government or department.')) industryId!: string | null;
  @ApiProperty({ description: '企业类别 (enterprise kind), or null.', enum: ENTERPRISE_KINDS, nullable: true })
  enterpriseKind!: EnterpriseKind | null;
  @ApiProperty({ description: `状态 (status): ${describeEnum(UNIT_STATUS_LABELS)}; null for a non-enterprise.`, enum: UNIT_STATUSES, nullable: true })
  status!: UnitStatus | null;
  @ApiProperty({ description: '有证 (licensed), or null for a non-enterprise.', type: Boolean, nullable: true }) licensed!: boolean | null;
  @ApiProperty(nullableId('统一社会信用代码 (credit code), or null.')) creditCode!: string | null;
}

export class PersonRecordView implements PersonRecord {
  @ApiProperty({ description: '人员编号 (person id).' }) id!: string;
  @ApiProperty({ description: '姓名 (name).' }) name!: string;
  @ApiProperty({ description: '职务 (post).' }) post!: string;
  @ApiProperty({ description: '所在单位 (unit) id.' }) unitId!: string;
  @ApiProperty(nullableId('联系电话 (phone), or null.')) phone!: string | null;
  @ApiProperty({ description: '责任 (roles held).', type: 'array', items: { type: 'string', enum: [...PERSON_ROLES] } }) roles!: PersonRole[];
}

export class ResponsibilityRecordView implements ResponsibilityRecord {
  @ApiProperty({ description: '责任关系编号 (link id).' }) id!: string;
  @ApiProperty({ description: `责任类型 (type): ${describeEnum(RESPONSIBILITY_TYPE_LABELS)}.`, enum: RESPONSIBILITY_TYPES })
  type!: ResponsibilityType;
  @ApiProperty({ description: '责任主体类型 (holder kind).', enum: RESPONSIBILITY_HOLDER_KINDS }) holderKind!: ResponsibilityHolderKind;
  @ApiProperty({ description: '责任主体编号 (holder id).' }) holderId!: string;
  @ApiProperty({ description: '责任对象类型 (target kind).', enum: RESPONSIBILITY_TARGET_KINDS }) targetKind!: ResponsibilityTargetKind;
  @ApiProperty({ description: '责任对象编号 (target id).' }) targetId!: string;
}
