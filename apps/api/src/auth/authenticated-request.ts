import type { Request } from 'express';
import type { Actor } from '@duban/domain';

/** A request the bearer guard let through: `actor` is who the token speaks for. */
export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}
