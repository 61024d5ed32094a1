import { Inject, Injectable } from '@nestjs/common';
import { enforcementCaseStateAsOf, type Actor, type EnforcementCaseState, type LoggedEnforcementEvent } from '@duban/domain';
import { EnforcementLedgerReader } from '@duban/persistence';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { readStateAsOf, type StateAsOf } from '../http/as-of-read';
import { authorizeOnEnforcementCase } from './enforcement-access';

/** One enforcement case as of a moment: the same shape as its detail, its state folded from the events. */
export type EnforcementAsOfDetail = StateAsOf<EnforcementCaseState>;

/**
 * 某一时刻的状态 of an enforcement case: its recorded events (each with its legal basis) up to the
 * moment folded with the domain's evolveEnforcement, as its workflow applied them. The ledger row
 * is left out: it is today's.
 */
@Injectable()
export class EnforcementAsOfReadsService {
  constructor(
    private readonly ledger: EnforcementLedgerReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  detail(caseId: string, actor: Actor, asOfText: string): Promise<EnforcementAsOfDetail> {
    return readStateAsOf(asOfText, this.now(), {
      authorize: () => authorizeOnEnforcementCase(this.ledger, caseId, actor, 'read', this.places),
      eventsUpTo: async (asOf) => (await this.ledger.eventsUpTo(caseId, asOf)) as LoggedEnforcementEvent[],
      fold: enforcementCaseStateAsOf,
      notYet: `enforcement case ${caseId} was not opened`,
    });
  }
}
