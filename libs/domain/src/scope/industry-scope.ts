import type { Actor } from '../actor';
import { forbidden } from '../rejection';
import type { Place } from './place';

/**
 * 行业监管: a department's account (a unit account that names an industry) sees, beyond its own
 * unit, the units of its industry and the industries below it; nothing else.
 */
export function coversIndustry(actor: Actor, place: Place): boolean {
  return actor.industryId !== undefined && place.industryPath !== null && place.industryPath.includes(actor.industryId);
}

/** Refuses (403 `permission.outside_industry`) a place outside the department's industry. */
export function authorizeIndustry(actor: Actor, place: Place): void {
  if (coversIndustry(actor, place)) return;
  const where =
    place.industryPath === null
      ? `unit ${place.unitId} has no industry in the registry`
      : `unit ${place.unitId} is in industry ${place.industryPath.join('/')}`;
  throw forbidden(
    'permission.outside_industry',
    `department ${actor.unitId ?? '(none)'} of industry ${actor.industryId ?? '(none)'} sees only its own industry (行业监管); ${where}`,
  );
}
