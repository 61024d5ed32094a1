import type { HazardPolicy } from '../hazard/hazard-policy';
import type { WorkCalendarData } from '../time/work-calendar-data';
import type { PhaseExtensions } from './campaign-schedule';
import type { CampaignTemplate } from './campaign-template';

/**
 * What a unit's obligations follow of its campaign: the template, the launch's start, the phase
 * extensions granted so far and the policy for hazards found in it. The campaign ledger holds it
 * (so thousands of unit workflows carry only the campaign id) and unit workflows load it.
 */
export interface CampaignPlan {
  campaignId: string;
  template: CampaignTemplate;
  /** The launch's own start, whatever the schedule's phases say after extensions. */
  startsAt: string;
  phaseExtensions: PhaseExtensions;
  hazardPolicy: HazardPolicy;
  /** The campaign's work calendar (CampaignState.calendar); absent for campaigns launched before calendars were data. */
  calendar?: WorkCalendarData;
}
