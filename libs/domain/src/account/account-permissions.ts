import type { PermissionTable } from '../permissions';

export type AccountAction = 'manage' | 'read_own' | 'change_own_password' | 'log_out';

const EVERY_ROLE = ['office', 'inspector', 'unit', 'auditor'] as const;

/** Who may do what to accounts (账号): the office creates, reads and disables them; everyone manages their own session and password. */
export const ACCOUNT_PERMISSIONS: PermissionTable<AccountAction> = {
  ownObjects: 'account',
  otherObject: 'this account belongs to unit',
  rules: {
    manage: {
      roles: ['office'],
      ownUnitOnly: false,
      why: 'accounts are created, changed and disabled by the safety committee office (安委办)',
    },
    read_own: { roles: EVERY_ROLE, ownUnitOnly: false, why: 'everyone may see who they are logged in as' },
    change_own_password: { roles: EVERY_ROLE, ownUnitOnly: false, why: 'everyone may change their own password' },
    log_out: { roles: EVERY_ROLE, ownUnitOnly: false, why: 'everyone may end their own session' },
  },
};
