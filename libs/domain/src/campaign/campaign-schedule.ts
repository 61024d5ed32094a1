import type { TimeSpan } from '../time/time-span';

/** When each phase runs, after any extensions the office granted. */
export interface PhaseWindow {
  phaseId: string;
  name: string;
  startsAt: string;
  endsAt: string;
}

export interface CampaignSchedule {
  startsAt: string;
  endsAt: string;
  phases: PhaseWindow[];
}

/** Extensions granted per phase (延长阶段), in the order granted. */
export type PhaseExtensions = Record<string, TimeSpan[]>;
