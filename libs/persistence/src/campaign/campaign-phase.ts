import type { CampaignSchedule, PhaseWindow } from '@duban/domain';

/** The phase whose window [startsAt, endsAt) holds the instant; undefined outside every window. */
export function phaseAt(schedule: CampaignSchedule, at: string | Date): PhaseWindow | undefined {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return schedule.phases.find((phase) => Date.parse(phase.startsAt) <= t && t < Date.parse(phase.endsAt));
}
