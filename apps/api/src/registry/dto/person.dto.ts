import { PERSON_ROLE_LABELS, PERSON_ROLES, PHONE_PATTERN, type PersonRole } from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { TextField } from '../../http/field-decorators';
import { EnumListField, ExpectedVersionField, ReasonField, RegistryIdField } from './registry-fields';

class PersonFields {
  @TextField({ description: '姓名 (name).', max: 200, example: '张三' })
  name!: string;

  @TextField({ description: '职务 (post).', max: 200, example: '总经理' })
  post!: string;

  @RegistryIdField('所在单位 (unit) id.')
  unitId!: string;

  @TextField({ description: '联系电话 (phone).', max: 32, pattern: PHONE_PATTERN, optional: true, example: '0571-88880000' })
  phone?: string;

  @EnumListField(PERSON_ROLES, {
    description: `在本单位的责任 (roles held), any of: ${describeEnum(PERSON_ROLE_LABELS)}.`,
    maxItems: PERSON_ROLES.length,
  })
  roles!: PersonRole[];
}

export class CreatePersonDto extends PersonFields {
  @RegistryIdField('人员编号 (person id).')
  id!: string;

  @ReasonField()
  reason!: string;
}

export class UpdatePersonDto extends PersonFields {
  @ExpectedVersionField()
  expectedVersion!: number;

  @ReasonField()
  reason!: string;
}
