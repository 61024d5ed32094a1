import { LOGIN_NAME_MAX_LENGTH, LOGIN_NAME_PATTERN, PASSWORD_POLICY } from '@duban/domain';
import { TextField } from '../../../http/field-decorators';

/** 登录: a login name and its password. */
export class LoginDto {
  @TextField({
    description: '登录名 (login name), compared regardless of case.',
    max: LOGIN_NAME_MAX_LENGTH,
    pattern: LOGIN_NAME_PATTERN,
    example: 'wang.li',
  })
  loginName!: string;

  @TextField({ description: '密码 (password).', max: PASSWORD_POLICY.maxLength, allowBlank: true, example: 'correct horse battery' })
  password!: string;
}

/** 续期: the refresh token the last login or refresh answered (used once). */
export class RefreshDto {
  @TextField({ description: '刷新令牌 (refresh token), as answered by the last login or refresh; each is used once.', max: 200 })
  refreshToken!: string;
}

/** 修改密码: one's own password. */
export class ChangePasswordDto {
  @TextField({ description: '当前密码 (current password).', max: PASSWORD_POLICY.maxLength, allowBlank: true })
  currentPassword!: string;

  @TextField({
    description: `新密码 (new password): at least ${PASSWORD_POLICY.minLength} characters of at least ${PASSWORD_POLICY.minDistinct} different ones, not containing the login name.`,
    max: PASSWORD_POLICY.maxLength,
    allowBlank: true,
  })
  newPassword!: string;
}
