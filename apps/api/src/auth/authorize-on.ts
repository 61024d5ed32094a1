import { NotFoundException } from '@nestjs/common';
import { authorize, type Actor, type PermissionTable } from '@duban/domain';

/** How to find one object and tell whose it is. */
export interface ObjectLookup<T> {
  find(): Promise<T | undefined>;
  /** The unit the object belongs to. */
  unitOf(found: T): string;
  /** The 404's message when `find` comes back empty (may itself throw a more telling 404 first). */
  missing(): string | Promise<string>;
}

/**
 * The object-level check every action and read on one object goes through (layers 2 and 3 in
 * libs/domain/src/permissions.ts): it must exist (404, before any 403), then the actor must be
 * allowed `action` on the object's unit (403 in the table's words). Answers the object found.
 */
export async function authorizeOn<A extends string, T>(table: PermissionTable<A>, action: A, actor: Actor, lookup: ObjectLookup<T>): Promise<T> {
  const found = await lookup.find();
  if (found === undefined) throw new NotFoundException(await lookup.missing());
  authorize(table, action, actor, lookup.unitOf(found));
  return found;
}
