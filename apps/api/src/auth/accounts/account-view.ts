import type { Actor, Role } from '@duban/domain';
import type { AccountRow } from '@duban/persistence';

/** An account as the API shows it: never its password hash. */
export interface AccountView {
  id: string;
  loginName: string;
  displayName: string;
  personId: string;
  role: Role;
  unitId?: string;
  regionId?: string;
  industryId?: string;
  disabled: boolean;
  version: number;
  createdAt: string;
  createdBy: { id: string; name: string };
  changedAt: string;
  changedBy: { id: string; name: string };
  changeReason: string;
}

export function accountView(row: AccountRow): AccountView {
  return {
    id: row.id,
    loginName: row.loginName,
    displayName: row.displayName,
    personId: row.personId,
    role: row.role,
    ...(row.unitId !== null ? { unitId: row.unitId } : {}),
    ...(row.regionId !== null ? { regionId: row.regionId } : {}),
    ...(row.industryId !== null ? { industryId: row.industryId } : {}),
    disabled: row.disabled,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    createdBy: { id: row.createdById, name: row.createdByName },
    changedAt: new Date(row.changedAt).toISOString(),
    changedBy: { id: row.changedById, name: row.changedByName },
    changeReason: row.changeReason,
  };
}

/** Who a token of this account's session speaks for: the account (sub), its person, role and scope. */
export function actorOfAccount(row: AccountRow, sessionId: string): Actor {
  return {
    id: row.id,
    name: row.displayName,
    role: row.role,
    ...(row.unitId !== null ? { unitId: row.unitId } : {}),
    personId: row.personId,
    ...(row.regionId !== null ? { regionId: row.regionId } : {}),
    ...(row.industryId !== null ? { industryId: row.industryId } : {}),
    sessionId,
  };
}
