import { Inject, Injectable } from '@nestjs/common';
import { hazardStateAsOf, type Actor, type HazardState, type LoggedHazardEvent } from '@duban/domain';
import { HazardLedgerReader } from '@duban/persistence';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { readStateAsOf, type StateAsOf } from '../http/as-of-read';
import { authorizeOnHazard } from './hazard-access';

/** One hazard as of a moment: the same shape as its detail, its state folded from the events. */
export type HazardAsOfDetail = StateAsOf<HazardState>;

/**
 * 某一时刻的状态 of a hazard (一患一档): its recorded events up to the moment folded with the
 * domain's evolveHazard, as its workflow applied them. The ledger row is left out: it is today's.
 */
@Injectable()
export class HazardAsOfReadsService {
  constructor(
    private readonly ledger: HazardLedgerReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  detail(hazardId: string, actor: Actor, asOfText: string): Promise<HazardAsOfDetail> {
    return readStateAsOf(asOfText, this.now(), {
      authorize: () => authorizeOnHazard(this.ledger, hazardId, actor, 'read', this.places),
      eventsUpTo: async (asOf) => (await this.ledger.eventsUpTo(hazardId, asOf)) as LoggedHazardEvent[],
      fold: hazardStateAsOf,
      notYet: `hazard ${hazardId} was not reported`,
    });
  }
}
