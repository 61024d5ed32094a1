import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { hazardStateAsOf, parseAsOf, type Actor, type HazardState, type LoggedHazardEvent } from '@duban/domain';
import { HazardLedgerReader } from '@duban/persistence';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { authorizeOnHazard } from './hazard-access';

/** One hazard as of a moment: the same shape as its detail, its state folded from the events. */
export interface HazardAsOfDetail {
  state: HazardState;
  stateSource: 'events';
  asOf: string;
}

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

  async detail(hazardId: string, actor: Actor, asOfText: string): Promise<HazardAsOfDetail> {
    const asOf = parseAsOf(asOfText, this.now());
    await authorizeOnHazard(this.ledger, hazardId, actor, 'read', this.places);
    const events = (await this.ledger.eventsUpTo(hazardId, asOf)) as LoggedHazardEvent[];
    const state = hazardStateAsOf(events, asOf);
    if (!state) throw new NotFoundException(`hazard ${hazardId} was not reported yet at ${asOf.toISOString()}`);
    return { state, stateSource: 'events', asOf: asOf.toISOString() };
  }
}
