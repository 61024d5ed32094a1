import type { Actor } from '@duban/domain';

/** A row as pg returns it (snake_case columns). */
export type Raw = Record<string, any>;

/** pg gives timestamptz as Date; be lenient in case a type parser was changed globally. */
export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** The fields every ledger event row has (the columns of the events' EVENT_COLUMNS). */
export function eventFields(r: Raw): { seq: number; type: string; at: string; actor: Actor; reason: string; data: unknown } {
  return {
    seq: r.seq,
    type: r.type,
    at: iso(r.at),
    // unitId only when there is one, as in the domain's Actor.
    actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role, ...(r.actor_unit_id === null ? {} : { unitId: r.actor_unit_id }) },
    reason: r.reason,
    data: r.data,
  };
}
