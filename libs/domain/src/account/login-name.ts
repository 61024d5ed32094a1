import { invalid } from '../rejection';

/** A login name (登录名): 3–64 letters, digits or `. _ @ -`, starting with a letter or digit; unique regardless of case. */
export const LOGIN_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$';
export const LOGIN_NAME_MAX_LENGTH = 64;
const PATTERN = new RegExp(LOGIN_NAME_PATTERN);

/** The form two login names are compared in: `Wang.Li` and `wang.li` are the same account. */
export function loginKey(loginName: string): string {
  return loginName.toLowerCase();
}

/** Refuses a malformed login name, naming `field`; answers it unchanged (as entered, for display). */
export function validateLoginName(loginName: unknown, field = 'loginName'): string {
  if (typeof loginName !== 'string' || !PATTERN.test(loginName)) {
    throw invalid('account.login_name.malformed', field, `${field} must be 3–64 letters, digits or . _ @ - (starting with a letter or digit)`);
  }
  return loginName;
}
