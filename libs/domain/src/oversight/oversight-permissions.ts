import type { PermissionTable } from '../permissions';

export type OversightAction = 'read';

/**
 * Who may read the oversights behind a major hazard or accident (疏漏追责): the office and the
 * auditors (纪委监委、审计), within their territory. It names the people who signed; the units
 * and the inspectors named are its subjects, not its readers.
 */
export const OVERSIGHT_PERMISSIONS: PermissionTable<OversightAction> = {
  ownObjects: 'oversight lists',
  otherObject: 'this list is about unit',
  rules: {
    read: { roles: ['office', 'auditor'], ownUnitOnly: false, why: 'the oversights behind a finding (疏漏追责) are for the office and the auditors' },
  },
};
