import type { DataSource } from 'typeorm';
import { AccidentEventRecord } from '../accident/accident-event-record.entity';
import { CovertInspectionEventRecord } from '../covert-inspection/covert-inspection-event-record.entity';
import { EnforcementEventRecord } from '../enforcement/enforcement-event-record.entity';
import { TipOffEventRecord } from '../tip-off/tip-off-event-record.entity';
import { eventsUpToReader } from './events-up-to';
import type { RecordedLedgerEvent } from './ledger-event-columns';

const accidentEvents = eventsUpToReader(AccidentEventRecord, ['accidentId']);
const enforcementEvents = eventsUpToReader(EnforcementEventRecord, ['caseId'], ['legalBasis']);
const covertInspectionEvents = eventsUpToReader(CovertInspectionEventRecord, ['inspectionId']);
const tipOffEvents = eventsUpToReader(TipOffEventRecord, ['tipOffId']);

/**
 * The events up to a moment (at ≤ asOf, in seq order) of the records whose ledger readers have
 * no as-of read of their own: accidents, enforcement cases, covert inspections, tip-offs. What
 * their states as of a moment are folded from (libs/domain/src/as-of-records.ts).
 */
export class RecordEventsUpTo {
  constructor(private readonly dataSource: DataSource) {}

  accident(accidentId: string, asOf: Date): Promise<RecordedLedgerEvent[]> {
    return accidentEvents(this.dataSource, { accidentId }, asOf);
  }

  /** Each with the law relied on (legalBasis), which the case's state keeps. */
  enforcementCase(caseId: string, asOf: Date): Promise<Array<RecordedLedgerEvent & { legalBasis: string }>> {
    return enforcementEvents(this.dataSource, { caseId }, asOf);
  }

  covertInspection(inspectionId: string, asOf: Date): Promise<RecordedLedgerEvent[]> {
    return covertInspectionEvents(this.dataSource, { inspectionId }, asOf);
  }

  tipOff(tipOffId: string, asOf: Date): Promise<RecordedLedgerEvent[]> {
    return tipOffEvents(this.dataSource, { tipOffId }, asOf);
  }
}
