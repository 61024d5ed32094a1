import { MATRIX_ACCOUNTS, MATRIX_LOGIN, MATRIX_TARGET_ACCOUNT } from '../../auth/testing/matrix-accounts';
import { PERSON, reason, UNIT, type Recipe } from './recipe-parts';

/** The accounts and login routes (账号与登录). */
export const ACCOUNT_RECIPES: Record<string, Recipe> = {
  'POST /auth/login': () => ({ path: '/auth/login', body: MATRIX_LOGIN }),
  'POST /auth/refresh': (ctx) => ({ path: '/auth/refresh', body: { refreshToken: MATRIX_ACCOUNTS.refreshTokenFor(ctx.fresh()) } }),
  // The callers' demo tokens: no session to end, no account whose password to change (409).
  'POST /auth/logout': () => ({ path: '/auth/logout' }),
  'GET /auth/me': () => ({ path: '/auth/me' }),
  'POST /auth/password': () => ({ path: '/auth/password', body: { currentPassword: MATRIX_LOGIN.password, newPassword: 'another passphrase 2026' } }),
  'POST /accounts': (ctx, target) => {
    const n = ctx.fresh();
    return {
      path: '/accounts',
      body: {
        id: `matrix-acc-${n}`,
        loginName: `matrix.user${n}`,
        password: 'a passphrase for the matrix',
        displayName: '甲公司 安全员',
        personId: PERSON[target],
        role: 'unit',
        unitId: UNIT[target],
        ...reason,
      },
      // An account is placed at its unit: an office opens accounts within its territory only.
      checks: [{ unit: UNIT[target] }],
    };
  },
  'GET /accounts/:id': () => ({ path: `/accounts/${MATRIX_TARGET_ACCOUNT}`, checks: [{ unit: 'unit-a' }] }),
  'PATCH /accounts/:id': (_ctx, target) => ({
    path: `/accounts/${MATRIX_TARGET_ACCOUNT}`,
    body: { expectedVersion: 1, role: 'unit', personId: PERSON[target], unitId: UNIT[target], ...reason },
    checks: [{ unit: 'unit-a' }, { unit: UNIT[target] }],
  }),
};
