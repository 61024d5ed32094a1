import { hashSync } from '@node-rs/argon2';
import { AccountStore, AuthSessions, RegistryReader } from '@duban/persistence';
import { loginKey, type Role } from '@duban/domain';
import { resolveAuthConfig, type AuthConfig, type PasswordHashingCost } from '../../config/auth-config';
import { AUTH_CONFIG } from '../../config/api-config.tokens';
import { seededRegistry, type InMemoryRegistry } from '../../testing/in-memory-registry';
import { startTestApp, type TestApp } from '../../testing/start-test-app';
import { AccountsModule } from '../accounts.module';
import { InMemoryAccounts } from './in-memory-accounts';

/** argon2id at its cheapest: for tests only (production's cost is auth-config.ts's default). */
export const TEST_PASSWORD_HASHING: PasswordHashingCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export const ACCOUNTS_SECRET = 'accounts-http-spec-secret';
export const ACCOUNTS_NOW = new Date('2026-03-02T01:00:00.000Z');

/** An account row ready to seed, with the password hashed at the test cost. */
export function seededAccount(id: string, loginName: string, password: string, role: Role, scope: { unitId?: string; regionId?: string } = {}) {
  return {
    id,
    loginName,
    loginKey: loginKey(loginName),
    passwordHash: hashSync(password, TEST_PASSWORD_HASHING),
    displayName: `${loginName} 姓名`,
    personId: `person-${id}`,
    role,
    unitId: scope.unitId ?? null,
    regionId: scope.regionId ?? (role === 'office' || role === 'auditor' ? 'county-east' : null),
    industryId: null,
    disabled: false,
    version: 1,
    createdAt: ACCOUNTS_NOW,
    createdById: 'seed',
    createdByName: 'seed',
    changedAt: ACCOUNTS_NOW,
    changedById: 'seed',
    changedByName: 'seed',
    changeReason: 'seed',
  };
}

/** The accounts routes over in-memory tables (real guards, pipes and services) and registry (REGISTRY_SEED by default), listening on a free port. */
export async function startAccountsApp(
  store = new InMemoryAccounts(),
  auth: AuthConfig = {},
  extraImports: NonNullable<Parameters<typeof startTestApp>[0]['imports']> = [],
  registry?: InMemoryRegistry,
): Promise<{ api: TestApp; store: InMemoryAccounts }> {
  const registryReader = (registry ?? (await seededRegistry(ACCOUNTS_NOW))).reader;
  const problems: string[] = [];
  const config = resolveAuthConfig({ passwordHashing: TEST_PASSWORD_HASHING, sessionCheckCacheMs: 0, ...auth }, problems);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const api = await startTestApp({
    secret: ACCOUNTS_SECRET,
    now: ACCOUNTS_NOW,
    client: {},
    imports: [AccountsModule, ...extraImports],
    overrides: [
      [AccountStore, store.accounts],
      [RegistryReader, registryReader],
      [AuthSessions, store.sessions],
      [AUTH_CONFIG, config],
    ],
  });
  return { api, store };
}
