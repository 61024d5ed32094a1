import type { NewHazardEvent } from './hazard-events';
import type { HazardState } from './hazard-state';
import { DEFAULT_LISTING_LEVEL } from './listing-level';

type Reported = Extract<NewHazardEvent, { type: 'reported' }>;

/** The state a hazard's stream starts from, built from its first event (the report), which applying then numbers 1. */
export function initialHazardState(event: Reported): HazardState {
  const { hazardId, report, policy, calendarVersion } = event.data;
  return {
    hazardId,
    report,
    reportedBy: event.actor,
    reportedAt: event.at,
    policy,
    ...(calendarVersion ? { calendarVersion } : {}),
    status: 'awaiting_plan',
    deadline: report.deadline,
    extensionsGranted: 0,
    extensionHistory: [],
    progressReportCount: 0,
    rejectionCount: 0,
    escalations: [],
    listedForSupervision: false,
    overdue: false,
    lastSeq: 0,
  };
}

/** Applies one event. Pure: the workflow and any replay of the event log agree by construction. */
export function evolveHazard(s: HazardState, event: NewHazardEvent): HazardState {
  switch (event.type) {
    case 'reported':
      return s;
    case 'plan_submitted':
      return { ...s, plan: event.data.plan, status: s.status === 'awaiting_plan' ? 'rectifying' : s.status };
    case 'progress_reported':
      return {
        ...s,
        progressReportCount: s.progressReportCount + 1,
        lastProgress: { text: event.data.text, percentComplete: event.data.percentComplete, at: event.at, by: event.actor },
      };
    case 'completion_claimed':
      return {
        ...s,
        status: 'awaiting_verification',
        claim: { summary: event.data.summary, attachments: event.data.attachments, at: event.at, by: event.actor },
      };
    case 'verification_rejected':
      return {
        ...s,
        status: 'rectifying',
        rejectionCount: s.rejectionCount + 1,
        lastRejection: { reasons: event.data.reasons, at: event.at, by: event.actor },
      };
    case 'signed_off':
      return { ...s, status: 'signed_off', pendingExtension: undefined, signedOff: { at: event.at, by: event.actor, ...event.data } };
    case 'extension_requested':
      return {
        ...s,
        pendingExtension: { requestedDeadline: event.data.requestedDeadline, reason: event.reason, requestedBy: event.actor, at: event.at },
      };
    case 'extension_approved':
      return {
        ...s,
        deadline: event.data.newDeadline,
        overdue: false,
        extensionsGranted: s.extensionsGranted + 1,
        pendingExtension: undefined,
        extensionHistory: [...s.extensionHistory, { ...event.data, approvedBy: event.actor, at: event.at, reason: event.reason }],
      };
    case 'extension_refused':
      return { ...s, pendingExtension: undefined };
    case 'overdue':
      return { ...s, overdue: true };
    case 'escalated': {
      const lists = event.data.instrument === 'listed_supervision';
      return {
        ...s,
        listedForSupervision: s.listedForSupervision || lists,
        // The policy lists at its rung's level; the committee and the tracker are named when an office acts.
        listing:
          s.listing ??
          (lists
            ? {
                level: event.data.listingLevel ?? DEFAULT_LISTING_LEVEL,
                regionId: null,
                tracker: null,
                listedAt: event.at,
                listedBy: event.actor,
                reason: event.reason,
              }
            : undefined),
        escalations: [
          ...s.escalations,
          { stepId: event.data.stepId, instrument: event.data.instrument, at: event.at, deadline: event.data.deadline, reason: event.reason },
        ],
      };
    }
    case 'monitoring_started':
      return {
        ...s,
        monitoring: {
          since: event.at,
          measures: event.data.measures,
          watchPerson: event.data.watchPerson,
          nextReportDue: event.data.nextReportDue,
          reportCount: 0,
          missedCount: 0,
        },
      };
    case 'monitoring_reported':
      return s.monitoring
        ? { ...s, monitoring: { ...s.monitoring, nextReportDue: event.data.nextReportDue, reportCount: s.monitoring.reportCount + 1 } }
        : s;
    case 'monitoring_report_missed':
      return s.monitoring
        ? { ...s, monitoring: { ...s.monitoring, nextReportDue: event.data.nextReportDue, missedCount: s.monitoring.missedCount + 1 } }
        : s;
    case 'listed': {
      const { level, regionId, tracker } = event.data;
      const listing = { level, regionId, tracker, listedAt: event.at, listedBy: event.actor, reason: event.reason };
      return { ...s, listedForSupervision: true, listing };
    }
    case 'listing_changed': {
      if (!s.listing) return s;
      const { level, regionId, tracker } = event.data;
      return { ...s, listing: { ...s.listing, level, regionId, tracker, lastChange: { at: event.at, by: event.actor, reason: event.reason } } };
    }
    case 'delisted':
      return s.listing ? { ...s, listing: { ...s.listing, delisted: { at: event.at, by: event.actor, reason: event.reason } } } : s;
    case 'enforcement_case_opened':
      return { ...s, enforcementCase: { ...event.data, openedAt: event.at } };
  }
}
