import { NotFoundException } from '@nestjs/common';
import { authorize, type Actor, type PermissionTable } from '@duban/domain';
import type { Places } from './places';

/** How to find one object and tell whose it is. */
export interface ObjectLookup<T> {
  find(): Promise<T | undefined>;
  /** The unit the object belongs to; undefined for an object of no unit (a region, an industry): only the role is checked. */
  unitOf(found: T): string | undefined;
  /** The 404's message when `find` comes back empty (may itself throw a more telling 404 first). */
  missing(): string | Promise<string>;
}

/**
 * The object-level check every action and read on one object goes through (layers 2 and 3 in
 * libs/domain/src/permissions.ts): it must exist (404, before any 403), then the actor must be
 * allowed `action` on the object's place — its unit, territory and industry (403 saying which
 * scope it lacks). Answers the object found.
 */
export async function authorizeOn<A extends string, T>(
  table: PermissionTable<A>,
  action: A,
  actor: Actor,
  lookup: ObjectLookup<T>,
  places: Places,
): Promise<T> {
  const found = await lookup.find();
  if (found === undefined) throw new NotFoundException(await lookup.missing());
  const unitId = lookup.unitOf(found);
  authorize(table, action, actor, unitId === undefined ? undefined : await places.of(actor, unitId));
  return found;
}
