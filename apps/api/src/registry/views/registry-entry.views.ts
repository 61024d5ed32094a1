import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGISTRY_KINDS, ROLE_LABELS, type RegistryChangeKind, type RegistryKind, type Role } from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { IndustryRecordView, PersonRecordView, RegionRecordView, ResponsibilityRecordView, UnitRecordView } from './registry-record.views';

export class RegistryChangedByView {
  @ApiProperty({ description: '变更人 (person id).' }) id!: string;
  @ApiProperty({ description: '姓名 (name).' }) name!: string;
  @ApiProperty({ description: `角色 (role): ${describeEnum(ROLE_LABELS)}.`, enum: Object.keys(ROLE_LABELS) }) role!: Role | 'system';
  @ApiProperty({ description: '所属单位 (unit) id, or null.', type: String, nullable: true }) unitId!: string | null;
}

/** The fields of one version every kind shares; each kind's view adds its `record`. */
abstract class RegistryEntryFields {
  @ApiProperty({ description: '记录类型 (record kind).', enum: REGISTRY_KINDS }) kind!: RegistryKind;
  @ApiProperty({ description: '版本 (version), 1, 2, …: pass it back as `expectedVersion` to change the record.', type: 'integer', minimum: 1 })
  version!: number;
  @ApiProperty({ description: '已注销 (retired).' }) retired!: boolean;
  @ApiProperty({ description: '变更类型 (change): created 新建 | updated 修改 | retired 注销.', enum: ['created', 'updated', 'retired'] })
  change!: RegistryChangeKind;
  @ApiProperty({ description: '生效时间 (in force from).', format: 'date-time' }) validFrom!: string;
  @ApiProperty({ description: '失效时间 (in force until), or null while current.', type: String, format: 'date-time', nullable: true })
  validTo!: string | null;
  @ApiProperty({ description: '变更事由 (reason).' }) reason!: string;
  @ApiProperty({ description: '变更人 (who made the change).', type: () => RegistryChangedByView }) changedBy!: RegistryChangedByView;
}

abstract class TreeEntryFields extends RegistryEntryFields {
  @ApiPropertyOptional({ description: '路径 (path): ancestors’ ids, root first, itself last, joined by `/`.' }) path?: string;
}

export class RegionEntryView extends TreeEntryFields {
  @ApiProperty({ description: '属地 (region).', type: () => RegionRecordView }) record!: RegionRecordView;
}
export class IndustryEntryView extends TreeEntryFields {
  @ApiProperty({ description: '行业 (industry).', type: () => IndustryRecordView }) record!: IndustryRecordView;
}
export class UnitEntryView extends RegistryEntryFields {
  @ApiProperty({ description: '单位 (unit).', type: () => UnitRecordView }) record!: UnitRecordView;
}
export class PersonEntryView extends RegistryEntryFields {
  @ApiProperty({ description: '责任人 (person).', type: () => PersonRecordView }) record!: PersonRecordView;
}
export class ResponsibilityEntryView extends RegistryEntryFields {
  @ApiProperty({ description: '责任关系 (responsibility link).', type: () => ResponsibilityRecordView }) record!: ResponsibilityRecordView;
}

const TOTAL = { description: '符合条件的总数 (total matching the filter).', type: 'integer', minimum: 0 } as const;

export class RegionPageView {
  @ApiProperty({ type: () => [RegionEntryView] }) items!: RegionEntryView[];
  @ApiProperty(TOTAL) total!: number;
}
export class IndustryPageView {
  @ApiProperty({ type: () => [IndustryEntryView] }) items!: IndustryEntryView[];
  @ApiProperty(TOTAL) total!: number;
}
export class UnitPageView {
  @ApiProperty({ type: () => [UnitEntryView] }) items!: UnitEntryView[];
  @ApiProperty(TOTAL) total!: number;
}
export class PersonPageView {
  @ApiProperty({ type: () => [PersonEntryView] }) items!: PersonEntryView[];
  @ApiProperty(TOTAL) total!: number;
}
export class ResponsibilityPageView {
  @ApiProperty({ type: () => [ResponsibilityEntryView] }) items!: ResponsibilityEntryView[];
  @ApiProperty(TOTAL) total!: number;
}
