import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { loginKey, SYSTEM_ACTOR, validateLoginName, validatePassword } from '@duban/domain';
import { AccountStore } from '@duban/persistence';
import type { ResolvedAuthConfig } from '../../config/auth-config';
import { AUTH_CONFIG, CLOCK } from '../../config/api-config.tokens';
import { PasswordHasher } from '../login/password-hasher';

/** The id of the office account DUBAN_BOOTSTRAP_OFFICE_* creates (and its person id, until the registry names one). */
export const BOOTSTRAP_OFFICE_ID = 'bootstrap-office';

/**
 * The first office account (首个安委办账号): when DUBAN_BOOTSTRAP_OFFICE_LOGIN, _PASSWORD and
 * _REGION are set and no office account exists, one is created on start, recorded as made by
 * the system. Safe when several API processes start at once: the id is fixed, so one creates
 * it and the others find it. Later starts change nothing, even with other values.
 */
@Injectable()
export class BootstrapOffice implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapOffice.name);

  constructor(
    private readonly accounts: AccountStore,
    private readonly hasher: PasswordHasher,
    @Inject(AUTH_CONFIG) private readonly config: ResolvedAuthConfig,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const office = this.config.bootstrapOffice;
    if (!office || (await this.accounts.anyOfRole('office'))) return;
    const loginName = validateLoginName(office.loginName, 'DUBAN_BOOTSTRAP_OFFICE_LOGIN');
    validatePassword(office.password, loginName, 'DUBAN_BOOTSTRAP_OFFICE_PASSWORD');
    const outcome = await this.accounts.create({
      id: BOOTSTRAP_OFFICE_ID,
      loginName,
      loginKey: loginKey(loginName),
      passwordHash: await this.hasher.hash(office.password),
      displayName: office.displayName,
      personId: BOOTSTRAP_OFFICE_ID,
      role: 'office',
      unitId: null,
      regionId: office.regionId,
      industryId: null,
      disabled: false,
      createdAt: this.now(),
      createdById: SYSTEM_ACTOR.id,
      createdByName: SYSTEM_ACTOR.name,
      changeReason: 'first office account, from DUBAN_BOOTSTRAP_OFFICE_* (首个安委办账号)',
    });
    if (outcome.outcome === 'created') this.logger.log(`created the first office account ${loginName} (${BOOTSTRAP_OFFICE_ID})`);
  }
}
