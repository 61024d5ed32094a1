import {
  applyEvents,
  hazardDecider,
  admitHazardReport,
  decideDueTimers,
  decideHazard,
  foldOpeningEvents,
  openHazardFile,
  STANDARD_HAZARD_POLICY,
  type Actor,
  type HazardCommand,
  type HazardEvent,
  type HazardReport,
  type HazardState,
} from '@duban/domain';

/** Hazards for the persistence specs, folded with the domain's own functions, as the workflow folds them. */
export interface Hazard {
  state: HazardState;
  events: HazardEvent[];
}

export const OFFICE: Actor = { id: 'office-1', name: '王主任', role: 'office' };
export const INSPECTOR: Actor = { id: 'insp-7', name: '李检查', role: 'inspector' };
export const unitActor = (unitId: string): Actor => ({ id: `${unitId}-safety`, name: `${unitId} 安全员`, role: 'unit', unitId });

/** A hazard reported at `at` (its opening events: reported, and listed when major). */
export function reportHazard(
  hazardId: string,
  report: Partial<HazardReport> & Pick<HazardReport, 'deadline'>,
  at: Date,
  reporter: Actor = OFFICE,
): Hazard {
  const r: HazardReport = {
    title: `隐患 ${hazardId}`,
    description: '脚手架连墙件缺失',
    location: '3号楼',
    industry: '建筑施工',
    unitId: 'unit-a',
    grade: 'general',
    source: 'inspection',
    finder: '张三',
    ...report,
  };
  admitHazardReport(r, reporter, STANDARD_HAZARD_POLICY, at);
  return foldOpeningEvents(openHazardFile(hazardId, r, reporter, STANDARD_HAZARD_POLICY, at));
}

/** Applies a command; `events` are only the new ones (what the workflow records next). */
export function act(h: Hazard, command: HazardCommand, now: Date): Hazard {
  return applyEvents(hazardDecider, h.state, decideHazard(h.state, command, now));
}

/** The timers due by `now` (overdue, escalations); only the new events. */
export function timers(h: Hazard, now: Date): Hazard {
  return applyEvents(hazardDecider, h.state, decideDueTimers(h.state, now));
}

/** The unit's rectification plan, due a day before the deadline; only the new events. */
export function submitPlan(h: Hazard, now: Date): Hazard {
  return act(
    h,
    {
      type: 'submit_plan',
      actor: unitActor(h.state.report.unitId),
      plan: {
        responsiblePerson: '赵经理',
        measures: '补设连墙件',
        funds: { amountYuan: 20_000, source: '安全生产费用' },
        deadline: new Date(new Date(h.state.deadline).getTime() - 86_400_000).toISOString(),
        contingencyPlan: '设置警戒区',
      },
    },
    now,
  );
}

/** `earlier`'s events followed by `later`'s, at `later`'s state. */
export const joined = (earlier: Hazard, later: Hazard): Hazard => ({ state: later.state, events: [...earlier.events, ...later.events] });

/**
 * Completion claimed and accepted at `now` (after the timers due by then when it is late).
 * Returns the whole file: `h`'s events and the new ones.
 */
export function signOff(h: Hazard, now: Date): Hazard {
  let file = now > new Date(h.state.deadline) ? joined(h, timers(h, now)) : h;
  file = joined(file, act(file, { type: 'claim_completion', actor: unitActor(h.state.report.unitId), summary: '已整改' }, now));
  return joined(file, act(file, { type: 'verify', actor: OFFICE, decision: 'accept', comment: '验收合格' }, now));
}
