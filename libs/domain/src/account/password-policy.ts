import { invalid } from '../rejection';
import { codePointLength } from '../text-input';
import { loginKey } from './login-name';

/**
 * The password policy (口令策略): at least 12 characters (length is what resists guessing; no
 * composition rules, after NIST SP 800-63B), at most 128 (hashing cost stays bounded), at least
 * 5 different characters, and not containing the login name.
 */
export const PASSWORD_POLICY = { minLength: 12, maxLength: 128, minDistinct: 5 } as const;

/** Refuses a password the policy does not allow, naming `field`. */
export function validatePassword(password: unknown, loginName: string, field = 'password'): string {
  if (typeof password !== 'string' || codePointLength(password) < PASSWORD_POLICY.minLength) {
    throw invalid('account.password.too_short', field, `${field} must be at least ${PASSWORD_POLICY.minLength} characters`);
  }
  if (codePointLength(password) > PASSWORD_POLICY.maxLength) {
    throw invalid('account.password.too_long', field, `${field} must be at most ${PASSWORD_POLICY.maxLength} characters`);
  }
  if (new Set(password).size < PASSWORD_POLICY.minDistinct) {
    throw invalid('account.password.too_simple', field, `${field} must use at least ${PASSWORD_POLICY.minDistinct} different characters`);
  }
  if (password.toLowerCase().includes(loginKey(loginName))) {
    throw invalid('account.password.contains_login_name', field, `${field} must not contain the login name`);
  }
  return password;
}
