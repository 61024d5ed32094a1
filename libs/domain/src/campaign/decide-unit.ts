import type { Actor } from '../actor';
import { admitHazardReport } from '../hazard/decide-hazard';
import type { HazardPolicy } from '../hazard/hazard-policy';
import { requiredText } from '../text-input';
import { conflict, invalid } from '../rejection';
import { addSpan } from '../time/add-span';
import type { WorkCalendar } from '../time/work-calendar';
import type { CampaignSchedule } from './campaign-schedule';
import type { ScopeUnit } from './campaign-scope';
import type { CampaignTemplate } from './campaign-template';
import { authorizeCampaignAction, type CampaignAction } from './campaign-permissions';
import type { UnitCommand } from './unit-commands';
import type { NewUnitEvent } from './unit-obligations-events';
import type { UnitObligationsState } from './unit-obligations-state';
import { authorizeAssignedInspector } from './inspection-assignment';
import { findUnitObligation } from './unit-task-obligations';

/** What a unit's decisions need to know about its campaign. */
export interface UnitContext {
  template: CampaignTemplate;
  schedule: CampaignSchedule;
  hazardPolicy: HazardPolicy;
  /** The campaign's work calendar; Monday–Friday when absent (campaigns launched before calendars were data). */
  calendar?: WorkCalendar;
}

/** A report may be filed this far ahead of its cut-off (today's 一日一报 before 17:00). */
export const SUBMISSION_WINDOW = { amount: 1, unit: 'days' } as const;

const ACTION_OF: Record<UnitCommand['type'], CampaignAction> = {
  submit_report: 'submit_report',
  record_inspection: 'record_inspection',
  record_finding: 'record_finding',
};

function count(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw invalid('input.out_of_range', field, `${field} must be a whole number ≥ 0`);
  return value;
}

/** The events that open a unit's file in a campaign. */
export function enrolUnitEvents(unit: ScopeUnit, actor: Actor, now: Date, reason: string, calendarVersion?: string): NewUnitEvent[] {
  return [{ type: 'enrolled', data: { unit, ...(calendarVersion ? { calendarVersion } : {}) }, at: now.toISOString(), actor, reason }];
}

/**
 * Decides what a command does to a unit's obligations: the events to record, or a rejection
 * naming the field. Pure, so update validators can run it.
 */
export function decideUnit(state: UnitObligationsState, command: UnitCommand, now: Date, ctx: UnitContext): NewUnitEvent[] {
  authorizeCampaignAction(ACTION_OF[command.type], command.actor, state.unit.unitId);
  // 检查组分工: once the unit has assigned inspectors, only they record inspections and findings on it.
  if (command.type !== 'submit_report') authorizeAssignedInspector(state.inspectors, command.actor, state.unit.unitId);
  if (state.status === 'removed' || state.status === 'closed') {
    throw conflict(
      'campaign.unit.inactive',
      `unit ${state.unit.unitId} is ${state.status === 'removed' ? 'removed from' : 'closed in'} campaign ${state.campaignId}`,
    );
  }
  const base = { at: now.toISOString(), actor: command.actor };
  switch (command.type) {
    case 'submit_report': {
      const obligation = typeof command.obligationId === 'string' ? findUnitObligation(ctx, state.tasks, command.obligationId) : undefined;
      if (!obligation)
        throw invalid('campaign.obligation.unknown', 'obligationId', `no obligation ${JSON.stringify(command.obligationId)} in this campaign`);
      if (state.submissions[obligation.id])
        throw conflict(
          'campaign.obligation.already_reported',
          `obligation ${obligation.id} was already reported at ${state.submissions[obligation.id].at}`,
        );
      const dueAt = new Date(obligation.dueAt);
      if (dueAt <= new Date(state.enrolledAt) && !state.missedOpen.includes(obligation.id)) {
        throw conflict(
          'campaign.obligation.before_enrolment',
          `obligation ${obligation.id} fell due before unit ${state.unit.unitId} joined the campaign`,
        );
      }
      if (dueAt > addSpan(now, SUBMISSION_WINDOW))
        throw conflict('campaign.obligation.not_open', `obligation ${obligation.id} is not open yet: it is due ${obligation.dueAt}`);
      if (typeof command.zero !== 'boolean') throw invalid('input.not_boolean', 'zero', 'zero must be true (零报告) or false');
      if (command.zero && !obligation.zeroReportAllowed)
        throw invalid('campaign.obligation.zero_report_not_allowed', 'zero', `${obligation.name} does not allow a zero report (零报告)`);
      const content =
        command.zero && (command.content ?? '') === ''
          ? '零报告 (nothing to report)'
          : requiredText(command.content, 'content', undefined, 'campaign.report.content_required');
      const hazardsFound = count(command.hazardsFound, 'hazardsFound');
      const hazardsRectified = count(command.hazardsRectified, 'hazardsRectified');
      const onTime = now <= dueAt;
      return [
        {
          ...base,
          type: 'report_submitted',
          data: {
            obligationId: obligation.id,
            onTime,
            zero: command.zero,
            content,
            ...(hazardsFound !== undefined ? { hazardsFound } : {}),
            ...(hazardsRectified !== undefined ? { hazardsRectified } : {}),
          },
          reason: `${obligation.name}${command.zero ? ' 零报告' : ''}${onTime ? '' : ` (late: due ${obligation.dueAt})`}`,
        },
      ];
    }
    case 'record_inspection': {
      const tiers = ctx.template.inspectionTiers.map((t) => t.id);
      if (tiers.length > 0 && !tiers.includes(command.tierId))
        throw invalid('campaign.inspection.tier_unknown', 'tierId', `tierId must be one of ${tiers.join(', ')}`);
      if (!Array.isArray(command.checkItemIds)) throw invalid('input.not_a_list', 'checkItemIds', 'checkItemIds must be a list');
      const known = new Set(ctx.template.checkItems.map((i) => i.id));
      const unknown = command.checkItemIds.find((id) => !known.has(id));
      if (unknown !== undefined)
        throw invalid('campaign.inspection.check_item_unknown', 'checkItemIds', `unknown check item ${JSON.stringify(unknown)}`);
      const note = requiredText(command.note, 'note');
      return [{ ...base, type: 'inspection_recorded', data: { tierId: command.tierId, checkItemIds: command.checkItemIds, note }, reason: note }];
    }
    case 'record_finding': {
      const report = { ...command.report, unitId: state.unit.unitId, campaignId: state.campaignId };
      admitHazardReport(report, command.actor, ctx.hazardPolicy, now, ctx.calendar);
      return [
        {
          ...base,
          type: 'finding_recorded',
          data: { hazardId: command.hazardId, title: report.title, grade: report.grade },
          reason: `${report.title} → hazard ${command.hazardId}`,
        },
      ];
    }
  }
}
