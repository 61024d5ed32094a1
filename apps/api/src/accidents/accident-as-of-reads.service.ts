import { Inject, Injectable } from '@nestjs/common';
import { accidentStateAsOf, type AccidentState, type Actor, type LoggedAccidentEvent } from '@duban/domain';
import { AccidentLedgerReader } from '@duban/persistence';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { readStateAsOf, type StateAsOf } from '../http/as-of-read';
import { authorizeOnAccident } from './accident-access';

/** One accident as of a moment: the same shape as its detail, its state folded from the events. */
export type AccidentAsOfDetail = StateAsOf<AccidentState>;

/**
 * 某一时刻的状态 of an accident's record (一事一档): its recorded events up to the moment folded
 * with the domain's evolveAccident, as its workflow applied them. The ledger row is left out: it is today's.
 */
@Injectable()
export class AccidentAsOfReadsService {
  constructor(
    private readonly ledger: AccidentLedgerReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  detail(accidentId: string, actor: Actor, asOfText: string): Promise<AccidentAsOfDetail> {
    return readStateAsOf(asOfText, this.now(), {
      authorize: () => authorizeOnAccident(this.ledger, accidentId, actor, 'read', this.places),
      eventsUpTo: async (asOf) => (await this.ledger.eventsUpTo(accidentId, asOf)) as LoggedAccidentEvent[],
      fold: accidentStateAsOf,
      notYet: `accident ${accidentId} was not reported`,
    });
  }
}
