import {
  RESPONSIBILITY_HOLDER_KINDS,
  RESPONSIBILITY_TARGET_KINDS,
  RESPONSIBILITY_TYPE_LABELS,
  RESPONSIBILITY_TYPES,
  type ResponsibilityHolderKind,
  type ResponsibilityTargetKind,
  type ResponsibilityType,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { EnumField } from '../../http/field-decorators';
import { ExpectedVersionField, ReasonField, RegistryIdField } from './registry-fields';

class ResponsibilityFields {
  @EnumField(RESPONSIBILITY_TYPES, { description: `责任类型 (type): ${describeEnum(RESPONSIBILITY_TYPE_LABELS)}.` })
  type!: ResponsibilityType;

  @EnumField(RESPONSIBILITY_HOLDER_KINDS, { description: '责任主体 (holder): person 责任人 | unit 单位.' })
  holderKind!: ResponsibilityHolderKind;

  @RegistryIdField('责任主体编号 (holder id): the person or unit.')
  holderId!: string;

  @EnumField(RESPONSIBILITY_TARGET_KINDS, {
    description:
      '责任对象 (target): unit 单位 | region 属地 | industry 行业; a region or industry only for 属地 and 监管 (`registry.responsibility.target_not_allowed`).',
  })
  targetKind!: ResponsibilityTargetKind;

  @RegistryIdField('责任对象编号 (target id).')
  targetId!: string;
}

export class CreateResponsibilityDto extends ResponsibilityFields {
  @RegistryIdField('责任关系编号 (link id).')
  id!: string;

  @ReasonField()
  reason!: string;
}

export class UpdateResponsibilityDto extends ResponsibilityFields {
  @ExpectedVersionField()
  expectedVersion!: number;

  @ReasonField()
  reason!: string;
}
