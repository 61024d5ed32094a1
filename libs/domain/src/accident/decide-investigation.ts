import { requireOneOf } from '../one-of';
import { conflict, invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { addSpan } from '../time/add-span';
import { isValidId } from '../hazard/hazard-report';
import { HAZARD_STATUSES } from '../hazard/hazard-status';
import type { AccidentCommand } from './accident-commands';
import type { NewAccidentEvent } from './accident-events';
import { parseDateTime } from './accident-report';
import type { AccidentState, InvestigationState } from './accident-state';
import { AUTHORITY_LEVEL_LABELS, AUTHORITY_LEVELS, levelRank, type AuthorityLevel } from './authority-level';
import { describeGate, RESPONSIBILITY_MEASURE_LABELS, RESPONSIBILITY_MEASURES, type FourGate } from './four-gates';
import { INVESTIGATION_BASIS_LABELS, investigationLevel } from './investigation-level';

type InvestigationCommandType =
  | 'open_investigation'
  | 'take_over'
  | 'list_for_supervision'
  | 'extend_report_deadline'
  | 'submit_investigation_report'
  | 'record_responsibility'
  | 'link_rectification_hazard'
  | 'sync_rectification_hazard'
  | 'record_education';
type Cmd<T extends AccidentCommand['type']> = Extract<AccidentCommand, { type: T }>;
type Opened = Extract<NewAccidentEvent, { type: 'investigation_opened' }>['data'];

/** The open investigation, or a conflict saying there is none yet or it is closed. */
export function requireOpenInvestigation(state: AccidentState): InvestigationState {
  const i = state.investigation;
  if (!i) throw conflict('accident.investigation.not_opened', 'the investigation (事故调查) has not been opened');
  if (i.status === 'closed') throw conflict('accident.investigation.closed', 'the investigation is closed (已结案)');
  return i;
}

/** A gate's evidence is added to only while the gate is open: a closed gate is reopened first, with a reason. */
function requireGateOpen(i: InvestigationState, gate: FourGate): void {
  if (i.gates[gate].closed) throw conflict('accident.gate.already_closed', `${describeGate(gate)} is closed; reopen it (with a reason) to add to it`);
}

function level(value: unknown, field: string): AuthorityLevel {
  return requireOneOf(value, AUTHORITY_LEVELS, field);
}

function names(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw invalid('input.not_a_list', field, `${field} must be a list of names`);
  return value.map((name, i) => requiredText(name, `${field}[${i}]`, TEXT_LIMITS.shortText));
}

function open(state: AccidentState, c: Cmd<'open_investigation'>): Opened {
  if (state.investigation) throw conflict('accident.investigation.already_opened', 'the investigation is already open');
  const leader = requiredText(c.leader, 'leader', TEXT_LIMITS.shortText);
  const members = names(c.members, 'members');
  const requestedLevel = c.level === undefined ? undefined : level(c.level, 'level');
  if (c.upgradingCampaignId !== undefined && !isValidId(c.upgradingCampaignId))
    throw invalid('input.malformed_id', 'upgradingCampaignId', 'not a valid id');
  const found = investigationLevel(state.grade, { upgradingCampaign: c.upgradingCampaignId !== undefined, requestedLevel });
  if (requestedLevel !== undefined && levelRank(requestedLevel) < levelRank(found.requiredLevel))
    throw invalid(
      'accident.investigation.level_below_grade',
      'level',
      `a ${state.grade} accident is investigated at ${found.requiredLevel} level or higher`,
    );
  const reportDue = addSpan(new Date(state.report.occurredAt), state.policy.reportWithin).toISOString();
  return { ...found, upgradingCampaignId: c.upgradingCampaignId, leader, members, reportDue };
}

/** The events an investigation command causes (the four gates and closing are in decide-gates.ts). */
export function decideInvestigation(state: AccidentState, command: Cmd<InvestigationCommandType>, now: Date): NewAccidentEvent[] {
  const base = { at: now.toISOString(), actor: command.actor };
  if (command.type === 'open_investigation') {
    const data = open(state, command);
    return [
      {
        ...base,
        type: 'investigation_opened',
        data,
        reason: `${AUTHORITY_LEVEL_LABELS[data.level]} 调查组 led by ${data.leader}, ${INVESTIGATION_BASIS_LABELS[data.basis]}; report due ${data.reportDue}`,
      },
    ];
  }
  const i = requireOpenInvestigation(state);
  switch (command.type) {
    case 'take_over': {
      const to = level(command.level, 'level');
      if (levelRank(to) <= levelRank(i.level))
        throw invalid('accident.investigation.not_higher', 'level', `taking over needs a level above ${i.level}`);
      const reason = requiredText(command.reason, 'reason');
      return [{ ...base, type: 'investigation_taken_over', data: { from: i.level, to }, reason }];
    }
    case 'list_for_supervision': {
      if (i.listing)
        throw conflict(
          'accident.investigation.already_listed',
          `already listed by the ${i.listing.committeeLevel} committee (${i.listing.orderRef})`,
        );
      const committeeLevel = level(command.committeeLevel, 'committeeLevel');
      if (levelRank(committeeLevel) <= levelRank(i.level))
        throw invalid(
          'accident.investigation.listing_not_higher',
          'committeeLevel',
          `挂牌督办 comes from a committee above the investigating ${i.level} level`,
        );
      const orderRef = requiredText(command.orderRef, 'orderRef', TEXT_LIMITS.shortText);
      const reason = requiredText(command.reason, 'reason');
      return [{ ...base, type: 'listed_for_supervision', data: { committeeLevel, orderRef }, reason: `挂牌督办令 ${orderRef}: ${reason}` }];
    }
    case 'extend_report_deadline': {
      if (i.extension) throw conflict('accident.investigation.extension_used', `the one extension was granted on ${i.extension.at}`);
      if (i.report) throw conflict('accident.investigation.report_in', 'the investigation report is already in');
      const days = command.days;
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1)
        throw invalid('input.out_of_range', 'days', 'days must be a whole number ≥ 1');
      if (days > state.policy.maxExtensionDays)
        throw invalid(
          'accident.investigation.extension_too_long',
          'days',
          `an extension is at most ${state.policy.maxExtensionDays} days (条例 第二十九条)`,
        );
      const approval = requiredText(command.approval, 'approval', TEXT_LIMITS.shortText);
      const reason = requiredText(command.reason, 'reason');
      const newDue = addSpan(new Date(i.reportDue), { amount: days, unit: 'days' }).toISOString();
      return [{ ...base, type: 'report_deadline_extended', data: { previousDue: i.reportDue, newDue, days, approval }, reason }];
    }
    case 'submit_investigation_report': {
      if (i.gates.cause.closed)
        throw conflict('accident.investigation.report_accepted', 'the report was accepted; reopen the cause gate to replace it');
      const summary = requiredText(command.summary, 'summary');
      const causes = requiredText(command.causes, 'causes');
      const attachments = command.attachments === undefined ? [] : names(command.attachments, 'attachments');
      return [{ ...base, type: 'investigation_report_submitted', data: { summary, causes, attachments }, reason: summary }];
    }
    case 'record_responsibility': {
      requireGateOpen(i, 'responsibility');
      requireOneOf(command.measure, RESPONSIBILITY_MEASURES, 'measure');
      const person = requiredText(command.person, 'person', TEXT_LIMITS.shortText);
      const position = requiredText(command.position, 'position', TEXT_LIMITS.shortText);
      const decidedBy = requiredText(command.decidedBy, 'decidedBy', TEXT_LIMITS.shortText);
      const detail = requiredText(command.detail, 'detail');
      return [
        {
          ...base,
          type: 'responsibility_recorded',
          data: { person, position, measure: command.measure, decidedBy, detail },
          reason: `${person} (${position}): ${RESPONSIBILITY_MEASURE_LABELS[command.measure]}, decided by ${decidedBy}`,
        },
      ];
    }
    case 'link_rectification_hazard':
    case 'sync_rectification_hazard': {
      if (!isValidId(command.hazardId)) throw invalid('input.malformed_id', 'hazardId', 'hazardId is not a valid id');
      requireOneOf(command.status, HAZARD_STATUSES, 'status');
      const linked = command.hazardId in i.hazards;
      if (command.type === 'link_rectification_hazard') {
        requireGateOpen(i, 'rectification');
        if (linked) throw conflict('accident.rectification.already_linked', `hazard ${command.hazardId} is already a rectification measure`);
        return [
          {
            ...base,
            type: 'rectification_hazard_linked',
            data: { hazardId: command.hazardId, status: command.status },
            reason: `整改措施: hazard ${command.hazardId}`,
          },
        ];
      }
      if (!linked) throw conflict('accident.rectification.not_linked', `hazard ${command.hazardId} is not linked to this accident`);
      if (i.hazards[command.hazardId] === command.status) return [];
      return [
        {
          ...base,
          type: 'rectification_hazard_status',
          data: { hazardId: command.hazardId, status: command.status },
          reason: `hazard ${command.hazardId}: ${i.hazards[command.hazardId]} → ${command.status}`,
        },
      ];
    }
    case 'record_education': {
      requireGateOpen(i, 'education');
      const heldAt = parseDateTime(command.heldAt, 'heldAt');
      if (heldAt > now) throw invalid('accident.report.time_order', 'heldAt', 'heldAt must not be in the future');
      const topic = requiredText(command.topic, 'topic', TEXT_LIMITS.shortText);
      if (!Array.isArray(command.attendees) || command.attendees.length === 0)
        throw invalid('accident.education.attendees_required', 'attendees', 'name who attended the session');
      const attendees = names(command.attendees, 'attendees');
      return [
        {
          ...base,
          type: 'education_recorded',
          data: { heldAt: heldAt.toISOString(), topic, attendees },
          reason: `${topic}: ${attendees.length} attended`,
        },
      ];
    }
  }
}
