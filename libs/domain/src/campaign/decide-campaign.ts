import { requireOneOf } from '../one-of';
import { conflict, invalid } from '../rejection';
import { codePointLength } from '../text-input';
import { TEXT_LIMITS } from '../hazard/hazard-report';
import { isValidId } from '../hazard/hazard-report';
import type { TimeSpan } from '../time/time-span';
import { calendarOrWeekdays, calendarStamp, type WorkCalendar } from '../time/work-calendar';
import { buildCampaignSchedule } from './build-campaign-schedule';
import { authorizeCampaignAction } from './campaign-permissions';
import type { CampaignSchedule } from './campaign-schedule';
import type { ScopeUnit } from './campaign-scope';
import { UNIT_KINDS } from './campaign-scope';
import type { CampaignCommand } from './campaign-commands';
import type { CampaignState, NewCampaignEvent } from './campaign-state';
import { decideAddTask } from './decide-add-task';
import { decideInspectorAssignment } from './decide-inspector-assignment';

function reasonOf(command: CampaignCommand): string {
  const reason = command.reason;
  if (typeof reason !== 'string' || reason.trim() === '')
    throw invalid('input.required', 'reason', 'reason is required: every change to a campaign says why');
  if (codePointLength(reason) > TEXT_LIMITS.longText)
    throw invalid('input.too_long', 'reason', `reason is longer than ${TEXT_LIMITS.longText} characters`);
  return reason;
}

/** Checks a unit added mid-campaign against the campaign's scope. */
export function validateAddedUnit(state: CampaignState, unit: ScopeUnit): void {
  if (!unit || !isValidId(unit.unitId)) throw invalid('input.malformed_id', 'unit.unitId', 'unit.unitId must be 1–100 letters, digits, _ . : -');
  if (typeof unit.name !== 'string' || unit.name.trim() === '') throw invalid('input.required', 'unit.name', 'unit.name is required');
  requireOneOf(unit.kind, UNIT_KINDS, 'unit.kind');
  if (!state.scope.regions.some((r) => r.id === unit.regionId))
    throw invalid('campaign.scope.region_unknown', 'unit.regionId', `region ${JSON.stringify(unit.regionId)} is not in the campaign's scope`);
  if (unit.industryId !== undefined && !state.scope.industries.some((i) => i.id === unit.industryId)) {
    throw invalid('campaign.scope.industry_unknown', 'unit.industryId', `industry ${JSON.stringify(unit.industryId)} is not in the campaign's scope`);
  }
}

/**
 * The office's decisions on a running campaign (pause, resume, extend a phase, add or
 * remove a unit, add a task, assign inspectors, close), each with a reason. Pure, for update validators.
 */
export function decideCampaign(state: CampaignState, schedule: CampaignSchedule, command: CampaignCommand, now: Date): NewCampaignEvent[] {
  authorizeCampaignAction('manage', command.actor);
  const reason = reasonOf(command);
  if (state.status === 'closed') throw conflict('campaign.closed', `campaign ${state.campaignId} is closed`);
  const base = { at: now.toISOString(), actor: command.actor, reason };
  switch (command.type) {
    case 'pause':
      if (state.status === 'paused') throw conflict('campaign.already_paused', 'the campaign is already paused');
      return [{ ...base, type: 'paused', data: {} }];
    case 'resume':
      if (state.status !== 'paused') throw conflict('campaign.not_paused', 'the campaign is not paused');
      return [{ ...base, type: 'resumed', data: {} }];
    case 'extend_phase': {
      const phase = schedule.phases.find((p) => p.phaseId === command.phaseId);
      if (!phase)
        throw invalid(
          'campaign.phase.unknown',
          'phaseId',
          `no phase ${JSON.stringify(command.phaseId)}; phases: ${schedule.phases.map((p) => p.phaseId).join(', ')}`,
        );
      if (new Date(phase.endsAt) <= now) throw conflict('campaign.phase.ended', `phase ${phase.phaseId} already ended at ${phase.endsAt}`);
      const by = command.by;
      if (!by || !['hours', 'days', 'workdays'].includes(by.unit))
        throw invalid('input.not_one_of', 'by.unit', 'by.unit must be hours, days or workdays');
      if (typeof by.amount !== 'number' || !Number.isFinite(by.amount) || by.amount <= 0)
        throw invalid('input.out_of_range', 'by.amount', 'by.amount must be a positive number');
      if (by.unit === 'workdays' && !Number.isInteger(by.amount))
        throw invalid('time_span.workdays_not_whole', 'by.amount', 'working days must be whole');
      const span: TimeSpan = { amount: by.amount, unit: by.unit };
      const calendar = campaignCalendar(state);
      const extended = buildCampaignSchedule(state.template, new Date(state.startsAt), withExtension(state, phase.phaseId, span), calendar);
      const newEndsAt = extended.phases.find((p) => p.phaseId === phase.phaseId)!.endsAt;
      return [{ ...base, type: 'phase_extended', data: { phaseId: phase.phaseId, by: span, newEndsAt, ...calendarStamp(calendar) } }];
    }
    case 'add_unit':
      validateAddedUnit(state, command.unit);
      if (state.addedUnits.some((u) => u.unitId === command.unit.unitId))
        throw conflict('campaign.unit.already_added', `unit ${command.unit.unitId} was already added`);
      return [{ ...base, type: 'unit_added', data: { unit: command.unit } }];
    case 'remove_unit':
      if (!isValidId(command.unitId)) throw invalid('input.malformed_id', 'unitId', 'unitId is not a valid id');
      if (state.removedUnitIds.includes(command.unitId))
        throw conflict('campaign.unit.already_removed', `unit ${command.unitId} was already removed`);
      return [{ ...base, type: 'unit_removed', data: { unitId: command.unitId } }];
    case 'close':
      return [{ ...base, type: 'closed', data: {} }];
    case 'add_task':
      return decideAddTask(state, schedule, command, base, now);
    case 'assign_inspector':
    case 'unassign_inspector':
      return decideInspectorAssignment(state, command, base);
  }
}

/** The campaign's schedule as its phase extensions so far have made it. */
export function currentCampaignSchedule(state: CampaignState): CampaignSchedule {
  return buildCampaignSchedule(state.template, new Date(state.startsAt), state.phaseExtensions, campaignCalendar(state));
}

/** The work calendar the campaign was launched with (Monday–Friday for campaigns launched before calendars were data). */
export function campaignCalendar(state: Pick<CampaignState, 'calendar'>): WorkCalendar {
  return calendarOrWeekdays(state.calendar);
}

/** The campaign's phase extensions with one more granted. */
export function withExtension(state: CampaignState, phaseId: string, by: TimeSpan): CampaignState['phaseExtensions'] {
  return { ...state.phaseExtensions, [phaseId]: [...(state.phaseExtensions[phaseId] ?? []), by] };
}
