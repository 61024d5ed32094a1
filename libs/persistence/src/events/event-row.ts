import type { Actor } from '@duban/domain';
import type { LedgerEventColumns } from './ledger-event-columns';
import { iso } from '../sql/row-values';

/** The event columns a reader selects (everything but the write time). */
export const EVENT_FIELDS = ['seq', 'type', 'at', 'actorId', 'actorName', 'actorRole', 'actorUnitId', 'reason', 'data'] as const;

export type EventRecordFields = Pick<LedgerEventColumns, (typeof EVENT_FIELDS)[number]>;

/** An event row's common fields as the domain's events carry them. */
export function eventFields(r: EventRecordFields): { seq: number; type: string; at: string; actor: Actor; reason: string; data: unknown } {
  return {
    seq: r.seq,
    type: r.type,
    at: iso(r.at),
    // unitId only when there is one, as in the domain's Actor.
    actor: { id: r.actorId, name: r.actorName, role: r.actorRole as Actor['role'], ...(r.actorUnitId === null ? {} : { unitId: r.actorUnitId }) },
    reason: r.reason,
    data: r.data,
  };
}
