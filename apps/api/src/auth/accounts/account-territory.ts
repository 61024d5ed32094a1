import { Injectable } from '@nestjs/common';
import { ACCOUNT_PERMISSIONS, authorize, authorizeTerritory, type AccountAssignment, type Actor } from '@duban/domain';
import type { AccountRow } from '@duban/persistence';
import { isScoped, Places } from '../places';

/** What an account row acts as: its person, role and scope, absent ids left out. */
export const assignmentOf = (row: AccountRow): AccountAssignment => ({
  personId: row.personId,
  role: row.role,
  ...(row.unitId !== null ? { unitId: row.unitId } : {}),
  ...(row.regionId !== null ? { regionId: row.regionId } : {}),
  ...(row.industryId !== null ? { industryId: row.industryId } : {}),
});

/**
 * 属地管理 for accounts: an office that names a region opens, reads and changes only accounts
 * whose unit (or, without one, whose region) lies within its territory — else a county office
 * could open an account in the next county and act there through it. An account with neither
 * is the top office's to give. One's own account is always one's to read (its own changes are
 * refused by account.own_account).
 */
@Injectable()
export class AccountTerritory {
  constructor(private readonly places: Places) {}

  async authorize(actor: Actor, accountId: string, assignment: AccountAssignment): Promise<void> {
    if (!isScoped(actor) || actor.id === accountId) return;
    if (assignment.unitId !== undefined) {
      const place = await this.places.known(actor, assignment.unitId);
      if (place) return authorize(ACCOUNT_PERMISSIONS, 'manage', actor, place);
    }
    const regionPath = await this.places.ofRegion(actor, assignment.regionId ?? null);
    authorizeTerritory(actor, regionPath, `account ${accountId} acts in ${regionPath?.join('/') ?? 'no region of the registry'}`);
  }
}
