import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  campaignViewAsOf,
  parseAsOf,
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
import { CampaignAccess } from './campaign-access';

/** A campaign as of a moment: the same shape as its detail, its view built from the state folded from the events. */
export interface CampaignAsOfDetail {
  view: CampaignReadView;
  viewSource: 'events';
  asOf: string;
}

/** A unit's file as of a moment. */
export interface CampaignUnitAsOfDetail {
  view: UnitReadView;
  viewSource: 'events';
  asOf: string;
}

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

  async detail(campaignId: string, actor: Actor, asOfText: string): Promise<CampaignAsOfDetail> {
    const asOf = parseAsOf(asOfText, this.now());
    await this.access.readable(campaignId, actor);
    const { later, events } = await this.campaign(campaignId, asOf);
    const view = campaignViewAsOf(later, events, asOf);
    if (!view) throw new NotFoundException(`campaign ${campaignId} was not launched yet at ${asOf.toISOString()}`);
    return { view, viewSource: 'events', asOf: asOf.toISOString() };
  }

  async unit(campaignId: string, unitId: string, actor: Actor, asOfText: string): Promise<CampaignUnitAsOfDetail> {
    const asOf = parseAsOf(asOfText, this.now());
    await this.access.readable(campaignId, actor);
    await this.access.onUnit(campaignId, unitId, actor, 'read');
    const [campaign, plan, unitEvents] = await Promise.all([
      this.campaign(campaignId, asOf),
      this.access.plan(campaignId),
      this.ledger.eventsUpTo(campaignId, unitId, asOf),
    ]);
    const view = unitViewAsOf({ ...campaign, hazardPolicy: plan.hazardPolicy }, unitEvents as LoggedUnitEvent[], asOf);
    if (!view) throw new NotFoundException(`unit ${unitId} was not enrolled in campaign ${campaignId} yet at ${asOf.toISOString()}`);
    return { view, viewSource: 'events', asOf: asOf.toISOString() };
  }

  /** The campaign's launch facts (from its snapshot) and its own events up to `asOf`. */
  private async campaign(campaignId: string, asOf: Date): Promise<{ later: CampaignState; events: LoggedCampaignEvent[] }> {
    const [later, events] = await Promise.all([this.ledger.snapshot(campaignId), this.ledger.eventsUpTo(campaignId, null, asOf)]);
    if (!later) throw new NotFoundException(`campaign ${campaignId} not found`);
    return { later, events: events as LoggedCampaignEvent[] };
  }
}
