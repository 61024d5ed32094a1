import type { Actor } from '../actor';
import { conflict, invalid } from '../rejection';
import { addSpan } from '../time/add-span';
import { calendarStamp, WEEKDAY_CALENDAR, type WorkCalendar } from '../time/work-calendar';
import { ESCALATION_INSTRUMENT_LABELS } from './escalation-instrument';
import type { HazardCommand } from './hazard-commands';
import type { NewHazardEvent } from './hazard-events';
import { authorizeHazardAction, type HazardAction } from './hazard-permissions';
import type { HazardPolicy } from './hazard-policy';
import { validateHazardReport, type HazardReport } from './hazard-report';
import { requiredText, TEXT_LIMITS } from '../text-input';
import type { HazardState } from './hazard-state';
import { HAZARD_STATUS_LABELS, type HazardStatus } from './hazard-status';
import { decideDelisting, decideListing } from './hazard-listing';
import { DEFAULT_LISTING_LEVEL } from './listing-level';
import { FIVE_IN_PLACE_ITEMS, missingFiveInPlace } from './rectification-plan';

const ACTION_OF: Record<HazardCommand['type'], HazardAction> = {
  submit_plan: 'submit_plan',
  report_progress: 'report_progress',
  claim_completion: 'claim_completion',
  verify: 'verify',
  request_extension: 'request_extension',
  decide_extension: 'decide_extension',
  start_monitoring: 'start_monitoring',
  report_monitoring: 'report_monitoring',
  list_for_supervision: 'list',
  delist: 'delist',
};

function attachmentRefs(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid('input.not_a_list', 'attachments', 'attachments must be a list of references');
  if (value.length > TEXT_LIMITS.attachments) throw invalid('input.too_many', 'attachments', `at most ${TEXT_LIMITS.attachments} attachments`);
  return value.map((ref, i) => requiredText(ref, `attachments[${i}]`, TEXT_LIMITS.attachmentRef));
}

function requireStatus(state: HazardState, allowed: HazardStatus[], what: string): void {
  if (!allowed.includes(state.status)) {
    throw conflict('hazard.status.not_allowed', `cannot ${what} while the hazard is ${HAZARD_STATUS_LABELS[state.status]}`);
  }
}

function parseInstant(value: unknown, field: string): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw invalid('input.malformed', field, `${field} must be an ISO date-time`);
  return date;
}

/** Checks that `reporter` may report this hazard and that the report is complete; throws a rejection naming the field. */
export function admitHazardReport(report: HazardReport, reporter: Actor, policy: HazardPolicy, now: Date, calendar?: WorkCalendar): void {
  authorizeHazardAction('report', reporter, report.unitId);
  validateHazardReport(report, reporter, policy, now, calendar);
  // Every rung of the ladder must be countable on the calendar handed to the workflow: a year it
  // does not cover is refused now, naming the year, not met later by a timer.
  if (calendar) for (const step of policy.escalation) addSpan(new Date(report.deadline), step.offset, calendar);
}

/**
 * The events that open a hazard's file (一患一档): the report, and 挂牌督办 at once where
 * policy lists the grade. Does not validate: the report was admitted before the workflow
 * started, and re-checking "deadline in the future" later would refuse a report that was valid.
 * `origin` names where a report not made one by one came from (a ledger import's file and row):
 * the reason says so.
 */
export function openHazardFile(
  hazardId: string,
  report: HazardReport,
  reporter: Actor,
  policy: HazardPolicy,
  now: Date,
  calendar: WorkCalendar = WEEKDAY_CALENDAR,
  origin?: string,
): NewHazardEvent[] {
  const at = now.toISOString();
  const events: NewHazardEvent[] = [
    {
      type: 'reported',
      data: { hazardId, report, policy, ...calendarStamp(calendar) },
      at,
      actor: reporter,
      reason: `${report.title} (${report.source})${origin === undefined ? '' : `; ${origin}`}`,
    },
  ];
  if (policy.listImmediatelyGrades.includes(report.grade)) {
    events.push({
      type: 'escalated',
      data: {
        stepId: 'listed-on-report',
        instrument: 'listed_supervision',
        deadline: report.deadline,
        listingLevel: policy.listImmediatelyLevel ?? DEFAULT_LISTING_LEVEL,
      },
      at,
      actor: reporter,
      reason: `${ESCALATION_INSTRUMENT_LABELS.listed_supervision}: ${report.grade} hazards are listed at once under policy ${policy.id}`,
    });
  }
  return events;
}

/**
 * Decides what a command does to a hazard: the events to record, or a rejection that says
 * why. Pure, so the workflow can run it in an update validator (nothing is recorded for a
 * refused command) and again in the handler.
 */
