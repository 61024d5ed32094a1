import { applyDecorators, ForbiddenException, Injectable, SetMetadata, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { authorizeCampaignAction, DomainRejection, ROLE_LABELS, ROLES, type CampaignAction, type Role } from '@duban/domain';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { ErrorResponseView } from '../http/error-response.view';

export const CAMPAIGN_ACTION_KEY = 'duban:campaign-action';

/** The roles the domain lets perform a campaign action (on their own unit, where that applies). */
export function rolesAllowedToCampaign(action: CampaignAction): Role[] {
  return ROLES.filter((role) => {
    try {
      authorizeCampaignAction(action, { id: '-', name: '-', role, unitId: '-' }, '-');
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Only the roles the domain's campaign rules allow may call the route (`CampaignActionGuard`);
 * a refusal is a 403 with the domain's reason. The object-level check (the unit's own
 * obligations) is the service's.
 */
export const ForCampaignAction = (action: CampaignAction) =>
  applyDecorators(
    SetMetadata(CAMPAIGN_ACTION_KEY, action),
    ApiForbiddenResponse({
      description: `Only ${rolesAllowedToCampaign(action).map((r) => ROLE_LABELS[r]).join(', ')} may (无权操作)${
        rolesAllowedToCampaign(action).includes('unit') ? '; a unit only for itself' : ''
      }.`,
      type: ErrorResponseView,
    }),
  );

/** Runs after the global bearer and roles guards: enforces `@ForCampaignAction(action)` by role. */
@Injectable()
export class CampaignActionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const action = this.reflector.getAllAndOverride<CampaignAction | undefined>(CAMPAIGN_ACTION_KEY, [context.getHandler(), context.getClass()]);
    if (!action) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <access token>');
    try {
      authorizeCampaignAction(action, actor);
    } catch (error) {
      if (error instanceof DomainRejection) throw new ForbiddenException(error.message);
      throw error;
    }
    return true;
  }
}
