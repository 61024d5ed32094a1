import type { EventPage } from '@duban/persistence';
import { auditedEvent, type AuditedEvent } from './audited-event';
import type { AuditLedgers } from './bundle-subject';

const PAGE = 500;

/** Every event of an audit trail, page after page (keyset: each page continues after the last one's key). */
async function allPages<K>(page: (after: K | undefined) => Promise<EventPage<unknown, K>>): Promise<AuditedEvent[]> {
  const events: AuditedEvent[] = [];
  let after: K | undefined;
  for (;;) {
    const { items, next } = await page(after);
    events.push(...items.map((e) => auditedEvent(e as AuditedEvent)));
    if (next === null) return events;
    after = next;
  }
}

export const hazardEvents = (ledgers: AuditLedgers, hazardId: string) =>
  allPages<number>((afterSeq) => ledgers.hazards.events(hazardId, { afterSeq, limit: PAGE }));

export const accidentEvents = (ledgers: AuditLedgers, accidentId: string) =>
  allPages<number>((afterSeq) => ledgers.accidents.events(accidentId, { afterSeq, limit: PAGE }));

export const enforcementEvents = (ledgers: AuditLedgers, caseId: string) =>
  allPages<number>((afterSeq) => ledgers.enforcement.events(caseId, { afterSeq, limit: PAGE }));

export const tipOffEvents = (ledgers: AuditLedgers, tipOffId: string) =>
  allPages<number>((afterSeq) => ledgers.tipOffs.events(tipOffId, { afterSeq, limit: PAGE }));

export const covertInspectionEvents = (ledgers: AuditLedgers, inspectionId: string) =>
  allPages<number>((afterSeq) => ledgers.covertInspections.events(inspectionId, { afterSeq, limit: PAGE }));

/** The campaign's own events (unitId null) or one unit's obligations events, in seq order. */
export const campaignEvents = (ledgers: AuditLedgers, campaignId: string, unitId: string | null) =>
  allPages<{ unitId: string | null; seq: number }>((after) => ledgers.campaigns.events(campaignId, { unitIds: [unitId], after, limit: PAGE }));