export function decideHazard(state: HazardState, command: HazardCommand, now: Date, calendar: WorkCalendar = WEEKDAY_CALENDAR): NewHazardEvent[] {
  authorizeHazardAction(ACTION_OF[command.type], command.actor, state.report.unitId);
  const at = now.toISOString();
  const base = { at, actor: command.actor };
  switch (command.type) {
    case 'submit_plan': {
      requireStatus(state, ['awaiting_plan', 'rectifying'], 'submit a rectification plan');
      const missing = missingFiveInPlace(command.plan, new Date(state.deadline), now);
      if (missing.length > 0) {
        const labels = missing.map((item) => FIVE_IN_PLACE_ITEMS[item]);
        throw invalid('hazard.plan.five_in_place_missing', 'plan', `rectification plan does not meet 五到位: missing ${labels.join(', ')}`, {
          missing,
        });
      }
      const plan = { ...command.plan };
      requiredText(plan.responsiblePerson, 'plan.responsiblePerson', TEXT_LIMITS.shortText);
      requiredText(plan.measures, 'plan.measures');
      requiredText(plan.contingencyPlan, 'plan.contingencyPlan');
      requiredText(plan.funds.source, 'plan.funds.source', TEXT_LIMITS.shortText);
      return [{ ...base, type: 'plan_submitted', data: { plan }, reason: `五到位 plan by ${plan.responsiblePerson}, due ${plan.deadline}` }];
    }
    case 'report_progress': {
      requireStatus(state, ['rectifying'], 'report progress');
      const body = requiredText(command.text, 'text');
      const pct = command.percentComplete;
      if (pct !== undefined && (typeof pct !== 'number' || !Number.isFinite(pct) || pct < 0 || pct > 100)) {
        throw invalid('input.out_of_range', 'percentComplete', 'percentComplete must be a number from 0 to 100');
      }
      return [
        {
          ...base,
          type: 'progress_reported',
          data: { text: body, percentComplete: pct, attachments: attachmentRefs(command.attachments) },
          reason: body,
        },
      ];
    }
    case 'claim_completion': {
      // 边查边改: a general hazard fixed on the spot may skip the plan.
      const allowed: HazardStatus[] = state.report.grade === 'general' ? ['awaiting_plan', 'rectifying'] : ['rectifying'];
      requireStatus(state, allowed, 'claim completion');
      const summary = requiredText(command.summary, 'summary');
      return [{ ...base, type: 'completion_claimed', data: { summary, attachments: attachmentRefs(command.attachments) }, reason: summary }];
    }
    case 'verify': {
      requireStatus(state, ['awaiting_verification'], 'verify');
      const comment = requiredText(command.comment, 'comment');
      if (command.decision === 'reject') {
        return [{ ...base, type: 'verification_rejected', data: { reasons: comment }, reason: comment }];
      }
      if (command.decision !== 'accept') throw invalid('input.not_one_of', 'decision', 'decision must be accept or reject');
      let effectEvaluation: string | undefined;
      if (state.report.grade === 'major') {
        effectEvaluation = requiredText(command.effectEvaluation, 'effectEvaluation', undefined, 'hazard.verification.effect_evaluation_required');
      }
      return [{ ...base, type: 'signed_off', data: { comment, effectEvaluation }, reason: comment }];
    }
    case 'request_extension': {
      requireStatus(state, ['awaiting_plan', 'rectifying'], 'request an extension');
      if (state.pendingExtension) throw conflict('hazard.extension.already_pending', 'an extension request is already waiting for the office');
      if (state.extensionsGranted >= state.policy.maxExtensions) {
        throw conflict(
          'hazard.extension.limit_reached',
          `no more extensions: policy ${state.policy.id} allows ${state.policy.maxExtensions} and ${state.extensionsGranted} were granted`,
        );
      }
      const requested = parseInstant(command.requestedDeadline, 'requestedDeadline');
      if (requested <= new Date(state.deadline))
        throw invalid('hazard.extension.not_later', 'requestedDeadline', 'requestedDeadline must be after the current deadline');
      if (requested > addSpan(new Date(state.reportedAt), state.policy.maxDeadline, calendar)) {
        throw invalid(
          'hazard.extension.beyond_policy',
          'requestedDeadline',
          `requestedDeadline is beyond the longest deadline the policy allows (${state.policy.maxDeadline.amount} ${state.policy.maxDeadline.unit} from reporting)`,
        );
      }
      const reason = requiredText(command.reason, 'reason');
      return [{ ...base, type: 'extension_requested', data: { requestedDeadline: requested.toISOString() }, reason }];
    }
    case 'decide_extension': {
      const pending = state.pendingExtension;
      if (!pending) throw conflict('hazard.extension.none_pending', 'there is no extension request to decide');
      requireStatus(state, ['awaiting_plan', 'rectifying', 'awaiting_verification'], 'decide an extension');
      const reason = requiredText(command.reason, 'reason');
      if (command.approve) {
        return [{ ...base, type: 'extension_approved', data: { previousDeadline: state.deadline, newDeadline: pending.requestedDeadline }, reason }];
      }
      return [{ ...base, type: 'extension_refused', data: { requestedDeadline: pending.requestedDeadline }, reason }];
    }
    case 'start_monitoring': {
      if (state.report.grade !== 'major')
        throw conflict('hazard.monitoring.not_major', 'only a major hazard (重大隐患) that cannot be fixed at once is put under monitoring');
      requireStatus(state, ['rectifying'], 'start monitoring');
      if (state.monitoring) throw conflict('hazard.monitoring.already_started', 'the hazard is already under monitoring');
      const measures = requiredText(command.measures, 'measures');
      const watchPerson = requiredText(command.watchPerson, 'watchPerson', TEXT_LIMITS.shortText);
      const nextReportDue = addSpan(now, state.policy.monitoringReportEvery, calendar).toISOString();
      return [{ ...base, type: 'monitoring_started', data: { measures, watchPerson, nextReportDue, ...calendarStamp(calendar) }, reason: measures }];
    }
    case 'report_monitoring': {
      if (!state.monitoring) throw conflict('hazard.monitoring.not_started', 'the hazard is not under monitoring');
      requireStatus(state, ['rectifying', 'awaiting_verification'], 'report on monitoring');
      const body = requiredText(command.text, 'text');
      const nextReportDue = addSpan(now, state.policy.monitoringReportEvery, calendar).toISOString();
      return [{ ...base, type: 'monitoring_reported', data: { text: body, nextReportDue, ...calendarStamp(calendar) }, reason: body }];
    }
    case 'list_for_supervision':
      return decideListing(state, command, at);
    case 'delist':
      return decideDelisting(state, command, at);
  }
}
