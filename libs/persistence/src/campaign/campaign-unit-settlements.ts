import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/** The PostgreSQL channel a unit's projection notifies when the unit settles (removed, closed). */
const UNIT_SETTLED_CHANNEL = 'duban_campaign_unit_settled';

/** Inside the unit row's transaction: PostgreSQL delivers the notice when, and only if, it commits. */
export async function notifyUnitSettled(manager: EntityManager, campaignId: string): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [UNIT_SETTLED_CHANNEL, campaignId]);
}

/** News that a campaign's units settled, for a closing campaign to wait on instead of a timer. */
export interface UnitSettlementWatch {
  /** Resolves at the next notice for the campaign (or at once if one came since the last call), or after `fallbackMs`. */
  next(fallbackMs: number): Promise<void>;
  close(): Promise<void>;
}

interface NotifyingClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  removeListener(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
}

/**
 * LISTENs on one connection of the pool held for the watch's life (a closing campaign holds one).
 * Started before the caller's first count, so no settlement between a count and the wait is missed;
 * `fallbackMs` only bounds the wait should the connection drop a notice.
 */
export async function watchUnitSettlements(dataSource: DataSource, campaignId: string): Promise<UnitSettlementWatch> {
  const [client, release] = (await (dataSource.driver as PostgresDriver).obtainMasterConnection()) as [NotifyingClient, (error?: unknown) => void];
  let noticed = false;
  let wake: (() => void) | undefined;
  const listener = (message: { channel: string; payload?: string }) => {
    if (message.channel !== UNIT_SETTLED_CHANNEL || message.payload !== campaignId) return;
    noticed = true;
    wake?.();
  };
  client.on('notification', listener);
  try {
    await client.query(`LISTEN ${UNIT_SETTLED_CHANNEL}`);
  } catch (error) {
    client.removeListener('notification', listener);
    release(error);
    throw error;
  }
  return {
    async next(fallbackMs) {
      if (!noticed) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, fallbackMs);
        });
        clearTimeout(timer);
        wake = undefined;
      }
      noticed = false;
    },
    async close() {
      client.removeListener('notification', listener);
      try {
        await client.query(`UNLISTEN ${UNIT_SETTLED_CHANNEL}`);
        release();
      } catch (error) {
        // A broken connection goes back marked as such: the pool discards it.
        release(error);
      }
    },
  };
}
