import {
  CREDIT_CODE_PATTERN,
  ENTERPRISE_KINDS,
  UNIT_KINDS,
  UNIT_STATUS_LABELS,
  UNIT_STATUSES,
  type EnterpriseKind,
  type UnitKind,
  type UnitStatus,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { BooleanField, EnumField, TextField } from '../../http/field-decorators';
import { ExpectedVersionField, ReasonField, RegistryIdField } from './registry-fields';

const ENTERPRISE_ONLY = 'Enterprises only (else `registry.unit.enterprise_only`).';

class UnitFields {
  @TextField({ description: '单位名称 (name).', max: 200, example: '甲化工有限公司' })
  name!: string;

  @EnumField(UNIT_KINDS, { description: '单位类型 (kind): government 地方政府 | department 部门 | enterprise 企业.' })
  kind!: UnitKind;

  @RegistryIdField('所在属地 (region) id.')
  regionId!: string;

  @RegistryIdField(`行业 (industry) id: required for an enterprise. ${ENTERPRISE_ONLY}`, true)
  industryId?: string;

  @EnumField(ENTERPRISE_KINDS, {
    description: `企业类别 (enterprise kind): ordinary 一般企业 | crowded_place 人员密集场所 | construction_project 在建工程. Required for an enterprise. ${ENTERPRISE_ONLY}`,
    optional: true,
  })
  enterpriseKind?: EnterpriseKind;

  @EnumField(UNIT_STATUSES, {
    description: `状态 (status): ${describeEnum(UNIT_STATUS_LABELS)}. Required for an enterprise. ${ENTERPRISE_ONLY}`,
    optional: true,
  })
  status?: UnitStatus;

  @BooleanField({ description: `有证 (licensed). Required for an enterprise; false when unlicensed (无证). ${ENTERPRISE_ONLY}`, optional: true })
  licensed?: boolean;

  @TextField({ description: '统一社会信用代码 (credit code), 18 characters.', max: 18, pattern: CREDIT_CODE_PATTERN, optional: true })
  creditCode?: string;
}

export class CreateUnitDto extends UnitFields {
  @RegistryIdField('单位编号 (unit id), e.g. the 统一社会信用代码.')
  id!: string;

  @ReasonField()
  reason!: string;
}

export class UpdateUnitDto extends UnitFields {
  @ExpectedVersionField()
  expectedVersion!: number;

  @ReasonField()
  reason!: string;
}
