import { Inject, Injectable } from '@nestjs/common';
import { covertInspectionStateAsOf, type Actor, type CovertInspectionState, type LoggedCovertInspectionEvent } from '@duban/domain';
import { CovertInspectionLedgerReader } from '@duban/persistence';
import { CLOCK } from '../config/api-config.tokens';
import { readStateAsOf, type StateAsOf } from '../http/as-of-read';
import { visibleCovertInspection } from './covert-inspection-access';

/** One covert inspection as of a moment: the same shape as its detail, its state folded from the events. */
export type CovertInspectionAsOfDetail = StateAsOf<CovertInspectionState>;

/**
 * 某一时刻的状态 of a covert inspection (明察暗访): its recorded events up to the moment folded
 * with the domain's evolveCovertInspection, as its workflow applied them. Visible to whom the plain
 * read shows it (a plan stays hidden until done). The ledger row is left out: it is today's.
 */
@Injectable()
export class CovertInspectionAsOfReadsService {
  constructor(
    private readonly ledger: CovertInspectionLedgerReader,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  detail(inspectionId: string, actor: Actor, asOfText: string): Promise<CovertInspectionAsOfDetail> {
    return readStateAsOf(asOfText, this.now(), {
      authorize: () => visibleCovertInspection(this.ledger, inspectionId, actor),
      eventsUpTo: async (asOf) => (await this.ledger.eventsUpTo(inspectionId, asOf)) as LoggedCovertInspectionEvent[],
      fold: covertInspectionStateAsOf,
      notYet: `covert inspection ${inspectionId} was not planned`,
    });
  }
}
