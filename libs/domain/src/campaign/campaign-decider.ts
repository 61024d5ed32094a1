import type { Actor } from '../actor';
import type { Decider } from '../decider';
import type { WorkCalendarData } from '../time/work-calendar-data';
import type { CampaignCommand } from './campaign-commands';
import type { CampaignLaunch } from './campaign-scope';
import type { CampaignState, CampaignStreamIds, NewCampaignEvent } from './campaign-state';
import { currentCampaignSchedule, decideCampaign } from './decide-campaign';
import { evolveCampaign, launchedCampaignState } from './evolve-campaign';

/** 专项行动: a campaign's rules in the shape every aggregate shares; its schedule follows from its state. */
export const campaignDecider: Decider<
  CampaignState,
  CampaignCommand,
  NewCampaignEvent,
  CampaignStreamIds,
  void,
  [launch: CampaignLaunch, launchedBy: Actor, calendar?: WorkCalendarData]
> = {
  initialState: launchedCampaignState,
  decide: (state, command, now) => decideCampaign(state, currentCampaignSchedule(state), command, now),
  evolve: evolveCampaign,
  streamIds: (state) => ({ campaignId: state.campaignId }),
};
