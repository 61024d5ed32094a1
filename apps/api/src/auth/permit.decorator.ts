import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ROLE_LABELS, rolesAllowed, type PermissionTable } from '@duban/domain';
import { ApiExtension } from '@nestjs/swagger';
import { ApiProblem } from '../http/api-responses.decorator';

export const PERMISSION_KEY = 'duban:permission';
/** The OpenAPI extension naming the roles a route admits, in the order of ROLES (the contract run reads it). */
export const ROLES_EXTENSION = 'x-duban-roles';

/** What `@Permit` records on a route: the aggregate's permission table and the action the route performs. */
export interface RoutePermission {
  table: PermissionTable<string>;
  action: string;
}

/** The 403 of a route, for its OpenAPI description: who may, and whether a unit only for itself. */
export function forbiddenDescription<A extends string>(table: PermissionTable<A>, action: A): string {
  const roles = rolesAllowed(table, action);
  const ownOnly = roles.includes('unit') && table.rules[action].ownUnitOnly;
  return `Only ${roles.map((r) => ROLE_LABELS[r]).join(', ')} may (无权操作)${ownOnly ? '; a unit only for itself' : ''}.`;
}

/**
 * The action a route performs, as its aggregate's permission table names it. `PermissionGuard`
 * lets only the roles the table lists through (403 in the table's words); the object check
 * (the unit's own) follows in the service. The layers: libs/domain/src/permissions.ts.
 */
export const Permit = <A extends string>(table: PermissionTable<A>, action: A) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, { table, action } satisfies RoutePermission),
    ApiExtension(ROLES_EXTENSION, rolesAllowed(table, action)),
    ApiProblem(403, `${forbiddenDescription(table, action)} (\`permission.role_not_allowed\`, \`permission.own_unit_only\`)`),
  );
