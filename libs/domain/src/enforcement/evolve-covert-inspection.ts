import type { NewCovertInspectionEvent } from './covert-inspection-events';
import type { CovertInspectionState, FeedbackState, RectificationOrderState } from './covert-inspection-state';

type Planned = Extract<NewCovertInspectionEvent, { type: 'planned' }>;

/** The state a covert inspection's stream starts from: its plan and the sample drawn. */
export function initialCovertInspectionState(event: Planned): CovertInspectionState {
  const { plan, policy, sample } = event.data;
  return {
    inspectionId: plan.inspectionId,
    plan,
    policy,
    sample,
    plannedAt: event.at,
    plannedBy: event.actor,
    findings: [],
    orders: [],
    listed: [],
    status: 'planned',
    lastSeq: 0,
  };
}

function withFeedback(
  s: CovertInspectionState,
  orderId: string,
  recipient: string,
  change: (f: FeedbackState) => FeedbackState,
): CovertInspectionState {
  const orders = s.orders.map((o): RectificationOrderState =>
    o.orderId === orderId ? { ...o, feedback: o.feedback.map((f) => (f.recipient === recipient ? change(f) : f)) } : o,
  );
  return { ...s, orders };
}

/** Applies one event. Pure: the workflow and any replay of the record agree by construction. */
export function evolveCovertInspection(s: CovertInspectionState, event: NewCovertInspectionEvent): CovertInspectionState {
  const by = event.actor;
  switch (event.type) {
    case 'planned':
      return s;
    case 'finding_recorded':
      return { ...s, findings: [...s.findings, { ...event.data, at: event.at, by }] };
    case 'rectification_ordered': {
      const { feedback, ...d } = event.data;
      const ordered = new Set(d.findingIds);
      return {
        ...s,
        findings: s.findings.map((f) => (ordered.has(f.findingId) ? { ...f, orderId: d.orderId } : f)),
        orders: [...s.orders, { ...d, issuedAt: event.at, issuedBy: by, feedback: feedback.map((f) => ({ ...f, overdue: false })) }],
      };
    }
    case 'major_hazard_listed':
      return { ...s, listed: [...s.listed, { ...event.data, at: event.at }] };
    case 'hazard_registered': {
      const { findingId, hazardId } = event.data;
      return { ...s, findings: s.findings.map((f) => (f.findingId === findingId ? { ...f, hazardId } : f)) };
    }
    case 'feedback_acknowledged':
      return withFeedback(s, event.data.orderId, event.data.recipient, (f) => ({
        ...f,
        acknowledged: { acknowledgedBy: event.data.acknowledgedBy, at: event.at, by },
      }));
    case 'feedback_overdue':
      return withFeedback(s, event.data.orderId, event.data.recipient, (f) => ({ ...f, overdue: true }));
    case 'completed':
      return { ...s, status: 'completed', completed: { summary: event.data.summary, at: event.at, by } };
  }
}
