import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  campaignViewAsOf,
  unitViewAsOf,
  type Actor,
  type CampaignReadView,
  type CampaignState,
  type LoggedCampaignEvent,
  type LoggedUnitEvent,
  type UnitReadView,
} from '@duban/domain';
import { CampaignLedgerReader } from '@duban/persistence';
import { CLOCK } from '../config/api-config.tokens';
import { readViewAsOf, type ViewAsOf } from '../http/as-of-read';
import { CampaignAccess } from './campaign-access';

/** A campaign as of a moment: the same shape as its detail, its view built from the state folded from the events. */
export type CampaignAsOfDetail = ViewAsOf<CampaignReadView>;

/** A unit's file as of a moment. */
export type CampaignUnitAsOfDetail = ViewAsOf<UnitReadView>;

/**
 * 某一时刻的状态 of a campaign and of a unit's file: their recorded events up to the moment
 * folded with the domain's own evolve, and the view built from that state at that moment the way
 * the workflows build theirs (libs/domain/src/as-of-views.ts). The launch input is in no event:
 * its facts come from the ledger's snapshot, which never changes them. The ledger rows are left
 * out: they are today's.
 */
@Injectable()
export class CampaignAsOfReadsService {
  constructor(
    private readonly access: CampaignAccess,
    private readonly ledger: CampaignLedgerReader,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  detail(campaignId: string, actor: Actor, asOfText: string): Promise<CampaignAsOfDetail> {
    return readViewAsOf(asOfText, this.now(), {
      authorize: () => this.access.readable(campaignId, actor),
      eventsUpTo: (asOf) => this.campaign(campaignId, asOf),
      fold: ({ later, events }, asOf) => campaignViewAsOf(later, events, asOf),
      notYet: `campaign ${campaignId} was not launched`,
    });
  }

  unit(campaignId: string, unitId: string, actor: Actor, asOfText: string): Promise<CampaignUnitAsOfDetail> {
    return readViewAsOf(asOfText, this.now(), {
      authorize: async () => {
        await this.access.readable(campaignId, actor);
        await this.access.onUnit(campaignId, unitId, actor, 'read');
      },
      eventsUpTo: async (asOf) => {
        const [campaign, plan, unitEvents] = await Promise.all([
          this.campaign(campaignId, asOf),
          this.access.plan(campaignId),
          this.ledger.eventsUpTo(campaignId, unitId, asOf),
        ]);
        return { campaign: { ...campaign, hazardPolicy: plan.hazardPolicy }, unitEvents: unitEvents as LoggedUnitEvent[] };
      },
      fold: ({ campaign, unitEvents }, asOf) => unitViewAsOf(campaign, unitEvents, asOf),
      notYet: `unit ${unitId} was not enrolled in campaign ${campaignId}`,
    });
  }

  /** The campaign's launch facts (from its snapshot) and its own events up to `asOf`. */
  private async campaign(campaignId: string, asOf: Date): Promise<{ later: CampaignState; events: LoggedCampaignEvent[] }> {
    const [later, events] = await Promise.all([this.ledger.snapshot(campaignId), this.ledger.eventsUpTo(campaignId, null, asOf)]);
    if (!later) throw new NotFoundException(`campaign ${campaignId} not found`);
    return { later, events: events as LoggedCampaignEvent[] };
  }
}
