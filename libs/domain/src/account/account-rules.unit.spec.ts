import { describe, expect, it } from 'vitest';
import { authorize } from '../permissions';
import { DomainRejection } from '../rejection';
import { ACCOUNT_PERMISSIONS } from './account-permissions';
import { sameAssignment, validateAccountAssignment } from './account-assignment';
import { loginKey, validateLoginName } from './login-name';
import { validatePassword } from './password-policy';

/** The refusal `fn` throws, as { code, field }. */
function refusal(fn: () => unknown): { code: string; field?: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRejection) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('not refused');
}

describe('login names (登录名)', () => {
  it('accepts 3–64 letters, digits and . _ @ -, and compares them regardless of case', () => {
    for (const name of ['wang.li', 'Li_Si-2', 'office@county-east', 'a'.repeat(64), 'abc']) expect(validateLoginName(name)).toBe(name);
    expect(loginKey('Wang.Li')).toBe(loginKey('wang.li'));
  });

  it('refuses anything else, naming the field', () => {
    for (const bad of ['ab', '.wang', 'wang li', '王力', 'a'.repeat(65), '', 42, undefined]) {
      expect(refusal(() => validateLoginName(bad))).toEqual({ code: 'account.login_name.malformed', field: 'loginName' });
    }
    expect(refusal(() => validateLoginName('x', 'login'))).toEqual({ code: 'account.login_name.malformed', field: 'login' });
  });
});

describe('the password policy (口令策略)', () => {
  it('accepts a long enough password of enough different characters', () => {
    expect(validatePassword('correct horse battery', 'wang.li')).toBe('correct horse battery');
  });

  it('counts characters, not UTF-16 units: ten Chinese characters are ten', () => {
    expect(refusal(() => validatePassword('安全生产人人有责一二', 'wang.li'))).toEqual({ code: 'account.password.too_short', field: 'password' });
    expect(validatePassword('安全生产人人有责一二三四', 'wang.li')).toBe('安全生产人人有责一二三四');
  });

  it('refuses short, overlong, repetitive passwords and those containing the login name, naming the field', () => {
    expect(refusal(() => validatePassword('short', 'wang.li'))).toEqual({ code: 'account.password.too_short', field: 'password' });
    expect(refusal(() => validatePassword(undefined, 'wang.li', 'newPassword'))).toEqual({
      code: 'account.password.too_short',
      field: 'newPassword',
    });
    expect(refusal(() => validatePassword('x1'.repeat(65), 'wang.li'))).toEqual({ code: 'account.password.too_long', field: 'password' });
    expect(refusal(() => validatePassword('abababababab', 'wang.li'))).toEqual({ code: 'account.password.too_simple', field: 'password' });
    expect(refusal(() => validatePassword('my-WANG.LI-password', 'wang.li'))).toEqual({
      code: 'account.password.contains_login_name',
      field: 'password',
    });
  });
});

describe("an account's role and scope (账号归属)", () => {
  it('a unit account names its unit; a department’s may name its industry too', () => {
    expect(validateAccountAssignment({ personId: 'p-1', role: 'unit', unitId: 'unit-a' })).toEqual({
      personId: 'p-1',
      role: 'unit',
      unitId: 'unit-a',
    });
    expect(validateAccountAssignment({ personId: 'p-2', role: 'unit', unitId: 'dept-housing', industryId: 'construction', regionId: 'c-1' })).toEqual(
      {
        personId: 'p-2',
        role: 'unit',
        unitId: 'dept-housing',
        industryId: 'construction',
        regionId: 'c-1',
      },
    );
    expect(refusal(() => validateAccountAssignment({ personId: 'p-1', role: 'unit' }))).toEqual({ code: 'account.unit_required', field: 'unitId' });
  });

  it('office and auditor accounts carry the region they act in; an inspector may', () => {
    expect(validateAccountAssignment({ personId: 'p-3', role: 'office', regionId: '330106' })).toEqual({
      personId: 'p-3',
      role: 'office',
      regionId: '330106',
    });
    expect(validateAccountAssignment({ personId: 'p-4', role: 'inspector' })).toEqual({ personId: 'p-4', role: 'inspector' });
    expect(refusal(() => validateAccountAssignment({ personId: 'p-3', role: 'office' }))).toEqual({
      code: 'account.region_required',
      field: 'regionId',
    });
    expect(refusal(() => validateAccountAssignment({ personId: 'p-5', role: 'auditor' }))).toEqual({
      code: 'account.region_required',
      field: 'regionId',
    });
  });

  it('only a unit account carries an industry', () => {
    expect(refusal(() => validateAccountAssignment({ personId: 'p-3', role: 'office', regionId: 'r', industryId: 'construction' }))).toEqual({
      code: 'account.industry_unit_only',
      field: 'industryId',
    });
  });

  it('refuses malformed ids and roles that are no account’s (the system actor), naming the field', () => {
    expect(refusal(() => validateAccountAssignment({ personId: 'bad id', role: 'inspector' }))).toEqual({
      code: 'input.malformed_id',
      field: 'personId',
    });
    expect(refusal(() => validateAccountAssignment({ personId: 'p', role: 'unit', unitId: '-x' }))).toEqual({
      code: 'input.malformed_id',
      field: 'unitId',
    });
    expect(refusal(() => validateAccountAssignment({ personId: 'p', role: 'system' as never }))).toEqual({ code: 'input.not_one_of', field: 'role' });
  });

  it('tells an unchanged assignment from a changed one (a repeated write is a no-op)', () => {
    const a = { personId: 'p-1', role: 'unit' as const, unitId: 'unit-a' };
    expect(sameAssignment(a, { ...a })).toBe(true);
    expect(sameAssignment(a, { ...a, unitId: 'unit-b' })).toBe(false);
    expect(sameAssignment(a, { ...a, industryId: 'chemicals' })).toBe(false);
  });
});

describe('who may manage accounts (ACCOUNT_PERMISSIONS)', () => {
  const actors = {
    office: { id: 'o', name: 'o', role: 'office' },
    inspector: { id: 'i', name: 'i', role: 'inspector' },
    unit: { id: 'u', name: 'u', role: 'unit', unitId: 'unit-a' },
    auditor: { id: 'a', name: 'a', role: 'auditor' },
  } as const;

  it('only the office creates, changes and disables accounts', () => {
    expect(() => authorize(ACCOUNT_PERMISSIONS, 'manage', actors.office)).not.toThrow();
    for (const role of ['inspector', 'unit', 'auditor'] as const) {
      expect(refusal(() => authorize(ACCOUNT_PERMISSIONS, 'manage', actors[role]))).toEqual({
        code: 'permission.role_not_allowed',
        field: undefined,
      });
    }
  });

  it('everyone reads their own account, changes their own password and logs out', () => {
    for (const actor of Object.values(actors)) {
      for (const action of ['read_own', 'change_own_password', 'log_out'] as const)
        expect(() => authorize(ACCOUNT_PERMISSIONS, action, actor)).not.toThrow();
    }
  });
});
