import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Response } from 'express';
import type { Actor } from '@duban/domain';
import type { AuthenticatedRequest } from '../auth/authenticated-request';

/** Who a log line speaks for: the acting user as the bearer token names them (never the token itself). */
export interface LoggedUser {
  id: string;
  role: Actor['role'];
  unitId?: string;
}

const current = new AsyncLocalStorage<AuthenticatedRequest>();

/**
 * Middleware: runs the rest of the request with the request at hand, so that a log line written
 * anywhere in it can name the acting user once the bearer guard has set it.
 */
export function withRequestLogContext(req: AuthenticatedRequest, _res: Response, next: NextFunction): void {
  current.run(req, next);
}

/** The acting user of the request being handled, once authenticated; undefined outside a request or before. */
export function actingUser(): LoggedUser | undefined {
  const actor = current.getStore()?.actor;
  if (!actor) return undefined;
  return { id: actor.id, role: actor.role, ...(actor.unitId !== undefined ? { unitId: actor.unitId } : {}) };
}
