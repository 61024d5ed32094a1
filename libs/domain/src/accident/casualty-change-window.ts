import { addSpan } from '../time/add-span';
import type { TimeSpan } from '../time/time-span';
import type { AccidentKind } from './accident-kind';

/** How long after an accident the regulation expects its casualty numbers to change (补报/续报). */
export interface CasualtyChangeWindowPolicy {
  default: TimeSpan;
  /** Kinds with their own, shorter window. */
  byKind: Partial<Record<AccidentKind, TimeSpan>>;
  source: string;
}

export const NATIONAL_CASUALTY_CHANGE_WINDOW: CasualtyChangeWindowPolicy = {
  default: { amount: 30, unit: 'days' },
  byKind: { road_traffic: { amount: 7, unit: 'days' }, fire: { amount: 7, unit: 'days' } },
  source: '《生产安全事故报告和调查处理条例》第十三条: 30 日内伤亡人数发生变化的应当及时补报; 道路交通事故、火灾事故 7 日内',
};

/** The end of the window in which casualty changes are expected for an accident of `kind`. */
export function casualtyChangeWindowEnd(
  occurredAt: Date,
  kind: AccidentKind,
  policy: CasualtyChangeWindowPolicy = NATIONAL_CASUALTY_CHANGE_WINDOW,
): Date {
  return addSpan(occurredAt, policy.byKind[kind] ?? policy.default);
}

/** Whether a change reported at `at` falls inside the expected window (a later one is recorded, and marked as late). */
export function isWithinCasualtyChangeWindow(
  occurredAt: Date,
  kind: AccidentKind,
  at: Date,
  policy: CasualtyChangeWindowPolicy = NATIONAL_CASUALTY_CHANGE_WINDOW,
): boolean {
  return at <= casualtyChangeWindowEnd(occurredAt, kind, policy);
}
