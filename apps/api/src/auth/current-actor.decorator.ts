import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import type { AuthenticatedRequest } from './authenticated-request';

/** The actor the bearer token speaks for (谁排查、谁签字、谁负责: every action names one). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <access token>');
  return actor;
});
