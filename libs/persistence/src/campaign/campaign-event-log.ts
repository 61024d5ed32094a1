import type { EntityManager } from 'typeorm';
import { eventLogAppender } from '../events/event-log-appender';
import type { RecordedLedgerEvent } from '../events/ledger-event-columns';
import { CampaignEventRecord } from './campaign-event-record.entity';

/** A campaign-level or unit event as the domain records it. */
export type LedgerEvent = RecordedLedgerEvent;

const append = eventLogAppender(CampaignEventRecord, ['campaignId', 'unitId']);

/**
 * Appends events to campaign_event, `unitId` '' (CAMPAIGN_LEVEL_UNIT_ID) for the campaign's own.
 * Keyed by (campaign_id, unit_id, seq): re-recording after a retry is a no-op (eventLogAppender).
 */
export async function appendCampaignEvents(
  manager: EntityManager,
  campaignId: string,
  unitId: string,
  events: readonly LedgerEvent[],
): Promise<void> {
  await append(manager, { campaignId, unitId }, events);
}
