import { invalid } from '../rejection';
import { addSpan } from '../time/add-span';
import { WEEKDAY_CALENDAR, type WorkCalendar } from '../time/work-calendar';
import type { CampaignSchedule, PhaseExtensions, PhaseWindow } from './campaign-schedule';
import type { CampaignTemplate } from './campaign-template';

/**
 * When each phase runs: back to back from `startsAt`, each phase ending after its duration plus
 * every extension granted to it (延长阶段), so an extension moves every later phase. All the
 * arithmetic goes through addSpan (working days on `calendar`).
 */
export function buildCampaignSchedule(
  template: CampaignTemplate,
  startsAt: Date,
  extensions: PhaseExtensions,
  calendar: WorkCalendar = WEEKDAY_CALENDAR,
): CampaignSchedule {
  if (Number.isNaN(startsAt.getTime())) throw invalid('input.malformed', 'startsAt', 'startsAt is not a valid date-time (开始时间无效)');
  const known = new Set(template.phases.map((phase) => phase.id));
  for (const phaseId of Object.keys(extensions)) {
    if (!known.has(phaseId))
      throw invalid('campaign.phase.unknown', `phaseExtensions.${phaseId}`, `no phase "${phaseId}" in template ${template.id} (阶段不存在)`);
  }
  const phases: PhaseWindow[] = [];
  let cursor = startsAt;
  for (const phase of template.phases) {
    let end = addSpan(cursor, phase.duration, calendar);
    for (const extension of extensions[phase.id] ?? []) end = addSpan(end, extension, calendar);
    if (end <= cursor)
      throw invalid(
        'campaign.phase.would_end_before_start',
        `phaseExtensions.${phase.id}`,
        `phase "${phase.id}" would end before it starts (阶段时长必须为正)`,
      );
    phases.push({ phaseId: phase.id, name: phase.name, startsAt: cursor.toISOString(), endsAt: end.toISOString() });
    cursor = end;
  }
  return { startsAt: startsAt.toISOString(), endsAt: cursor.toISOString(), phases };
}

/** The phase running at `at`: start inclusive, end exclusive; undefined before the start and from the end on. */
export function phaseAt(schedule: CampaignSchedule, at: Date): PhaseWindow | undefined {
  const t = at.getTime();
  return schedule.phases.find((phase) => Date.parse(phase.startsAt) <= t && t < Date.parse(phase.endsAt));
}
