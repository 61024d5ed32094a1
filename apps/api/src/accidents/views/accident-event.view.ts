import { ACCIDENT_EVENT_LABELS, type AccidentEventType } from '@duban/domain';
import { ledgerEventPageView, ledgerEventView } from '../../http/ledger-event.view';

/** One entry of an accident's audit trail (履职记录): who, when, why, and what changed. */
export class AccidentEventView extends ledgerEventView<AccidentEventType>({
  of: 'accident',
  labels: ACCIDENT_EVENT_LABELS,
  at: 'When it was recorded (记录时间).',
  dataExample: 'grade_changed → { from, to }',
}) {}

/** A page of an accident's audit trail (履职记录), in seq order. */
export class AccidentEventPageView extends ledgerEventPageView(AccidentEventView) {}
