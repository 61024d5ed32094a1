import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { HAZARD_PERMISSIONS, ROLE_LABELS, rolesAllowed, type HazardAction, type Role } from '@duban/domain';

export const ROLES_KEY = 'duban:roles';
export const ROLES_ACTION_KEY = 'duban:roles-action';

/** Only these roles may call the route; others get 403 naming who may. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiForbiddenResponse({ description: `Only ${roles.map((r) => ROLE_LABELS[r]).join(', ')} may call this (无权操作).` }),
  );

/** The roles the domain lets perform `action` (on their own unit's hazards, where that applies). */
export function rolesAllowedTo(action: HazardAction): Role[] {
  return rolesAllowed(HAZARD_PERMISSIONS, action);
}

/**
 * `@Roles(...)` derived from the domain's permission rules for `action`, so the API and the
 * workflow never disagree; a refusal reuses the domain's reason.
 */
export const RolesFor = (action: HazardAction) => applyDecorators(Roles(...rolesAllowedTo(action)), SetMetadata(ROLES_ACTION_KEY, action));
