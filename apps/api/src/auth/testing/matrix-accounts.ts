import { randomUUID } from 'node:crypto';
import { resolveAuthConfig } from '../../config/auth-config';
import { refreshTokenHash } from '../login/refresh-token';
import { InMemoryAccounts } from './in-memory-accounts';
import { seededAccount, TEST_PASSWORD_HASHING } from './start-accounts-app';

/** The password of the authorization matrix's login account. */
export const MATRIX_LOGIN = { loginName: 'matrix.office', password: 'matrix login passphrase 2026' };
/** The account the matrix's PATCH /accounts/:id changes (the office's call, the last, succeeds): unit-a's, so placed in the registry's territory. */
export const MATRIX_TARGET_ACCOUNT = 'matrix-target';

const MINUTE = 60_000;

/**
 * The accounts the authorization matrix acts on (testing/matrix/matrix-world.ts mounts `store`,
 * testing/matrix/route-recipes.ts calls with them): an office account to log in with, one to
 * change, and a refresh token per call to POST /auth/refresh (each is used once), opened on demand.
 * `config` is the API's default auth configuration but for argon2's cost (the test one).
 */
export class MatrixAccounts {
  readonly store = new InMemoryAccounts();
  readonly config = resolveAuthConfig({ passwordHashing: TEST_PASSWORD_HASHING }, []);
  private readonly refreshTokens = new Map<number, string>();

  constructor() {
    const login = seededAccount('matrix-login', MATRIX_LOGIN.loginName, MATRIX_LOGIN.password, 'office');
    this.store.rows.set(login.id, login);
    this.store.rows.set(
      MATRIX_TARGET_ACCOUNT,
      seededAccount(MATRIX_TARGET_ACCOUNT, 'matrix.target', 'matrix target passphrase', 'unit', { unitId: 'unit-a' }),
    );
  }

  /** The refresh token of call `n` (the same for the same `n`): a current session of the login account. */
  refreshTokenFor(n: number): string {
    let token = this.refreshTokens.get(n);
    if (token === undefined) {
      token = `matrix-refresh-${n}-${randomUUID()}`;
      const id = randomUUID();
      // Sessions live a long while from the real clock and the matrix's pinned one alike.
      const createdAt = new Date('2026-01-01T00:00:00.000Z');
      const expiresAt = new Date(Date.now() + 525_600 * MINUTE);
      this.store.sessionRows.set(id, {
        id,
        accountId: 'matrix-login',
        familyId: id,
        refreshTokenHash: refreshTokenHash(token),
        createdAt,
        expiresAt,
        familyExpiresAt: expiresAt,
        rotatedAt: null,
        revokedAt: null,
        revokedReason: null,
        userAgent: null,
        ip: null,
      });
      this.refreshTokens.set(n, token);
    }
    return token;
  }
}

/** One per process: the matrix world and its recipes share it. */
export const MATRIX_ACCOUNTS = new MatrixAccounts();
