import { LOGIN_NAME_MAX_LENGTH, LOGIN_NAME_PATTERN, PASSWORD_POLICY, ROLE_LABELS, ROLES, TEXT_LIMITS, type Role } from '@duban/domain';
import { describeEnum } from '../../../http/describe-enum';
import { BooleanField, EnumField, IdField, NumberField, TextField } from '../../../http/field-decorators';

const ROLE_TEXT = describeEnum(Object.fromEntries(ROLES.map((role) => [role, ROLE_LABELS[role]])));

/** 开通账号: a new account, by the office (安委办). */
export class CreateAccountDto {
  @IdField({
    description: '账号编号 (account id), chosen by the office; the token subject (`sub`). Repeating a creation unchanged is a no-op.',
    example: 'acc-wang-li',
  })
  id!: string;

  @TextField({
    description: '登录名 (login name): 3–64 letters, digits or . _ @ -; unique regardless of case.',
    max: LOGIN_NAME_MAX_LENGTH,
    pattern: LOGIN_NAME_PATTERN,
    example: 'wang.li',
  })
  loginName!: string;

  @TextField({
    description: `初始密码 (initial password): at least ${PASSWORD_POLICY.minLength} characters of at least ${PASSWORD_POLICY.minDistinct} different ones, not containing the login name.`,
    max: PASSWORD_POLICY.maxLength,
    allowBlank: true,
  })
  password!: string;

  @TextField({
    description: '姓名 (display name): the name every record made with this account shows.',
    max: TEXT_LIMITS.shortText,
    example: '安委办 王力',
  })
  displayName!: string;

  @IdField({ description: '责任人 (person id in the registry).', example: 'person-wang-li' })
  personId!: string;

  @EnumField(ROLES, { description: `角色 (role): ${ROLE_TEXT}.` })
  role!: Role;

  @IdField({ description: '所属单位 (unit id): required for role unit (a department 行业主管部门 is a unit too).', optional: true })
  unitId?: string;

  @IdField({ description: '所辖属地 (region id): required for office and auditor accounts.', optional: true })
  regionId?: string;

  @IdField({ description: '主管行业 (industry id): only for a department’s unit account.', optional: true })
  industryId?: string;

  @TextField({ description: '事由 (reason), recorded with the account.', max: TEXT_LIMITS.longText, example: '新任安全员' })
  reason!: string;
}

/**
 * 变更账号: disable or enable it, rename it, or restate its role and scope (role with unitId,
 * regionId, industryId as they are to be: an absent one is removed). Made against the version read.
 */
export class UpdateAccountDto {
  @NumberField({
    description: '所依据的版本 (the version this change was made against): 409 when the account has changed since.',
    integer: true,
    min: 1,
    // The column is a PostgreSQL integer.
    max: 2_147_483_647,
  })
  expectedVersion!: number;

  @TextField({ description: '事由 (reason), recorded with the change.', max: TEXT_LIMITS.longText, example: '调离岗位' })
  reason!: string;

  @BooleanField({ description: '停用 (true: disabled; its sessions end at once) | 启用 (false).', optional: true })
  disabled?: boolean;

  @TextField({ description: '姓名 (display name).', max: TEXT_LIMITS.shortText, optional: true })
  displayName?: string;

  @IdField({ description: '责任人 (person id), with role.', optional: true })
  personId?: string;

  @EnumField(ROLES, { description: `角色 (role): ${ROLE_TEXT}. Restates the whole scope: its sessions end at once.`, optional: true })
  role?: Role;

  @IdField({ description: '所属单位 (unit id), with role.', optional: true })
  unitId?: string;

  @IdField({ description: '所辖属地 (region id), with role.', optional: true })
  regionId?: string;

  @IdField({ description: '主管行业 (industry id), with role.', optional: true })
  industryId?: string;
}
