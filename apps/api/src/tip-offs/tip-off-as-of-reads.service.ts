import { Inject, Injectable } from '@nestjs/common';
import { tipOffStateAsOf, type Actor, type LoggedTipOffEvent, type TipOffState } from '@duban/domain';
import { TipOffLedgerReader } from '@duban/persistence';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { readStateAsOf, type StateAsOf } from '../http/as-of-read';
import { authorizeOnTipOff } from './tip-off-access';

/** One tip-off as of a moment: the same shape as its detail, its state folded from the events. */
export type TipOffAsOfDetail = StateAsOf<TipOffState>;

/**
 * 某一时刻的状态 of a tip-off's file (举报): its recorded events up to the moment folded with the
 * domain's evolveTipOff, as its workflow applied them. The ledger row is left out: it is today's.
 */
@Injectable()
export class TipOffAsOfReadsService {
  constructor(
    private readonly ledger: TipOffLedgerReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  detail(tipOffId: string, actor: Actor, asOfText: string): Promise<TipOffAsOfDetail> {
    return readStateAsOf(asOfText, this.now(), {
      authorize: () => authorizeOnTipOff(this.ledger, tipOffId, actor, 'read', this.places),
      eventsUpTo: async (asOf) => (await this.ledger.eventsUpTo(tipOffId, asOf)) as LoggedTipOffEvent[],
      fold: tipOffStateAsOf,
      notYet: `tip-off ${tipOffId} was not received`,
    });
  }
}
