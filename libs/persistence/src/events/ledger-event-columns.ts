import { Column } from 'typeorm';
import type { Actor } from '@duban/domain';

/**
 * The columns every aggregate's event log has (hazard_event, campaign_event, and the next
 * ones): what happened, when, who did it, why. Each event entity extends this and adds its
 * surrogate `id`, its aggregate's key columns and its own indexes.
 */
export abstract class LedgerEventColumns {
  /** The aggregate's own event number: (aggregate key, seq) is unique, which makes re-recording a no-op. */
  @Column({ name: 'seq', type: 'integer' })
  seq!: number;

  @Column({ name: 'type', type: 'varchar' })
  type!: string;

  /** When it happened (the workflow's clock), not when it was written. */
  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'varchar' })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ name: 'actor_role', type: 'varchar' })
  actorRole!: string;

  @Column({ name: 'actor_unit_id', type: 'varchar', nullable: true })
  actorUnitId!: string | null;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  /** The event's type-specific payload, as the domain defines it. */
  @Column({ name: 'data', type: 'jsonb' })
  data!: unknown;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}

/** An event as the domain records it, whichever aggregate it belongs to. */
export interface RecordedLedgerEvent {
  seq: number;
  type: string;
  at: string;
  actor: Actor;
  reason: string;
  data: unknown;
}

/** The shared columns' values for one event (who, when, why, what); each log adds its own keys. */
export function ledgerEventValues(event: RecordedLedgerEvent) {
  return {
    seq: event.seq,
    type: event.type,
    at: event.at,
    actorId: event.actor?.id,
    actorName: event.actor?.name,
    actorRole: event.actor?.role,
    actorUnitId: event.actor?.unitId ?? null,
    reason: event.reason,
    data: event.data,
  };
}
